import { Alert, Button, EmptyState, Group, NativeSelect, Skeleton, Stack, Switch } from '@mantine/core';
import { IconCheck, IconEqual } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Environment } from '../../../../shared/contract/environments';
import { QueryError } from '../../../components/query-error';
import { comparisonQueryOptions } from '../api/compare-environments';
import { ComparisonCard } from './comparison-card';

export interface CompareViewProps {
  environments: Environment[];
  from: string;
  to: string;
  /** Only this parameter (key), when opened from a parameter's page. */
  parameterKey?: string;
  canCopy: boolean;
  onChange: (next: { from: string; to: string }) => void;
}

/** Pick two environments, see every parameter whose values differ side by side, copy what you tick. */
export function CompareView({ environments, from, to, parameterKey, canCopy, onChange }: CompareViewProps) {
  const [differentOnly, setDifferentOnly] = useState(true);
  const [copied, setCopied] = useState<string[]>([]);
  const comparison = useQuery(comparisonQueryOptions(from, to, differentOnly));
  const options = environments.map((environment) => ({ value: environment.key, label: environment.name }));
  const fromEnvironment = environments.find((environment) => environment.key === from);
  const toEnvironment = environments.find((environment) => environment.key === to);
  const items = (comparison.data?.items ?? []).filter((item) => !parameterKey || item.parameter.key === parameterKey);

  let body;
  if (from === to) body = <Alert color="blue" role="note">Choose two different environments to compare.</Alert>;
  else if (comparison.isError)
    body = <QueryError title="Could not compare the environments" error={comparison.error} onRetry={() => void comparison.refetch()} retrying={comparison.isFetching} />;
  else if (comparison.isPending || !fromEnvironment || !toEnvironment)
    body = (
      <Stack aria-busy="true" aria-label="Loading the comparison">
        <Skeleton height={140} radius="md" />
        <Skeleton height={140} radius="md" />
      </Stack>
    );
  else if (items.length === 0)
    body = (
      <EmptyState
        icon={<IconEqual aria-hidden />}
        withIndicatorBackground
        title={`${fromEnvironment.name} and ${toEnvironment.name} match`}
        description={parameterKey ? `${parameterKey} has the same default value, kill switch and rules in both.` : 'Every parameter has the same default value, kill switch and rules in both.'}
      />
    );
  else
    body = items.map((item) => (
      <ComparisonCard
        key={`${item.parameter.id}-${item.to.version}`}
        comparison={item}
        from={fromEnvironment}
        to={toEnvironment}
        canCopy={canCopy}
        onCopied={(message) => setCopied((current) => [...current, message])}
      />
    ));

  return (
    <Stack gap="lg">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label="From" data={options} value={from} onChange={(event) => onChange({ from: event.currentTarget.value, to })} />
        <NativeSelect label="To" data={options} value={to} onChange={(event) => onChange({ from, to: event.currentTarget.value })} />
        <Button variant="default" onClick={() => onChange({ from: to, to: from })}>
          Swap
        </Button>
        <Switch label="Only parameters that differ" checked={differentOnly} onChange={(event) => setDifferentOnly(event.currentTarget.checked)} mb={8} />
      </Group>
      <div role="status" aria-live="polite">
        {copied.length > 0 && (
          <Alert color="teal" icon={<IconCheck aria-hidden />} title="Copied" withCloseButton closeButtonLabel="Dismiss" onClose={() => setCopied([])}>
            {copied.map((message) => (
              <div key={message}>{message}</div>
            ))}
          </Alert>
        )}
      </div>
      {body}
    </Stack>
  );
}
