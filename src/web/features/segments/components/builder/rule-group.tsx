import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconActivity, IconBrackets, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FieldError } from '../../../../../shared/contract/common';
import type { BuilderGroup } from '../../../../../shared/targeting';
import type { ObservedAttribute } from '../../api/list-attributes';
import { errorsUnder, messageAt } from './builder-errors';
import { newBehaviourRule } from './behaviour-draft';
import { BehaviourRow } from './behaviour-row';
import { appendChild, emptyGroup, newRule, removeChild, replaceChild } from './builder-tree';
import { RuleRow } from './rule-row';

export interface RuleGroupProps {
  group: BuilderGroup;
  /** "" for the top group, else e.g. "2" or "2.1" (1-based, shown to people). */
  number: string;
  attributes: readonly ObservedAttribute[];
  onChange: (group: BuilderGroup) => void;
  onRemove?: () => void;
  /** Errors under this group, paths relative to it ('children.0.value'). */
  errors: readonly FieldError[];
  depth?: number;
}

const MAX_DEPTH = 4;

/** A group of rules and nested groups joined by AND or OR. */
export function RuleGroup({ group, number, attributes, onChange, onRemove, errors, depth = 0 }: RuleGroupProps) {
  const name = number ? `Group ${number}` : 'All rules';
  const childNumber = (index: number) => (number ? `${number}.${index + 1}` : String(index + 1));
  const whole = messageAt(errors, '') ?? messageAt(errors, 'children');

  return (
    <Paper
      withBorder={depth > 0}
      p={depth > 0 ? 'sm' : 0}
      radius="md"
      bg={depth > 0 ? 'var(--mantine-color-default-hover)' : undefined}
      role="group"
      aria-label={name}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={500} id={`builder-match-${number || 'root'}`}>
              {depth > 0 ? `Group ${number}: match` : 'Match users where'}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={`How ${name.toLowerCase()} combine`}
              value={group.combinator}
              onChange={(value) => onChange({ ...group, combinator: value === 'or' ? 'or' : 'and' })}
              data={[
                { value: 'and', label: 'ALL (AND)' },
                { value: 'or', label: 'ANY (OR)' },
              ]}
            />
          </Group>
          {onRemove && (
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
              Remove group {number}
            </Button>
          )}
        </Group>
        {group.children.length === 0 && (
          <Text size="sm" c="dimmed">
            No rules yet: {depth === 0 ? 'everyone matches.' : 'this group matches everyone.'}
          </Text>
        )}
        {group.children.map((child, index) =>
          child.type === 'group' ? (
            <RuleGroup
              key={index}
              group={child}
              number={childNumber(index)}
              attributes={attributes}
              depth={depth + 1}
              errors={errorsUnder(errors, `children.${index}`)}
              onChange={(next) => onChange(replaceChild(group, index, next))}
              onRemove={() => onChange(removeChild(group, index))}
            />
          ) : child.type === 'behaviour' ? (
            <BehaviourRow
              key={index}
              rule={child}
              name={`Behaviour ${childNumber(index)}`}
              errors={errorsUnder(errors, `children.${index}`)}
              onChange={(next) => onChange(replaceChild(group, index, next))}
              onRemove={() => onChange(removeChild(group, index))}
            />
          ) : (
            <RuleRow
              key={index}
              rule={child}
              name={`Rule ${childNumber(index)}`}
              attributes={attributes}
              errors={errorsUnder(errors, `children.${index}`)}
              onChange={(next) => onChange(replaceChild(group, index, next))}
              onRemove={() => onChange(removeChild(group, index))}
            />
          ),
        )}
        {whole && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {whole}
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange(appendChild(group, newRule()))}>
            {depth === 0 ? 'Add rule' : `Add rule to group ${number}`}
          </Button>
          <Button size="xs" variant="light" leftSection={<IconActivity size={14} aria-hidden />} onClick={() => onChange(appendChild(group, newBehaviourRule()))}>
            {depth === 0 ? 'Add behaviour' : `Add behaviour to group ${number}`}
          </Button>
          {depth < MAX_DEPTH && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconBrackets size={14} aria-hidden />}
              onClick={() => onChange(appendChild(group, appendChild(emptyGroup(group.combinator === 'and' ? 'or' : 'and'), newRule())))}
            >
              {depth === 0 ? 'Add group' : `Add group to group ${number}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
