import { describe, expect, it } from 'vitest';
import { healthApi } from '../../../shared/contract/endpoints/health';
import { createTestApp } from '../../test/harness';

describe('the health endpoint keeps its contract', () => {
  it('answers its response schema without sign-in', async () => {
    const t = createTestApp();
    expect(await t.request(healthApi.get, {})).toMatchObject({ status: 'ok', database: { kind: 'memory', ok: true } });
  });
});
