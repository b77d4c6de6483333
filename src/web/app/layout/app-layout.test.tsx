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

  it("keeps the account button's visible text inside its accessible name (WCAG 2.5.3)", async () => {
    renderWithApp(null, { routes, path: '/', session: testSession({ name: 'Eddie Editor', role: 'editor' }) });

    const button = await within(await screen.findByRole('banner')).findByRole('button', { name: /Eddie Editor, Editor/ });
    // What axe's label-content-name-mismatch compares: the text nodes a sighted user reads, against
    // the name, both without punctuation or case. The avatar's initials are drawn by CSS, not text.
    // axe joins the text nodes as they are, so "Eddie Editor" and "Editor" need a space between them.
    const curate = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').replace(/\s+/g, ' ').trim();
    expect(curate(button.getAttribute('aria-label') ?? '')).toContain(curate(button.textContent ?? ''));
    expect(button.querySelector('[data-initials]')).toHaveAttribute('data-initials', 'EE');
  });

  it('moves between sections', async () => {
    const { user, router } = renderWithApp(null, { routes, path: '/', session: testSession() });

    await user.click(await screen.findByRole('link', { name: 'Metrics' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Metrics' })).toHaveFocus();
    expect(router.state.location.pathname).toBe('/metrics');
  });
});
