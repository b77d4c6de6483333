import { describe, expect, it } from 'vitest';
import { parametersApi } from '../../../shared/contract/endpoints/parameters';
import { createTestApp } from '../../test/harness';

// Every call goes through the shared endpoint descriptions: `request` fails the test when the
// status or the body is not what the description promises the dashboard.
describe('parameters endpoints keep their contract', () => {
  it('create, read, list, update, version, restore, export and compare answer their response schemas', async () => {
    const t = createTestApp();
    const editor = await t.setupAdmin();
    const environment = 'production';

    const created = await t.request(parametersApi.create, { query: { environment }, body: { key: 'checkout.cta', name: 'CTA', spec: { type: 'string' }, defaultValue: 'Buy' } }, editor);
    const read = await t.request(parametersApi.get, { params: { id: created.key }, query: { environment } }, editor);
    expect(read.id).toBe(created.id);

    const updated = await t.request(parametersApi.update, { params: { id: created.id }, query: { environment }, body: { expectedVersion: 1, defaultValue: 'Pay' } }, editor);
    expect(updated).toMatchObject({ version: 2, defaultValue: 'Pay', warnings: [] });

    const versions = await t.request(parametersApi.versions, { params: { id: created.id }, query: { environment } }, editor);
    expect(versions.items.map((version) => version.version)).toEqual([2, 1]);
    const restored = await t.request(parametersApi.restore, { params: { id: created.id }, query: { environment }, body: { version: 1, expectedVersion: 2 } }, editor);
    expect(restored.defaultValue).toBe('Buy');

    const page = await t.request(parametersApi.list, { query: { environment, search: 'checkout' } }, editor);
    expect(page.items.map((parameter) => parameter.key)).toEqual(['checkout.cta']);
    const manifest = await t.request(parametersApi.exportManifest, { query: { environment } }, editor);
    expect(manifest.parameters.map((entry) => entry.key)).toEqual(['checkout.cta']);
    const compared = await t.request(parametersApi.compare, { query: { from: 'production', to: 'staging', differentOnly: 'false' } }, editor);
    expect(compared.items).toHaveLength(1);
    await expect(t.request(parametersApi.requestedKeys, {}, editor)).resolves.toEqual({ items: [] });
    await expect(t.request(parametersApi.usage, { params: { id: created.id }, query: { environment } }, editor)).resolves.toMatchObject({ experiments: [] });
  });

  it('a status other than the success status fails with the endpoint named', async () => {
    const t = createTestApp();
    const editor = await t.setupAdmin();
    await expect(t.request(parametersApi.get, { params: { id: 'missing' }, query: {} }, editor)).rejects.toThrow(/^GET \/api\/parameters\/\{id\} answered 404/);
  });
});
