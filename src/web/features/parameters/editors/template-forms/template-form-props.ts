import type { FieldMessage } from '../field-messages';

/** What each template form receives; messages are relative to the template value (e.g. "screens.0.title"). */
export interface TemplateFormProps {
  value: unknown;
  onChange: (value: unknown) => void;
  errors: readonly FieldMessage[];
  disabled?: boolean;
}
