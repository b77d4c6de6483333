import { http, HttpResponse } from 'msw';
import { DEFAULT_ENVIRONMENTS, type Environment } from '../../shared/contract/environments';

/** The seeded environments as GET /api/environments answers them. */
export function testEnvironments(): Environment[] {
  return DEFAULT_ENVIRONMENTS.map((environment, index) => ({
    ...environment,
    position: index,
    archivedAt: null,
    requiresApproval: false,
    version: 1,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
  }));
}

/** The header's switcher asks for the environments on every signed-in page. */
export const environmentsHandler = http.get('/api/environments', () => HttpResponse.json({ items: testEnvironments() }));
