import { Group, NativeSelect, TextInput } from '@mantine/core';
import { MAX_BEHAVIOUR_DAYS, type BehaviourWindow } from '../../../../../shared/behaviour/behaviour-rule';
import type { FieldError } from '../../../../../shared/contract/common';
import { messageAt } from './builder-errors';
import { windowOfKind } from './behaviour-draft';
import { NumberBox } from './number-box';

export interface BehaviourWindowInputProps {
  window: BehaviourWindow;
  onChange: (window: BehaviourWindow) => void;
  /** Errors under the window, paths relative to it ('days', 'from', 'to', ''). */
  errors: readonly FieldError[];
}

const kindOptions = [
  { value: 'lastDays', label: 'in the last … days' },
  { value: 'between', label: 'between dates' },
];

/** "in the last 7 days" or "between 2026-11-01 and 2026-11-30" (whole UTC days). */
export function BehaviourWindowInput({ window, onChange, errors }: BehaviourWindowInputProps) {
  const whole = messageAt(errors, '');
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: '2 1 260px' }}>
      <NativeSelect
        label="When"
        data={kindOptions}
        value={window.kind}
        onChange={(event) => onChange(windowOfKind(window, event.currentTarget.value as BehaviourWindow['kind']))}
        error={whole}
        style={{ flex: '0 0 185px' }}
      />
      {window.kind === 'lastDays' ? (
        <NumberBox
          label="Days"
          description="Today counts as day 1 (UTC)"
          value={window.days}
          // An emptied box is kept as NaN (never sent: the schema refuses it) so the row stays a window.
          onChange={(value) => onChange({ kind: 'lastDays', days: value ?? Number.NaN })}
          min={1}
          max={MAX_BEHAVIOUR_DAYS}
          allowDecimal={false}
          error={Number.isNaN(window.days) && messageAt(errors, 'days') ? 'Enter a number of days' : messageAt(errors, 'days')}
          style={{ flex: '1 1 100px', minWidth: 0 }}
        />
      ) : (
        <>
          <TextInput
            type="date"
            label="From date"
            value={window.from}
            onChange={(event) => onChange({ ...window, from: event.currentTarget.value })}
            error={messageAt(errors, 'from')}
            style={{ flex: '1 1 140px', minWidth: 0 }}
          />
          <TextInput
            type="date"
            label="To date"
            value={window.to}
            onChange={(event) => onChange({ ...window, to: event.currentTarget.value })}
            error={messageAt(errors, 'to')}
            style={{ flex: '1 1 140px', minWidth: 0 }}
          />
        </>
      )}
    </Group>
  );
}
