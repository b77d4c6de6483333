import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactElement, type ReactNode } from 'react';
import { defaultValueFor, type TypeSpec } from '../../../../shared/values';
import type { FieldMessage } from './field-messages';
import { ValueEditor } from './value-editor';

// src/web/test/setup.ts stubs these for every web test; kept here (guarded) so this folder's tests
// also run if that file changes.
if (typeof window !== 'undefined') {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  Element.prototype.scrollIntoView ??= () => undefined;
  // Mantine's autosize Textarea listens for web fonts loading; jsdom has no document.fonts.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
    });
  }
}

function Providers({ children }: { children: ReactNode }) {
  return <MantineProvider env="test">{children}</MantineProvider>;
}

/** Renders inside MantineProvider (test env: no transitions, no portals) with a user-event instance. */
export function renderWithMantine(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(ui, { wrapper: Providers }) };
}

export interface EditorHarnessProps {
  spec: TypeSpec;
  initial?: unknown;
  errors?: FieldMessage[];
  onInvalid?: (invalid: boolean) => void;
  onChange?: (value: unknown) => void;
}

/** A ValueEditor holding its value in state, printing the current value as JSON for assertions. */
export function EditorHarness({ spec, initial, errors, onInvalid, onChange }: EditorHarnessProps) {
  const [value, setValue] = useState<unknown>(() => (initial === undefined ? defaultValueFor(spec) : initial));
  return (
    <>
      <ValueEditor
        spec={spec}
        value={value}
        label="Value"
        errors={errors}
        onInvalid={onInvalid}
        onChange={(next) => {
          setValue(next);
          onChange?.(next);
        }}
      />
      <pre data-testid="current-value">{JSON.stringify(value)}</pre>
    </>
  );
}

/** The value an EditorHarness currently holds. */
export function currentValue(): unknown {
  return JSON.parse(screen.getByTestId('current-value').textContent ?? 'null');
}
