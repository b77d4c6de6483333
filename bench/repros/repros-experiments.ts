import { shapeOf } from './http';
import type { Line } from './repros-input';
import { ofrepBulk, ofrepFlag, type World } from './world';

// Repro 9 of issue 11: a running experiment's parameter outside the allocation, the bulk ETag
// when only metadata moves, and a revoked SDK key.

export async function experimentsEtagAndRevocation(world: World): Promise<Line[]> {
  await world.call('POST', '/api/parameters', { key: 'exp_headline', name: 'Experiment headline', spec: { type: 'string' }, defaultValue: 'Welcome' }, world.admin);
  const variants = [
    { key: 'control', name: 'Control', weight: 50, overrides: {} },
    { key: 'b', name: 'Variant B', weight: 50, overrides: { exp_headline: 'Buy now' } },
  ];
  const created = await world.call('POST', '/api/experiments', { key: 'hardening_exp', name: 'Hardening', variants, allocation: 10 }, world.admin);
  const started = await world.call('POST', `/api/experiments/${created.json?.id}/transitions`, { action: 'start', expectedVersion: created.json?.version }, world.admin);
  let outside: string | undefined;
  const reasons = new Set<string>();
  for (let i = 0; i < 200 && !outside; i++) {
    const flags = (await ofrepBulk(world, { targetingKey: `exp-user-${i}` })).json?.flags as { key: string; reason: string }[] | undefined;
    const reason = flags?.find((flag) => flag.key === 'exp_headline')?.reason ?? 'missing';
    reasons.add(reason);
    if (reason !== 'SPLIT' && reason !== 'missing') outside = `exp-user-${i}`;
  }
  const single = outside ? await ofrepFlag(world, 'exp_headline', { targetingKey: outside }) : undefined;
  const lines: Line[] = [{
    sent: `experiment (create ${created.status}, start ${started.status}, allocation 10%) on a rule-less parameter: a user outside it`,
    answered: single ? `bulk reasons seen ${[...reasons].join('/')}; single ${shapeOf(single)} ${single.json?.reason} ${JSON.stringify(single.json?.value)}` : `no user outside found (reasons ${[...reasons].join('/')})`,
    pass: single?.status === 200 && single.json?.reason === 'DEFAULT' && single.json?.value === 'Welcome' && !reasons.has('STATIC'),
  }];

  const before = await ofrepBulk(world, { targetingKey: 'etag-user' });
  const etag = before.headers.get('etag') ?? '';
  const unchanged = await ofrepBulk(world, { targetingKey: 'etag-user' }, world.app.secret, { 'if-none-match': etag });
  await world.call('POST', '/api/segments', { name: 'Unused', definition: { kind: 'condition', condition: { plan: 'pro' } } }, world.admin);
  const after = await ofrepBulk(world, { targetingKey: 'etag-user' }, world.app.secret, { 'if-none-match': etag });
  const sameFlags = JSON.stringify(after.json?.flags) === JSON.stringify(before.json?.flags);
  lines.push({
    sent: 'bulk with If-None-Match, before and after a change only to metadata (a new unused segment)',
    answered: `${unchanged.status} then ${after.status}; flags ${sameFlags ? 'equal' : 'differ'}; configVersion ${before.json?.metadata?.configVersion} -> ${after.json?.metadata?.configVersion}; ETag ${after.headers.get('etag') === etag ? 'same' : 'changed'}`,
    pass: unchanged.status === 304 && after.status === 200 && after.headers.get('etag') !== etag,
  });

  const doomed = await world.newKey('revoked app');
  const working = await ofrepBulk(world, { targetingKey: 'u' }, doomed.secret);
  const revoked = await world.call('DELETE', `/api/sdk-keys/${doomed.id}`, undefined, world.admin);
  const refused = await ofrepBulk(world, { targetingKey: 'u' }, doomed.secret);
  lines.push({
    sent: `SDK key (OFREP ${working.status}) revoked (DELETE ${revoked.status}), then OFREP at once`,
    answered: shapeOf(refused),
    pass: working.status === 200 && refused.status === 401,
  });
  return lines;
}
