import { Group, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { parameterSortSchema } from '../../../../shared/contract/parameters';
import { parameterTypeLabels, parameterTypes, type ParameterType } from '../../../../shared/values';
import type { ParameterFilters } from '../api/parameters-keys';

export interface ParametersFiltersProps {
  value: ParameterFilters;
  onChange: (filters: ParameterFilters) => void;
  /** Every tag in use, for the tag filter. */
  tags: readonly string[];
}

type Sort = NonNullable<ParameterFilters['sort']>;

const sortLabels: Record<Sort, string> = {
  key: 'Key (A–Z)',
  '-key': 'Key (Z–A)',
  name: 'Name (A–Z)',
  '-name': 'Name (Z–A)',
  type: 'Type',
  '-type': 'Type (reversed)',
  '-updatedAt': 'Recently updated',
  updatedAt: 'Least recently updated',
};
const sortOptions = parameterSortSchema.options.map((sort) => ({ value: sort, label: sortLabels[sort] }));
const typeOptions = parameterTypes.map((type) => ({ value: type, label: parameterTypeLabels[type] }));

export function ParametersFilters({ value, onChange, tags }: ParametersFiltersProps) {
  const [search, setSearch] = useState(value.search ?? '');
  const commitSearch = useDebouncedCallback((next: string) => onChange({ ...value, search: next.trim() || undefined }), 250);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter parameters">
      <TextInput
        label="Search"
        placeholder="Key, name or description"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        style={{ flex: '1 1 240px' }}
      />
      <Select<ParameterType>
        label="Type"
        placeholder="Any type"
        data={typeOptions}
        value={value.type ?? null}
        onChange={(type) => onChange({ ...value, type: type ?? undefined })}
        clearable
        w={180}
      />
      <Select
        label="Tag"
        placeholder="Any tag"
        data={[...tags]}
        value={value.tag ?? null}
        onChange={(tag) => onChange({ ...value, tag: tag ?? undefined })}
        clearable
        searchable
        nothingFoundMessage="No such tag"
        w={180}
      />
      <Select<Sort>
        label="Sort by"
        data={sortOptions}
        value={value.sort ?? 'key'}
        onChange={(sort) => onChange({ ...value, sort: sort ?? 'key' })}
        allowDeselect={false}
        w={200}
      />
      <Switch
        label="Show archived"
        checked={value.archived === 'true'}
        onChange={(event) => onChange({ ...value, archived: event.currentTarget.checked ? 'true' : 'false' })}
        mb={8}
      />
    </Group>
  );
}
