import { Code, Stack, Text } from '@mantine/core';
import { OneTimeSecret } from '../../../components/one-time-secret';
import type { WebhookWithSecret } from '../api/webhooks-api';

export interface WebhookSecretProps {
  shown: WebhookWithSecret;
  /** A rotation rather than a new webhook. */
  rotated?: boolean;
  onDone: () => void;
}

/** How a receiver checks a delivery (Node): the same text README shows. */
export const VERIFY_SNIPPET = `import { createHmac, timingSafeEqual } from 'node:crypto';

// header: the Switchboard-Signature header; body: the raw request body text
function isFromSwitchboard(secret, header, body) {
  const { t, v1 } = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  if (Math.abs(Date.now() / 1000 - Number(t)) > 300) return false; // older than 5 minutes
  const expected = createHmac('sha256', secret).update(\`\${t}.\${body}\`).digest('hex');
  return expected.length === v1.length && timingSafeEqual(Buffer.from(expected), Buffer.from(v1));
}`;

/** The signing secret, shown this once, and how to check a signature with it. */
export function WebhookSecret({ shown, rotated = false, onDone }: WebhookSecretProps) {
  return (
    <OneTimeSecret
      title={rotated ? `New signing secret for ${shown.webhook.url}` : `Webhook added for ${shown.webhook.url}`}
      label="Signing secret"
      value={shown.secret}
      copyLabel="Copy secret"
      onDone={onDone}
      doneLabel="I have copied it"
    >
      <Stack gap="xs">
        <Text size="sm" component="div">
          <strong>Copy it now: it won’t be shown again.</strong> {rotated ? 'The old secret no longer signs anything. ' : ''}Each delivery carries{' '}
          <Code>Switchboard-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of “t.body”&gt;</Code>. Check it before trusting a delivery:
        </Text>
        <Code block aria-label="How to verify the signature">
          {VERIFY_SNIPPET}
        </Code>
      </Stack>
    </OneTimeSecret>
  );
}
