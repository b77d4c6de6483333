import { Button, EmptyState, Group, Stack } from '@mantine/core';
import { IconAdjustments, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { parametersInfiniteQueryOptions } from '../api/list-parameters';
import type { ParameterFilters } from '../api/parameters-keys';
import { BulkActionBar } from './bulk-action-bar';
import { ParametersFilters } from './parameters-filters';
import { ParametersTable } from './parameters-table';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface ParametersBrowserProps {
  canEdit: boolean;
}

const initialFilters: ParameterFilters = { sort: 'key', archived: 'false' };

function isFiltered(filters: ParameterFilters): boolean {
  return Boolean(filters.search || filters.type || filters.tag || filters.archived === 'true');
}

/** Search, filter, sort and bulk-change parameters in a list that loads as it scrolls. */
export function ParametersBrowser({ canEdit }: ParametersBrowserProps) {
  const [filters, setFilters] = useState<ParameterFilters>(initialFilters);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const environment = useCurrentEnvironment().key;
  const list = useInfiniteQuery(parametersInfiniteQueryOptions(environment, filters));
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const firstPage = list.data?.pages[0];
  const [knownTags, setKnownTags] = useState<readonly string[]>([]);
  if (firstPage && firstPage.tags !== knownTags && firstPage.tags.join('\u0000') !== knownTags.join('\u0000')) setKnownTags(firstPage.tags);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const changeFilters = (next: ParameterFilters) => {
    setFilters(next);
    setSelected(new Set());
  };

  const filtersBar = <ParametersFilters value={filters} onChange={changeFilters} tags={knownTags} />;

  if (list.isError) {
    return (
      <Stack>
        {filtersBar}
        <QueryError title="Could not load parameters" error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      </Stack>
    );
  }
  if (list.isSuccess && rows.length === 0) {
    return (
      <Stack>
        {(isFiltered(filters) || knownTags.length > 0) && filtersBar}
        {isFiltered(filters) ? (
          <EmptyState
            icon={<IconAdjustments aria-hidden />}
            title="No parameters match"
            description="Try another search, or clear the filters."
          >
            <EmptyState.Actions>
              <Button variant="default" onClick={() => changeFilters(initialFilters)}>
                Clear filters
              </Button>
            </EmptyState.Actions>
          </EmptyState>
        ) : (
          <EmptyState
            icon={<IconAdjustments aria-hidden />}
            title="No parameters yet — create one or import a manifest"
            description="Parameters are values your apps read at run time: texts, prices, colours, feature flags and more."
          >
            {canEdit && (
              <EmptyState.Actions>
                <Group>
                  <Button component={Link} to="/parameters/new" leftSection={<IconPlus size={16} aria-hidden />}>
                    New parameter
                  </Button>
                  <Button component={Link} to="/parameters/import" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                    Import a manifest
                  </Button>
                </Group>
              </EmptyState.Actions>
            )}
          </EmptyState>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {filtersBar}
      {canEdit && <BulkActionBar selected={selected} onDone={() => setSelected(new Set())} />}
      <ParametersTable
        rows={rows}
        total={firstPage?.total ?? 0}
        loading={list.isPending}
        hasMore={hasNextPage}
        fetchingMore={isFetchingNextPage}
        onLoadMore={loadMore}
        selected={selected}
        onSelectedChange={setSelected}
        selectable={canEdit}
      />
    </Stack>
  );
}
