import { createContext, useContext, type ReactNode } from 'react';
import type { FieldError } from '../../../../../shared/contract/common';
import type { Experiment } from '../../../../../shared/contract/experiments';
import type { TypeSpec } from '../../../../../shared/values';
import type { Audience } from '../../utils/audience';

/** A problem inside a value, path relative to it ('' = the value itself), as the parameter editors take them. */
export interface ValueMessage {
  path: string;
  message: string;
}

export interface ValueEditorSlotProps {
  spec: TypeSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: ValueMessage[];
  label: string;
  disabled?: boolean;
  /** True while part of the value is text that is not a value yet (JSON that does not parse). */
  onInvalid?: (invalid: boolean) => void;
}

export interface ConditionEditorSlotProps {
  condition: Record<string, unknown>;
  onChange: (condition: Record<string, unknown>) => void;
  /** The schema's or the server's message about the condition. */
  error?: string;
  disabled?: boolean;
  onInvalid?: (invalid: boolean) => void;
}

/**
 * What other features provide, composed by the page (features never import each other): the typed
 * value editors of parameters, the visual condition builder and the reach figure of segments.
 */
export interface EditorSlots {
  renderValueEditor: (props: ValueEditorSlotProps) => ReactNode;
  renderConditionEditor: (props: ConditionEditorSlotProps) => ReactNode;
  /** The reach among the known users of `environment` (the one the experiment runs in). */
  renderReach: (audience: Audience, environment: string) => ReactNode;
}

export interface EditorContextValue extends EditorSlots {
  /** The saved experiment; undefined until the first draft is saved. */
  experiment: Experiment | undefined;
  /** Where the experiment runs (the saved one's, else the dashboard's current one): its parameters' values and reach come from there. */
  environment: string;
  segments: readonly { id: string; name: string }[];
  /** Field errors the last save got back, with server paths ('variants.1.overrides.hero-color'). */
  serverErrors: readonly FieldError[];
  /** Running or paused: variant keys, count and overrides are fixed. */
  variantsLocked: boolean;
  /** Viewer, or a completed/archived experiment: nothing can change. */
  readOnly: boolean;
  /** Collects "some text is not a value yet" from value and condition editors, by id. */
  reportInvalid: (id: string, invalid: boolean) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext outside the experiment editor');
  return value;
}
