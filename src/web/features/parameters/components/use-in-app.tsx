import { Alert, Anchor, Code, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Parameter } from '../../../../shared/contract/parameters';
import { QueryError } from '../../../components/query-error';
import { platformLabels, platformLanguages, sdkSnippet, type SnippetPlatform } from '../utils/sdk-snippets';
import { sdkKeysQueryOptions } from '../api/list-sdk-keys';
import { CopyValueButton } from './copy-button';

export interface UseInAppProps {
  parameter: Parameter;
  /** Where the OFREP API is, normally the dashboard's origin. */
  baseUrl: string;
}

const platforms: SnippetPlatform[] = ['web', 'node', 'ios', 'android'];

/** OpenFeature snippets that read this parameter, with the chosen SDK key named in them. */
export function UseInApp({ parameter, baseUrl }: UseInAppProps) {
  const keys = useQuery(sdkKeysQueryOptions());
  const [keyId, setKeyId] = useState<string | null>(null);
  const chosen = keys.data?.find((key) => key.id === keyId) ?? keys.data?.[0];
  const keyPlaceholder = chosen ? `<your sdk key ${chosen.prefix}…>` : '<your sdk key>';

  return (
    <Stack gap="md">
      <Text size="sm">
        Apps read <Code>{parameter.key}</Code> over OpenFeature’s remote evaluation protocol (OFREP). Pass a stable user id as the targeting key so
        rules and experiments give each person the same value every time.
      </Text>
      {keys.isError ? (
        <QueryError title="Could not load SDK keys" error={keys.error} onRetry={() => void keys.refetch()} retrying={keys.isFetching} />
      ) : keys.isSuccess && keys.data.length === 0 ? (
        <Alert color="blue" variant="light" title="No SDK key yet">
          Apps need an SDK key. An admin can create one under SDK keys; its secret is shown once, when it is created. The snippets below show where it goes.
        </Alert>
      ) : (
        <Select
          label="SDK key"
          description="Secrets are shown only once, when a key is created: paste yours where the snippet says so."
          data={(keys.data ?? []).map((key) => ({ value: key.id, label: `${key.name} (${key.kind}, ${key.prefix}…)` }))}
          value={chosen?.id ?? null}
          onChange={setKeyId}
          allowDeselect={false}
          disabled={keys.isPending}
          placeholder={keys.isPending ? 'Loading keys…' : undefined}
          maw={420}
        />
      )}
      <Tabs defaultValue="web" keepMounted={false}>
        <Tabs.List aria-label="Platform">
          {platforms.map((platform) => (
            <Tabs.Tab key={platform} value={platform}>
              {platformLabels[platform]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {platforms.map((platform) => {
          const code = sdkSnippet(platform, { parameterKey: parameter.key, spec: parameter.spec, defaultValue: parameter.defaultValue, baseUrl, keyPlaceholder });
          return (
            <Tabs.Panel key={platform} value={platform} pt="sm">
              <Group justify="space-between" mb={4}>
                <Text size="sm" c="dimmed">
                  {platformLanguages[platform]}
                </Text>
                <CopyValueButton value={code} label={`Copy the ${platformLabels[platform]} snippet`} />
              </Group>
              <Code block role="region" aria-label={`${platformLabels[platform]} snippet`} tabIndex={0}>
                {code}
              </Code>
            </Tabs.Panel>
          );
        })}
      </Tabs>
      <Text size="xs" c="dimmed">
        Provider packages: <Anchor href="https://openfeature.dev/ecosystem?instant_search%5Bquery%5D=ofrep" target="_blank" rel="noreferrer">OFREP providers on openfeature.dev</Anchor>.
      </Text>
    </Stack>
  );
}
