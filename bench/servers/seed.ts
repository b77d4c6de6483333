import type { SwitchboardApp } from '../../src/server/app';
import { createParameter } from '../../src/server/modules/parameters/parameters-service';
import { createSdkKey } from '../../src/server/modules/sdk-keys/sdk-keys-service';
import { systemActor } from '../../src/server/modules/audit/audit-service';

const samples = [
  { spec: { type: 'string' as const }, defaultValue: 'Summer sale: 20% off everything' },
  { spec: { type: 'integer' as const }, defaultValue: 12 },
  { spec: { type: 'number' as const }, defaultValue: 9.99 },
  { spec: { type: 'boolean' as const }, defaultValue: true },
  { spec: { type: 'color' as const }, defaultValue: '#FF5500' },
  { spec: { type: 'json' as const }, defaultValue: { screens: [{ title: 'Welcome', body: 'Start here', button: 'Next' }] } },
  { spec: { type: 'image' as const }, defaultValue: { url: 'https://cdn.example.com/hero.png', alt: 'Hero', width: 800, height: 400 } },
  { spec: { type: 'textStyle' as const }, defaultValue: { fontSize: 24, fontWeight: 700 as const, color: '#111111' } },
];

/** `count` parameters of mixed types and a server SDK key; returns the key's secret. */
export async function seedParameters(app: SwitchboardApp, count: number): Promise<string> {
  for (let i = 0; i < count; i++) {
    const sample = samples[i % samples.length];
    await createParameter(app.services, { key: `param_${String(i).padStart(3, '0')}`, name: `Parameter ${i}`, description: '', tags: [], killed: false, rules: [], ...sample }, systemActor);
  }
  return (await createSdkKey(app.services, { name: 'bench', kind: 'server', allowEvents: true }, systemActor)).secret;
}
