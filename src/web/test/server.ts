import { setupServer } from 'msw/node';

/** The API as component tests see it: no default handlers; each test adds what it needs with server.use(...). */
export const server = setupServer();
