import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFilterPlus } from '@tabler/icons-react';
import type { FieldError } from '../../../../../shared/contract/common';
import type { PropertyFilter } from '../../../../../shared/contract/metrics';
import { BehaviourFilterRow } from './behaviour-filter-row';
import { errorsUnder } from './builder-errors';

export interface BehaviourFiltersProps {
  filters: readonly PropertyFilter[];
  /** "behaviour 2": names the buttons and rows for assistive technology. */
  owner: string;
  event: string;
  /** The properties apps sent with the event (suggestions; any name may be typed). */
  properties: readonly string[];
  onChange: (filters: PropertyFilter[]) => void;
  /** Errors under the filters ('0.property', ...). */
  errors: readonly FieldError[];
}

const newFilter = (): PropertyFilter => ({ property: '', operator: 'equals', value: '' });

/** "purchase where category is shoes and price is more than 20": every filter must hold. */
export function BehaviourFilters({ filters, owner, event, properties, onChange, errors }: BehaviourFiltersProps) {
  const eventName = event.trim() || 'the event';
  return (
    <Stack gap="xs">
      {filters.length > 0 && (
        <Text size="sm" c="dimmed">
          Only {eventName} events where all of these hold count:
        </Text>
      )}
      {filters.map((filter, index) => (
        <BehaviourFilterRow
          key={index}
          filter={filter}
          name={`Filter ${index + 1} of ${owner}`}
          properties={properties}
          errors={errorsUnder(errors, String(index))}
          onChange={(next) => onChange(filters.map((current, i) => (i === index ? next : current)))}
          onRemove={() => onChange(filters.filter((_, i) => i !== index))}
        />
      ))}
      <Group>
        <Button variant="subtle" size="xs" leftSection={<IconFilterPlus size={14} aria-hidden />} onClick={() => onChange([...filters, newFilter()])}>
          Add filter to {owner}
        </Button>
      </Group>
    </Stack>
  );
}
