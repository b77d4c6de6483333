import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { CreatedApiToken } from '../../../../shared/contract/tokens';
import { CreateTokenForm } from './create-token-form';
import { TokenSecret } from './token-secret';
import { TokensTable } from './tokens-table';

/** Settings > API tokens: tokens for automation, each carrying a role (admins only). */
export function TokensPanel() {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const createHeading = useId();
  const listHeading = useId();

  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby={createHeading}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id={createHeading}>
              Create an API token
            </Title>
            <Text size="sm" c="dimmed">
              Scripts and CI use tokens to call the API with the role you choose.
            </Text>
          </div>
          {created ? <TokenSecret created={created} onDone={() => setCreated(null)} /> : <CreateTokenForm onCreated={setCreated} />}
        </Stack>
      </Paper>
      <Stack gap="sm" component="section" aria-labelledby={listHeading}>
        <Title order={2} size="h3" id={listHeading}>
          Tokens
        </Title>
        <TokensTable />
      </Stack>
    </Stack>
  );
}
