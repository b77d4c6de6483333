import { Button, Group, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Parameter } from '../../../../../shared/contract/parameters';
import { parameterTypeLabels } from '../../../../../shared/values';
import { parameterSearchQueryOptions } from '../../api/catalog-options';
import { useEditorContext } from './editor-context';

export interface ParameterPickerProps {
  /** Keys already in the experiment (not offered again). */
  picked: readonly string[];
  onPick: (parameter: Parameter) => void;
  onCreate: () => void;
  disabled?: boolean;
}

/** Search the parameters (by key or name, on the server) and add one the variants may override. */
export function ParameterPicker({ picked, onPick, onCreate, disabled }: ParameterPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { environment } = useEditorContext();
  const results = useQuery(parameterSearchQueryOptions(environment, debounced));
  const options = (results.data ?? [])
    .filter((parameter) => !picked.includes(parameter.key))
    .map((parameter) => ({ value: parameter.key, label: `${parameter.name} (${parameter.key}) · ${parameterTypeLabels[parameter.spec.type]}` }));

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Add a parameter"
        description="Search by key or name; each variant can then give it its own value"
        placeholder="Search parameters…"
        leftSection={<IconSearch size={16} aria-hidden />}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        value={null}
        onChange={(key) => {
          const parameter = results.data?.find((candidate) => candidate.key === key);
          if (!parameter) return;
          onPick(parameter);
          setSearch('');
        }}
        // The server already filtered by the search text (key or name); show what it returned.
        filter={({ options: all }) => all}
        nothingFoundMessage={results.isFetching ? 'Searching…' : results.isError ? 'Could not search parameters' : 'No matching parameter: create one'}
        disabled={disabled}
        style={{ flex: '1 1 320px' }}
      />
      <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate} disabled={disabled}>
        Create a parameter
      </Button>
    </Group>
  );
}
