import { Group, MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';

export interface CombinationEditorProps {
  segments: readonly { id: string; name: string }[];
  combinator: 'and' | 'or';
  include: string[];
  exclude: string[];
  onChange: (next: { combinator: 'and' | 'or'; include: string[]; exclude: string[] }) => void;
  includeError?: string;
  excludeError?: string;
}

/** A segment built from others: in any (or all) of the included ones, and in none of the excluded. */
export function CombinationEditor({ segments, combinator, include, exclude, onChange, includeError, excludeError }: CombinationEditorProps) {
  const options = segments.map((segment) => ({ value: segment.id, label: segment.name }));
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Users in
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Included segments combine with"
          value={combinator}
          onChange={(value) => onChange({ combinator: value === 'and' ? 'and' : 'or', include, exclude })}
          data={[
            { value: 'or', label: 'ANY of (OR)' },
            { value: 'and', label: 'ALL of (AND)' },
          ]}
        />
      </Group>
      <MultiSelect
        label="Include segments"
        placeholder={include.length === 0 ? 'Choose segments' : undefined}
        data={options}
        value={include}
        onChange={(next) => onChange({ combinator, include: next, exclude: exclude.filter((id) => !next.includes(id)) })}
        searchable
        error={includeError}
        nothingFoundMessage="No segment with that name"
      />
      <MultiSelect
        label="Exclude segments"
        description="Users in any of these are left out"
        data={options.filter((option) => !include.includes(option.value))}
        value={exclude}
        onChange={(next) => onChange({ combinator, include, exclude: next })}
        searchable
        error={excludeError}
        nothingFoundMessage="No segment with that name"
      />
    </Stack>
  );
}
