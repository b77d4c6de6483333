/** The first admin, created by first-run.setup.ts on the fresh e2e data folder and reused by every journey. */
export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const ADMIN_NAME = 'Ada Admin';

/** Browser state (session cookie) of the signed-in admin, saved by the setup project. */
export const ADMIN_STORAGE_STATE = `.tmp/e2e-admin-${process.env.E2E_PORT ?? 4173}.json`;
