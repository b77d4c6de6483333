import { Button, Center, Container, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/** Last-resort screen for render errors and failed page downloads (typically right after a new version is deployed). */
export function RouteError() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  const title = chunk ? 'Switchboard was updated' : 'Something went wrong';
  const message = chunk
    ? 'This page could not be loaded, most likely because a new version was just deployed. Reload to continue.'
    : isRouteErrorResponse(error)
      ? `${error.status} ${error.statusText}`
      : 'The page failed to show. Reloading usually helps; if it keeps happening, tell your admin what you were doing.';
  return (
    <Center mih="100dvh" component="main">
      <Container size="xs">
        <title>{`${title} · Switchboard`}</title>
        <Stack align="center" ta="center">
          <Title order={1}>{title}</Title>
          <Text>{message}</Text>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </Stack>
      </Container>
    </Center>
  );
}
