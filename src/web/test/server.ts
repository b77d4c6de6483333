import { setupServer } from 'msw/node';
import { environmentsHandler } from './environments';

/**
 * The API as component tests see it: only the environments list by default (the header asks for
 * it on every signed-in page); each test adds what it needs with server.use(...).
 */
export const server = setupServer(environmentsHandler);
