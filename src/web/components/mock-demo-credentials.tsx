import { Alert } from '@mantine/core';
import { MOCK_DEMO_CREDENTIALS } from '../../shared/demo-account';

/**
 * Only in mock mode: the demo workspace's sign-in, on the sign-in page. Compiled away in
 * production (the condition is the constant false there), credentials included.
 */
export function MockDemoCredentials() {
  if (!import.meta.env.SWITCHBOARD_MOCK) return null;
  return (
    <Alert color="yellow" variant="light" title="Demo workspace">
      Demo: <strong>{MOCK_DEMO_CREDENTIALS.email}</strong> / <strong>{MOCK_DEMO_CREDENTIALS.password}</strong>. Everything runs in this browser tab.
    </Alert>
  );
}
