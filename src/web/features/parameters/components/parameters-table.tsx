import { Box, Checkbox, Group, Loader, Skeleton, Table, Text } from '@mantine/core';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Parameter } from '../../../../shared/contract/parameters';
import { ParameterRow, ROW_HEIGHT } from './parameter-row';

export interface ParametersTableProps {
  rows: readonly Parameter[];
  total: number;
  loading: boolean;
  hasMore: boolean;
  fetchingMore: boolean;
  onLoadMore: () => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
  /** Viewers cannot change parameters, so they get no checkboxes. */
  selectable: boolean;
}

/** Before layout (and in tests) the scroll box has no height yet: assume a screenful. */
const FALLBACK_HEIGHT = 640;
const columns = ['Key', 'Name', 'Type', 'Tags', 'Updated'];

/** Only the rows in view are in the DOM, so 10,000 parameters scroll as smoothly as 10. */
export function ParametersTable({ rows, total, loading, hasMore, fetchingMore, onLoadMore, selected, onSelectedChange, selectable }: ParametersTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to re-render this component as it scrolls
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT })),
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !fetchingMore && lastIndex >= rows.length - 40) onLoadMore();
  }, [hasMore, fetchingMore, lastIndex, rows.length, onLoadMore]);

  const paddingTop = items.length > 0 ? items[0].start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const allLoadedSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const someSelected = selected.size > 0 && !allLoadedSelected;
  const colSpan = columns.length + (selectable ? 1 : 0);

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };

  return (
    <Box>
      <Box ref={scrollRef} h="min(70vh, 720px)" style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }} tabIndex={0} aria-label="Parameters list, scrollable" role="region">
        <Table verticalSpacing="xs" highlightOnHover stickyHeader aria-busy={loading} aria-rowcount={total + 1} style={{ tableLayout: 'fixed', minWidth: 820 }}>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {selectable && (
                <Table.Th w={44} scope="col">
                  <Checkbox
                    aria-label="Select all loaded parameters"
                    checked={allLoadedSelected}
                    indeterminate={someSelected}
                    onChange={() => onSelectedChange(allLoadedSelected ? new Set() : new Set(rows.map((row) => row.id)))}
                  />
                </Table.Th>
              )}
              {columns.map((column) => (
                <Table.Th key={column} scope="col" w={column === 'Key' ? '30%' : column === 'Updated' ? 150 : undefined}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading
              ? [0, 1, 2, 3, 4].map((row) => (
                  <Table.Tr key={row}>
                    {Array.from({ length: colSpan }, (_, column) => (
                      <Table.Td key={column}>
                        <Skeleton height={16} radius="sm" />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              : (
                <>
                  {paddingTop > 0 && (
                    <tr aria-hidden>
                      <td colSpan={colSpan} style={{ height: paddingTop, padding: 0 }} />
                    </tr>
                  )}
                  {items.map((item) => (
                    <ParameterRow
                      key={rows[item.index].id}
                      index={item.index}
                      measure={virtualizer.measureElement}
                      parameter={rows[item.index]}
                      selected={selected.has(rows[item.index].id)}
                      onToggle={toggle}
                      selectable={selectable}
                    />
                  ))}
                  {paddingBottom > 0 && (
                    <tr aria-hidden>
                      <td colSpan={colSpan} style={{ height: paddingBottom, padding: 0 }} />
                    </tr>
                  )}
                </>
              )}
          </Table.Tbody>
        </Table>
      </Box>
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {loading ? 'Loading parameters…' : `Showing ${rows.length.toLocaleString()} of ${total.toLocaleString()} parameters`}
        </Text>
        {fetchingMore && (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              Loading more…
            </Text>
          </Group>
        )}
      </Group>
    </Box>
  );
}
