import type { ChangeRequest } from '../../../../shared/contract/change-requests';
import type { Environment } from '../../../../shared/contract/environments';
import { testEnvironments } from '../../../test/environments';

/** Production, requiring approval. */
export function approvalEnvironment(): Environment {
  return { ...testEnvironments()[0]!, requiresApproval: true };
}

export function testChangeRequest(overrides: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    id: 'cr-1',
    environmentId: 'production',
    title: 'Raise the paywall price',
    status: 'open',
    items: [
      {
        parameterId: 'param-1',
        parameterKey: 'paywall.title',
        parameterName: 'Paywall title',
        baseVersion: 3,
        before: { defaultValue: 'Go Pro', killed: false, rules: [] },
        after: { defaultValue: 'Go Premium', killed: false, rules: [] },
      },
    ],
    experiments: [],
    authorId: 'user-mara',
    authorName: 'Mara Marketer',
    revision: 1,
    reviews: [],
    comments: [],
    approved: false,
    publishAt: null,
    publishedAt: null,
    publishedBy: null,
    bypassReason: null,
    lastError: null,
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

/** Mantine's autosize Textarea listens for web fonts loading; jsdom has no document.fonts. */
export function stubDocumentFonts() {
  if ('fonts' in document) return;
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}
