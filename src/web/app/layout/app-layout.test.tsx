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
  it('lists every section in the main navigation, marking the current one', async () => {
    renderWithApp(null, { routes, path: '/parameters', session: testSession() });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual(sections.map(([label, href]) => [label, href]));
    expect(within(nav).getByRole('link', { name: 'Parameters' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('has landmarks, a skip link, one h1, and says plainly that the page is not built yet', async () => {
    renderWithApp(null, { routes, path: '/parameters', session: testSession() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Parameters' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('Parameters are not available yet. This page arrives with the parameters release.')).toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main-content');
  });

  it('shows who is signed in, with a theme toggle', async () => {
    renderWithApp(null, { routes, path: '/', session: testSession({ name: 'Eddie Editor', role: 'editor' }) });

    const header = await screen.findByRole('banner');
    expect(within(header).getByRole('button', { name: /Eddie Editor, Editor/ })).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: /Switch to (dark|light) theme/ })).toBeInTheDocument();
  });

  it('moves between sections', async () => {
    const { user, router } = renderWithApp(null, { routes, path: '/', session: testSession() });

    await user.click(await screen.findByRole('link', { name: 'Audit log' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toHaveFocus();
    expect(router.state.location.pathname).toBe('/audit-log');
  });
});
