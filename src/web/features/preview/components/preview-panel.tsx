import { Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { KnownUser } from '../../../../shared/contract/segments';
import { PageLoader } from '../../../components/page-loader';
import { QueryError } from '../../../components/query-error';
import { previewQueryOptions } from '../api/run-preview';
import { ContextForm } from './context-form';
import { BehaviourChecks } from './behaviour-checks';
import { PreviewResults } from './preview-results';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

const contextOf = (user: KnownUser | undefined) => (user ? { ...user.attributes, targetingKey: user.targetingKey } : null);

/** Preview as user: a context in, every parameter's value and why out. */
export function PreviewPanel({ initialUser }: { initialUser?: KnownUser }) {
  const [context, setContext] = useState<Record<string, unknown> | null>(() => contextOf(initialUser));
  const environment = useCurrentEnvironment().key;
  const preview = useQuery(previewQueryOptions(environment, context));
  // Present when segments in use hold behaviour conditions.
  const behaviour = preview.data?.behaviour ?? [];

  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" radius="md">
        <ContextForm initialUser={initialUser} onPreview={setContext} previewing={preview.isFetching} />
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby="preview-results-heading">
        <Title order={2} size="h3" id="preview-results-heading">
          {context ? `Values for ${String(context.targetingKey)}` : 'Values'}
        </Title>
        {context === null ? null : preview.isError ? (
          <QueryError title="Could not preview" error={preview.error} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
        ) : preview.isPending ? (
          <PageLoader label="Evaluating…" />
        ) : (
          <PreviewResults preview={preview.data} />
        )}
      </Stack>
      {context !== null && preview.isSuccess && behaviour.length > 0 && <BehaviourChecks checks={behaviour} targetingKey={String(context.targetingKey)} />}
    </Stack>
  );
}
