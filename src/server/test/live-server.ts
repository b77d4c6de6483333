import { serve, type ServerType } from '@hono/node-server';
import type { CreatedSdkKey } from '../../shared/contract/sdk-keys';
import { createTestApp } from './harness';

/** createApp over the memory store behind a real HTTP listener on a free loopback port. */
export async function startLiveServer() {
  const t = createTestApp();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const admin = await t.setupAdmin();
  return {
    ...t,
    admin,
    baseUrl,
    async sdkKey(kind: 'client' | 'server' = 'server') {
      const created = await t.call<CreatedSdkKey>('POST', '/api/sdk-keys', { name: `${kind} key`, kind }, admin);
      return { id: created.json.key.id, secret: created.json.secret };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One parameter of every type, with the value an app should read. */
export const everyType = [
  { key: 'headline', name: 'Headline', spec: { type: 'string', maxLength: 80 }, defaultValue: 'Summer sale' },
  { key: 'max_items', name: 'Max items', spec: { type: 'integer', min: 1 }, defaultValue: 12 },
  { key: 'price', name: 'Price', spec: { type: 'number', min: 0 }, defaultValue: 9.99 },
  { key: 'ratio', name: 'Ratio', spec: { type: 'float' }, defaultValue: 0.5 },
  { key: 'new_checkout', name: 'New checkout', spec: { type: 'boolean' }, defaultValue: true },
  { key: 'onboarding', name: 'Onboarding', spec: { type: 'json' }, defaultValue: { screens: [{ title: 'Hi' }] } },
  { key: 'tabs', name: 'Tabs', spec: { type: 'array', items: { type: 'string' } }, defaultValue: ['home', 'search'] },
  { key: 'limits', name: 'Limits', spec: { type: 'map', values: { type: 'integer' } }, defaultValue: { free: 3, pro: 30 } },
  { key: 'button_colour', name: 'Button colour', spec: { type: 'color' }, defaultValue: '#FF5500' },
  { key: 'hero', name: 'Hero', spec: { type: 'image' }, defaultValue: { url: 'https://cdn.example.com/hero.png', alt: 'Hero', width: 800, height: 400 } },
  { key: 'intro_video', name: 'Intro video', spec: { type: 'video' }, defaultValue: { url: 'https://cdn.example.com/intro.mp4', autoplay: true, loop: false } },
  { key: 'title_style', name: 'Title style', spec: { type: 'textStyle' }, defaultValue: { fontSize: 24, fontWeight: 700, color: '#111111' } },
  { key: 'picks', name: 'Picks', spec: { type: 'recommendations' }, defaultValue: { items: ['sku-1', 'sku-2'], strategy: 'popular' } },
] as const;
