import { Autocomplete, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KnownUser } from '../../../../shared/contract/segments';
import { knownUsersQueryOptions } from '../api/search-known-users';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

/** Finds a user apps have evaluated values for, by targetingKey. */
export function KnownUserPicker({ onPick }: { onPick: (user: KnownUser) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const environment = useCurrentEnvironment().key;
  const users = useQuery(knownUsersQueryOptions(environment, debounced));
  const items = users.data ?? [];

  return (
    <Autocomplete
      label="Known user"
      description="Search the users your apps evaluated values for, or type the context below"
      placeholder="Search by user ID"
      value={search}
      onChange={setSearch}
      data={items.map((user) => user.targetingKey)}
      filter={({ options }) => options}
      onOptionSubmit={(key) => {
        const user = items.find((candidate) => candidate.targetingKey === key);
        if (user) onPick(user);
      }}
      renderOption={({ option }) => {
        const user = items.find((candidate) => candidate.targetingKey === option.value);
        return (
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{option.value}</Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {user ? Object.keys(user.attributes).filter((name) => name !== 'targetingKey').join(', ') : ''}
            </Text>
          </Group>
        );
      }}
      style={{ maxWidth: 420 }}
    />
  );
}
