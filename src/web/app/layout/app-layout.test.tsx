import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp, testSession } from '../../test/render';
import { routes } from '../routing/routes';

const sections = [
  ['Overview', '/'],
  ['Parameters', '/parameters'],
  ['Segments', '/segments'],
  ['Experiments', '/experiments'],
  ['Metrics', '/metrics'],
  ['Audit log', '/audit-log'],
  ['Settings', '/settings'],
] as const;

describe('AppLayout', () => {
  it('lists every section in the main navigation, in order, marking the current one', async () => {
    renderWithApp(null, { routes, path: '/experiments', session: testSession() });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => [link.textContent, link.getAttribute('href')]);
    // Sections added later (e.g. Preview) may sit in between; these must all be there, in this order.
    const required = sections.map(([label, href]) => [label, href]);
    expect(links.filter(([label]) => sections.some(([section]) => section === label))).toEqual(required);
    expect(within(nav).getByRole('link', { name: 'Experiments' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('has landmarks, a skip link and one h1', async () => {
    renderWithApp(null, { routes, path: '/experiments', session: testSession() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Experiments' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
  });

  it('shows who is signed in, with a theme toggle', async () => {
    renderWithApp(null, { routes, path: '/', session: testSession({ name: 'Eddie Editor', role: 'editor' }) });

    const header = await screen.findByRole('banner');
    expect(await within(header).findByRole('button', { name: /Eddie Editor, Editor/ })).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: /Switch to (dark|light) theme/ })).toBeInTheDocument();
  });

  it('moves between sections', async () => {
    const { user, router } = renderWithApp(null, { routes, path: '/', session: testSession() });

    await user.click(await screen.findByRole('link', { name: 'Metrics' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Metrics' })).toHaveFocus();
    expect(router.state.location.pathname).toBe('/metrics');
  });
});
