import { ActionIcon, Autocomplete, Group, NativeSelect, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconActivity, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { behaviourMeasures, describeBehaviourRule, type BehaviourMeasure, type BehaviourRule } from '../../../../../shared/behaviour/behaviour-rule';
import type { FieldError } from '../../../../../shared/contract/common';
import { eventCatalogQueryOptions } from '../../../../lib/event-catalog';
import { EventPicker } from '../../../../components/event-picker';
import { BehaviourAmountInput } from './behaviour-amount-input';
import { measureLabels, usesComparison, usesEvent, usesProperty, withMeasure, withOptional } from './behaviour-draft';
import { BehaviourFilters } from './behaviour-filters';
import { BehaviourWindowInput } from './behaviour-window-input';
import { errorsUnder, messageAt } from './builder-errors';

export interface BehaviourRowProps {
  rule: BehaviourRule;
  /** "Behaviour 2.1": names the row for assistive technology. */
  name: string;
  onChange: (rule: BehaviourRule) => void;
  onRemove: () => void;
  /** Errors under this rule, paths relative to it ('event', 'amount', 'window.days', ''). */
  errors: readonly FieldError[];
}

const measureOptions = behaviourMeasures.map((measure) => ({ value: measure, label: measureLabels[measure] }));

/** One behavioural condition, read left to right as a sentence: "did purchase at least 3 times in the last 30 days". */
export function BehaviourRow({ rule, name, onChange, onRemove, errors }: BehaviourRowProps) {
  const catalog = useQuery(eventCatalogQueryOptions());
  const events = catalog.data ?? [];
  const properties = events.find((entry) => entry.event === rule.event?.trim())?.properties ?? [];
  const whole = messageAt(errors, '');
  const lowerName = name.toLowerCase();

  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={name}>
      <Stack gap="xs">
        <Group gap={6} c="dimmed">
          <IconActivity size={14} aria-hidden />
          <Text size="xs">{name}: users who</Text>
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label="Did what"
            data={measureOptions}
            value={rule.measure}
            onChange={(event) => onChange(withMeasure(rule, event.currentTarget.value as BehaviourMeasure))}
            error={messageAt(errors, 'measure')}
            style={{ flex: '0 0 130px' }}
          />
          {usesEvent(rule.measure) && (
            <div style={{ flex: '2 1 200px', minWidth: 0 }}>
              <EventPicker
                label="Event"
                value={rule.event ?? ''}
                onChange={(event) => onChange(withOptional(rule, 'event', event))}
                catalog={events}
                catalogState={catalog.status}
                needsValue={usesProperty(rule.measure) && !rule.property}
                error={messageAt(errors, 'event')}
              />
            </div>
          )}
          {usesProperty(rule.measure) && (
            <Autocomplete
              label={rule.measure === 'sum' ? 'Add up' : 'Average'}
              placeholder="the event's value"
              description="Empty: the value sent with the event"
              data={[...properties]}
              value={rule.property ?? ''}
              onChange={(property) => onChange(withOptional(rule, 'property', property))}
              autoComplete="off"
              spellCheck={false}
              error={messageAt(errors, 'property')}
              style={{ flex: '1 1 150px', minWidth: 0 }}
            />
          )}
          {usesComparison(rule.measure) && (
            <BehaviourAmountInput rule={rule} onChange={onChange} comparisonError={messageAt(errors, 'comparison')} amountError={messageAt(errors, 'amount')} />
          )}
          <BehaviourWindowInput window={rule.window} onChange={(window) => onChange({ ...rule, window })} errors={errorsUnder(errors, 'window')} />
          <Tooltip label={`Remove ${lowerName}`}>
            <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={onRemove} aria-label={`Remove ${lowerName}`}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        {usesEvent(rule.measure) && (
          <BehaviourFilters
            filters={rule.filters ?? []}
            owner={lowerName}
            event={rule.event ?? ''}
            properties={properties}
            errors={errorsUnder(errors, 'filters')}
            onChange={(filters) => onChange(withOptional(rule, 'filters', filters))}
          />
        )}
        <Text size="sm" data-testid="behaviour-sentence">
          <Text span fw={500}>
            Reads:{' '}
          </Text>
          users who {describeBehaviourRule({ ...rule, event: rule.event?.trim() || '…' }).replace(/NaN/g, '…')}
        </Text>
        {whole && (
          <Text c="var(--mantine-color-error)" size="sm" role="alert">
            {whole}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
