import type { Parameter, ParameterPage } from '../../../../shared/contract/parameters';

export function testParameter(overrides: Partial<Parameter> = {}): Parameter {
  return {
    id: 'p-1',
    environmentId: 'production',
    key: 'checkout.button_text',
    name: 'Checkout button text',
    description: '',
    tags: ['checkout'],
    spec: { type: 'string' },
    defaultValue: 'Buy now',
    killed: false,
    rules: [],
    archivedAt: null,
    version: 3,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-02T10:00:00.000Z',
    updatedBy: 'user-admin',
    ...overrides,
  };
}

export function testPage(items: Parameter[], tags: string[] = []): ParameterPage {
  return { items, total: items.length, offset: 0, limit: 200, tags };
}

// Mantine's autosize Textarea listens for web fonts loading; jsdom has no document.fonts.
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}
