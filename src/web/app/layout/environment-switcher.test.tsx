import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { testPage, testParameter } from '../../features/parameters/components/test-fixtures';
import { ENVIRONMENT_STORAGE_KEY } from '../../lib/use-current-environment';
import { renderWithApp, testSession } from '../../test/render';
import { server } from '../../test/server';
import { routes } from '../routing/routes';

/** The parameters list answers with each environment's own default value, and records what was asked. */
function parametersApi() {
  const asked: string[] = [];
  server.use(
    http.get('/api/parameters', ({ request }) => {
      const environment = new URL(request.url).searchParams.get('environment') ?? 'production';
      asked.push(environment);
      return HttpResponse.json(testPage([testParameter({ environmentId: environment, name: `Buy now (${environment})` })]));
    }),
    http.get('/api/parameters/requested', () => HttpResponse.json({ items: [] })),
  );
  return asked;
}

describe('EnvironmentSwitcher', () => {
  it('starts on Production, which says changes reach live apps', async () => {
    const asked = parametersApi();
    renderWithApp(null, { routes, path: '/parameters', session: testSession() });

    const header = await screen.findByRole('banner');
    const select = within(header).getByRole('combobox', { name: 'Environment' });
    await waitFor(() => expect(select).toHaveValue('production'));
    expect(within(header).getByText('Production: changes reach live apps')).toBeInTheDocument();
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Production', 'Staging', 'Development']);
    expect(await screen.findByText('Buy now (production)')).toBeInTheDocument();
    expect(asked).toEqual(['production']);
  });

  it('switching puts the environment in the URL, remembers it and refetches the page in it', async () => {
    const asked = parametersApi();
    const { user, router } = renderWithApp(null, { routes, path: '/parameters', session: testSession() });
    await screen.findByText('Buy now (production)');

    await user.selectOptions(within(screen.getByRole('banner')).getByRole('combobox', { name: 'Environment' }), 'staging');

    expect(await screen.findByText('Buy now (staging)')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?env=staging');
    expect(window.localStorage.getItem(ENVIRONMENT_STORAGE_KEY)).toBe('staging');
    expect(asked).toEqual(['production', 'staging']);
    expect(within(screen.getByRole('banner')).getByText('Staging: changes reach Staging apps only')).toBeInTheDocument();
    expect(screen.queryByText('Production: changes reach live apps')).not.toBeInTheDocument();
  });

  it('opens in the environment the link names, and otherwise in the last one chosen', async () => {
    const asked = parametersApi();
    const { unmount } = renderWithApp(null, { routes, path: '/parameters?env=development', session: testSession() });
    expect(await screen.findByText('Buy now (development)')).toBeInTheDocument();
    await waitFor(() => expect(window.localStorage.getItem(ENVIRONMENT_STORAGE_KEY)).toBe('development'));
    unmount();

    renderWithApp(null, { routes, path: '/parameters', session: testSession() });
    expect(await screen.findByText('Buy now (development)')).toBeInTheDocument();
    expect(asked).toEqual(['development', 'development']);
  });

  it('falls back to Production for an environment that does not exist', async () => {
    parametersApi();
    renderWithApp(null, { routes, path: '/parameters?env=nowhere', session: testSession() });
    expect(await screen.findByText('Buy now (production)')).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('combobox', { name: 'Environment' })).toHaveValue('production');
  });
});
