import { Group, NativeSelect } from '@mantine/core';
import { behaviourComparisons, type BehaviourComparison, type BehaviourRule } from '../../../../../shared/behaviour/behaviour-rule';
import { comparisonLabels, withComparison, withOptional } from './behaviour-draft';
import { NumberBox } from './number-box';

export interface BehaviourAmountInputProps {
  rule: BehaviourRule;
  onChange: (rule: BehaviourRule) => void;
  comparisonError?: string;
  amountError?: string;
}

const comparisonOptions = behaviourComparisons.map((comparison) => ({ value: comparison, label: comparisonLabels[comparison] }));

/** "at least 3 times", "between 10 and 50": the comparison and its number(s). */
export function BehaviourAmountInput({ rule, onChange, comparisonError, amountError }: BehaviourAmountInputProps) {
  const times = rule.measure === 'count';
  const amount = rule.amount;
  const numberProps = { allowDecimal: !times, min: times ? 0 : undefined, style: { flex: '1 1 90px', minWidth: 0 } };
  const comparison = (
    <NativeSelect
      label="Comparison"
      data={comparisonOptions}
      value={rule.comparison ?? 'atLeast'}
      onChange={(event) => onChange(withComparison(rule, event.currentTarget.value as BehaviourComparison))}
      error={comparisonError}
      style={{ flex: '0 0 110px' }}
    />
  );

  if (rule.comparison === 'between') {
    const [low, high] = Array.isArray(amount) ? amount : [typeof amount === 'number' ? amount : undefined, undefined];
    // A range with one end missing is kept as [n, NaN] so what was typed survives; the schema refuses it.
    const set = (index: 0 | 1, value: number | undefined) => {
      const pair: [number, number] = [low ?? Number.NaN, high ?? Number.NaN];
      pair[index] = value ?? Number.NaN;
      onChange(withOptional(rule, 'amount', Number.isNaN(pair[0]) && Number.isNaN(pair[1]) ? undefined : pair));
    };
    const missing = amountError && (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high));
    return (
      <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: '2 1 260px' }}>
        {comparison}
        <NumberBox label="From" value={low} onChange={(value) => set(0, value)} error={missing ? 'Enter a lower and an upper number' : amountError} {...numberProps} />
        <NumberBox label={times ? 'To (times)' : 'To'} value={high} onChange={(value) => set(1, value)} {...numberProps} />
      </Group>
    );
  }
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" style={{ flex: '1 1 220px' }}>
      {comparison}
      <NumberBox
        label={times ? 'Times' : 'Amount'}
        value={typeof amount === 'number' ? amount : undefined}
        onChange={(value) => onChange(withOptional(rule, 'amount', value))}
        error={amountError}
        {...numberProps}
      />
    </Group>
  );
}
