// The demo workspace's admin. No imports, so the dashboard can show it without server code.

/** `npm run demo` signs in with this email and a random password it prints. */
export const DEMO_EMAIL = 'demo@example.com';

/**
 * Mock mode's sign-in, shown on its sign-in page. A fixed password is fine there only: the whole
 * "server" runs in the browser tab and nothing leaves it. The real server never uses it (its
 * demo makes a random password), and the production dashboard compiles the notice away.
 */
export const MOCK_DEMO_CREDENTIALS = { email: DEMO_EMAIL, password: 'switchboard-demo' } as const;
