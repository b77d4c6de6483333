import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN_STORAGE_STATE } from './support/accounts';
import { expectNoSeriousA11yViolations } from './support/axe';
import { expectPageReady } from './support/pages';

test.use({ storageState: ADMIN_STORAGE_STATE, reducedMotion: 'reduce' });
test.setTimeout(180_000);

const run = Date.now().toString(36);
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl = '';

// A receiver on this machine that the real server delivers to.
test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`received ${run}`);
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/switchboard-${run}`;
});
test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((closed) => receiver.close(closed));
});

test('an admin adds a webhook in Staging, sends a test, and sees it delivered and signed', async ({ page }) => {
  const description = `Release notes ${run}`;
  let secret = '';

  await test.step('Settings › Webhooks in Staging', async () => {
    await page.goto('/settings/webhooks?env=staging');
    await expectPageReady(page, 'Settings');
    await expect(page.getByRole('heading', { name: 'Webhooks in Staging' })).toBeVisible();
  });

  await test.step('add the webhook: the secret is shown once, with how to verify it', async () => {
    await page.getByLabel(/^URL/).fill(receiverUrl);
    await page.getByLabel(/^Description/).fill(description);
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = page.getByLabel('Signing secret');
    await expect(secretField).toHaveValue(/^whsec_/);
    secret = await secretField.inputValue();
    await expect(page.getByLabel('How to verify the signature')).toContainText('createHmac');
    await expectNoSeriousA11yViolations(page, 'Settings › Webhooks with a new secret');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect(secretField).toHaveCount(0);
  });

  await test.step('send a test: the log says delivered with the receiver’s answer', async () => {
    const card = page.getByRole('article', { name: `Webhook ${description}` });
    await card.getByRole('button', { name: 'Send test' }).click();
    const log = card.getByRole('table');
    await expect(log.getByText('Delivered')).toBeVisible({ timeout: 30_000 });
    await expect(log.getByText('HTTP 200')).toBeVisible();
    await expect(log.getByText(`received ${run}`)).toBeVisible();
  });

  await test.step('the receiver got one signed delivery whose HMAC checks out', async () => {
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received;
    expect(headers['switchboard-event']).toBe('webhook.test');
    const { t, v1 } = Object.fromEntries((headers['switchboard-signature'] as string).split(',').map((part) => part.split('='))) as { t: string; v1: string };
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(timingSafeEqual(Buffer.from(expected), Buffer.from(v1))).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ type: 'webhook.test', environment: { key: 'staging' }, id: headers['switchboard-delivery'] });
  });
});
