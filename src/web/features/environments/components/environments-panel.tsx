import { EmptyState, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { FormError } from '../../../components/form-error';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-error';
import { environmentsQueryOptions } from '../../../lib/environments';
import { useReorderEnvironments } from '../api/update-environments';
import { CreateEnvironmentForm } from './create-environment-form';
import { EnvironmentRow } from './environment-row';
import { SkeletonRows, TableHead } from '../../../components/table-parts';

const columns = ['Environment', 'Key', 'Status', 'Actions'];

/** Settings > Environments (admins): add, rename, recolour, reorder, archive. */
export function EnvironmentsPanel() {
  const environments = useQuery(environmentsQueryOptions());
  const reorder = useReorderEnvironments();
  const addHeading = useId();
  const listHeading = useId();
  const active = environments.data?.filter((environment) => environment.archivedAt === null) ?? [];
  const archived = environments.data?.filter((environment) => environment.archivedAt !== null) ?? [];

  const move = (index: number, by: -1 | 1) => {
    const ids = active.map((environment) => environment.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate(ids);
  };

  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby={addHeading}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id={addHeading}>
              Add an environment
            </Title>
            <Text size="sm" c="dimmed">
              Each environment has its own values, rules and kill switches; SDK keys choose which one an app reads.
            </Text>
          </div>
          <CreateEnvironmentForm />
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby={listHeading}>
        <Title order={2} size="h3" id={listHeading}>
          Environments
        </Title>
        <FormError message={reorder.isError ? `The order was not saved: ${errorMessage(reorder.error)}` : undefined} />
        {environments.isError ? (
          <QueryError title="Could not load environments" error={environments.error} onRetry={() => void environments.refetch()} retrying={environments.isFetching} />
        ) : environments.isSuccess && environments.data.length === 0 ? (
          <EmptyState icon={<IconStack2 aria-hidden />} withIndicatorBackground title="No environments" description="Add one above." />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-busy={environments.isPending}>
              <Table.Caption>Environments in switcher order; archived ones last</Table.Caption>
              <TableHead columns={columns} />
              <Table.Tbody>
                {environments.isPending
                  ? <SkeletonRows columns={columns} />
                  : [
                      ...active.map((environment, index) => (
                        <EnvironmentRow
                          key={environment.id}
                          environment={environment}
                          onMove={{
                            up: index > 0 ? () => move(index, -1) : undefined,
                            down: index < active.length - 1 ? () => move(index, 1) : undefined,
                            pending: reorder.isPending,
                          }}
                        />
                      )),
                      ...archived.map((environment) => <EnvironmentRow key={environment.id} environment={environment} />),
                    ]}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
