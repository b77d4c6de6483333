import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { CreatedSdkKey } from '../../../../shared/contract/sdk-keys';
import { CreateSdkKeyForm } from './create-sdk-key-form';
import { SdkKeySecret } from './sdk-key-secret';
import { SdkKeysTable } from './sdk-keys-table';

/** Settings > SDK keys: the keys apps use to read values (admins create and revoke; others read). */
export function SdkKeysPanel({ canManage }: { canManage: boolean }) {
  const [created, setCreated] = useState<CreatedSdkKey | null>(null);
  const createHeading = useId();
  const listHeading = useId();

  return (
    <Stack gap="xl">
      {canManage && (
        <Paper withBorder p="lg" component="section" aria-labelledby={createHeading}>
          <Stack gap="md">
            <div>
              <Title order={2} size="h3" id={createHeading}>
                Create an SDK key
              </Title>
              <Text size="sm" c="dimmed">
                Apps and services send it to read their values over OpenFeature (OFREP).
              </Text>
            </div>
            {created ? <SdkKeySecret created={created} onDone={() => setCreated(null)} /> : <CreateSdkKeyForm onCreated={setCreated} />}
          </Stack>
        </Paper>
      )}
      <Stack gap="sm" component="section" aria-labelledby={listHeading}>
        <Title order={2} size="h3" id={listHeading}>
          SDK keys
        </Title>
        <SdkKeysTable canManage={canManage} />
      </Stack>
    </Stack>
  );
}
