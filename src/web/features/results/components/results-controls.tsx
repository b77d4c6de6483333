import { Group, Select, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import type { ResultsSettings } from '../lib/results-settings';

export interface ResultsControlsProps {
  value: ResultsSettings;
  onChange: (next: ResultsSettings) => void;
  /** Known-user attributes to break results down by. */
  attributes: string[];
}

function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      {children(id)}
    </Stack>
  );
}

/** The switches above the results: engine, correction, relative/absolute, breakdown and dates. */
export function ResultsControls({ value, onChange, attributes }: ResultsControlsProps) {
  const set = <K extends keyof ResultsSettings>(key: K, next: ResultsSettings[K]) => onChange({ ...value, [key]: next });
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Labelled label="Statistics">
        {(id) => (
          <SegmentedControl
            aria-labelledby={id}
            value={value.engine}
            onChange={(v) => set('engine', v as ResultsSettings['engine'])}
            data={[
              { value: 'sequential', label: 'Sequential' },
              { value: 'frequentist', label: 'Frequentist' },
              { value: 'bayesian', label: 'Bayesian' },
            ]}
          />
        )}
      </Labelled>
      <Labelled label="Show effects as">
        {(id) => (
          <SegmentedControl
            aria-labelledby={id}
            value={value.difference}
            onChange={(v) => set('difference', v as ResultsSettings['difference'])}
            data={[
              { value: 'relative', label: 'Relative %' },
              { value: 'absolute', label: 'Absolute' },
            ]}
          />
        )}
      </Labelled>
      <Select
        label="Correction"
        w={210}
        value={value.correction}
        onChange={(v) => set('correction', (v ?? 'none') as ResultsSettings['correction'])}
        allowDeselect={false}
        disabled={value.engine === 'bayesian'}
        description={value.engine === 'bayesian' ? 'Not used by the Bayesian engine' : undefined}
        data={[
          { value: 'none', label: 'None' },
          { value: 'holm', label: 'Holm-Bonferroni' },
          { value: 'bh', label: 'Benjamini-Hochberg' },
        ]}
      />
      <Select
        label="Break down by"
        w={190}
        placeholder="No breakdown"
        clearable
        searchable
        value={value.breakdown || null}
        onChange={(v) => set('breakdown', v ?? '')}
        data={attributes}
        nothingFoundMessage="No such attribute"
      />
      <TextInput label="From" type="date" w={160} value={value.from} max={value.to || undefined} onChange={(e) => set('from', e.currentTarget.value)} />
      <TextInput label="To" type="date" w={160} value={value.to} min={value.from || undefined} onChange={(e) => set('to', e.currentTarget.value)} />
    </Group>
  );
}
