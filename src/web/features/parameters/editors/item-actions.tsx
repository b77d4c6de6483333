import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

export interface ItemActionsProps {
  /** Zero-based position of the item. */
  index: number;
  count: number;
  /** What an item is called in button names: "Move item 2 up", "Remove screen 3". */
  noun?: string;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  canRemove?: boolean;
  disabled?: boolean;
}

/** Move up, Move down and Remove buttons for one entry of an ordered list. */
export function ItemActions({ index, count, noun = 'item', onMove, onRemove, canRemove = true, disabled }: ItemActionsProps) {
  const n = index + 1;
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Move ${noun} ${n} up`}
        title={`Move ${noun} ${n} up`}
        disabled={disabled || index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        <IconArrowUp size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={`Move ${noun} ${n} down`}
        title={`Move ${noun} ${n} down`}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        <IconArrowDown size={16} aria-hidden />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Remove ${noun} ${n}`}
        title={`Remove ${noun} ${n}`}
        disabled={disabled || !canRemove}
        onClick={() => onRemove(index)}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}
