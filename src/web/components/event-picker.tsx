import { Autocomplete, Badge, Group, Text } from '@mantine/core';
import type { CatalogEvent } from '../lib/event-catalog';

const number = new Intl.NumberFormat('en');

export interface EventPickerProps {
  label: string;
  value: string;
  onChange: (event: string) => void;
  onBlur?: () => void;
  catalog: readonly CatalogEvent[];
  /** The catalog is still loading, or could not load: free entry still works. */
  catalogState: 'pending' | 'error' | 'success';
  error?: string;
  /** Sum, mean and value ratios read each event's value: say how many had one. */
  needsValue?: boolean;
  name?: string;
}

function seen(entry: CatalogEvent): string {
  return `${number.format(entry.count)} ${entry.count === 1 ? 'event' : 'events'} from ${number.format(entry.users)} ${entry.users === 1 ? 'user' : 'users'}`;
}

function describe(value: string, entry: CatalogEvent | undefined, state: EventPickerProps['catalogState'], needsValue: boolean): string {
  if (!value.trim()) {
    if (state === 'pending') return 'Loading the events apps have sent…';
    if (state === 'error') return 'Could not load the events apps have sent; type the event name.';
    return 'Pick an event apps have sent, or type the name of one they will send.';
  }
  if (!entry) return state === 'success' ? 'No app has sent it yet: the metric counts it once they do.' : 'Type the name exactly as apps send it.';
  const withValue = needsValue ? `; ${number.format(entry.withValue)} with a value` : '';
  return `Seen: ${seen(entry)}${withValue}.`;
}

/** An event from the ingested-events catalog (with counts), or any name typed freely. */
export function EventPicker({ label, value, onChange, onBlur, catalog, catalogState, error, needsValue = false, name }: EventPickerProps) {
  const entry = catalog.find((candidate) => candidate.event === value.trim());
  return (
    <Autocomplete
      label={label}
      name={name}
      required
      placeholder="purchase"
      data={catalog.map((candidate) => candidate.event)}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      autoComplete="off"
      spellCheck={false}
      error={error}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        <Group gap={6} component="span">
          {value.trim() && !entry && catalogState === 'success' && (
            <Badge component="span" size="xs" variant="light" color="yellow" c="var(--mantine-color-text)">
              Never sent yet
            </Badge>
          )}
          <span>{describe(value, entry, catalogState, needsValue)}</span>
        </Group>
      }
      renderOption={({ option }) => {
        const candidate = catalog.find((item) => item.event === option.value);
        return (
          <Group justify="space-between" wrap="nowrap" gap="md" w="100%">
            <Text size="sm">{option.value}</Text>
            {candidate && (
              <Text size="xs" c="dimmed">
                {seen(candidate)}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}
