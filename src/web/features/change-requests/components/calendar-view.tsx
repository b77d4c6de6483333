import { Anchor, Badge, EmptyState, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Environment } from '../../../../shared/contract/environments';
import { QueryError } from '../../../components/query-error';
import { calendarQueryOptions, type CalendarEntry } from '../api/calendar';

const DAY_MS = 24 * 60 * 60_000;
const kindLabels: Record<CalendarEntry['kind'], string> = { publish: 'Publish', experimentStart: 'Experiment starts', experimentEnd: 'Experiment ends' };
const kindColors: Record<CalendarEntry['kind'], string> = { publish: 'blue.9', experimentStart: 'teal.9', experimentEnd: 'grape.9' };
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function linkTo(entry: CalendarEntry, environmentKey: string): string {
  const env = `?env=${encodeURIComponent(environmentKey)}`;
  return entry.kind === 'publish' ? `/changes/${encodeURIComponent(entry.objectId)}${env}` : `/experiments/${encodeURIComponent(entry.objectId)}${env}`;
}

/** Entries by the person's local day, in time order. */
export function groupByDay(entries: CalendarEntry[]): Array<{ day: string; entries: CalendarEntry[] }> {
  const groups = new Map<string, CalendarEntry[]>();
  for (const entry of [...entries].sort((a, b) => a.at.localeCompare(b.at))) {
    const day = dayFormat.format(new Date(entry.at));
    groups.set(day, [...(groups.get(day) ?? []), entry]);
  }
  return [...groups].map(([day, items]) => ({ day, entries: items }));
}

/** What is planned in one environment: scheduled publishes and experiment starts and ends, from a week ago to 90 days ahead. */
export function CalendarView({ environment }: { environment: Environment }) {
  // The window is fixed when the page opens, so the query key stays the same while it is shown.
  const [range] = useState(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    return { from: new Date(start.getTime() - 7 * DAY_MS).toISOString(), to: new Date(start.getTime() + 90 * DAY_MS).toISOString() };
  });
  const calendar = useQuery(calendarQueryOptions(environment.key, range.from, range.to));

  if (calendar.isPending)
    return (
      <Stack aria-busy="true" aria-label="Loading the calendar">
        <Skeleton height={90} radius="md" />
        <Skeleton height={90} radius="md" />
      </Stack>
    );
  if (calendar.isError) return <QueryError title="Could not load the calendar" error={calendar.error} onRetry={() => void calendar.refetch()} retrying={calendar.isFetching} />;
  if (calendar.data.length === 0)
    return (
      <EmptyState
        icon={<IconCalendarEvent aria-hidden />}
        withIndicatorBackground
        title={`Nothing planned in ${environment.name}`}
        description="Schedule a change request's publish, or give an experiment a start or end date, and it shows here."
      />
    );

  return (
    <Stack gap="md">
      {groupByDay(calendar.data).map((group) => (
        <Paper key={group.day} withBorder p="md" radius="md" component="section" aria-label={group.day}>
          <Title order={2} size="h4" mb="xs">
            {group.day}
          </Title>
          <List spacing="xs" listStyleType="none" styles={{ root: { paddingInlineStart: 0 } }}>
            {group.entries.map((entry) => (
              <List.Item key={`${entry.kind}-${entry.objectId}-${entry.at}`}>
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" w={70} ff="monospace">
                    {timeFormat.format(new Date(entry.at))}
                  </Text>
                  <Badge color={kindColors[entry.kind]} variant="light" miw={140}>
                    {kindLabels[entry.kind]}
                  </Badge>
                  <Anchor component={Link} to={linkTo(entry, environment.key)} size="sm">
                    {entry.title}
                  </Anchor>
                </Group>
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </Stack>
  );
}
