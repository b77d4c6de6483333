import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRealApi } from '../../features/experiments/test/real-api';
import { renderWithApp } from '../../test/render';
import { routes } from '../routing/routes';

describe('segment page', () => {
  it('says where the segment is used: the running experiment through the segment that includes it, and a targeting rule', async () => {
    const api = await useRealApi();
    const germany = (await api.call('POST', '/api/segments', { name: 'Germany', definition: { kind: 'condition', condition: { country: 'DE' } } })) as { id: string };
    const dach = (await api.call('POST', '/api/segments', { name: 'DACH', definition: { kind: 'combination', combinator: 'or', include: [germany.id], exclude: [] } })) as { id: string };
    await api.call('POST', '/api/parameters', { key: 'banner', name: 'Banner', spec: { type: 'string' }, defaultValue: 'Hi', rules: [{ description: 'German banner', audience: { kind: 'segment', segmentId: germany.id }, value: 'Hallo', rollout: 100, enabled: true }] });
    const draft = (await api.call('POST', '/api/experiments', {
      key: 'dach-test', name: 'DACH banner', audience: { kind: 'segment', segmentId: dach.id },
      variants: [{ key: 'control', name: 'Control', weight: 50, overrides: {} }, { key: 'b', name: 'Loud', weight: 50, overrides: { banner: 'HALLO' } }],
    })) as { id: string; version: number };
    await api.call('POST', `/api/experiments/${draft.id}/transitions`, { action: 'start', expectedVersion: draft.version });
    renderWithApp(null, { routes, path: `/segments/${germany.id}`, session: api.session });

    const used = await screen.findByRole('region', { name: 'Where it is used' });
    expect(await within(used).findByRole('link', { name: 'DACH banner' })).toHaveAttribute('href', `/experiments/${draft.id}`);
    expect(used).toHaveTextContent('its audience (segment "DACH") includes this segment');
    expect(within(used).getByRole('link', { name: 'DACH' })).toHaveAttribute('href', `/segments/${dach.id}`);
    expect(within(used).getByRole('link', { name: 'banner' })).toHaveAttribute('href', '/parameters/banner');
    expect(used).toHaveTextContent('Targeting rule "German banner" of banner');
  });
});
