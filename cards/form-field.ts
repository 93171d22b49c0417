import { cardNumber, type CardNumber } from './expand';

/**
 * One input as the generic form templates render it (actions and meetings share the shape), so a
 * form's fields are plain data and the template decides how each kind looks.
 */
export interface FormField {
  id: string;
  kind: 'text' | 'multiline' | 'url' | 'date' | 'time' | 'choice' | 'toggle';
  label: string;
  value: string;
  placeholder: string;
  required: boolean;
  errorMessage: string;
  maxLength: CardNumber;
  min: string;
  choices: { title: string; value: string }[];
}

export type FieldSpec = Pick<FormField, 'id' | 'kind' | 'label'> & Partial<Omit<FormField, 'maxLength'>> & { maxLength?: number };

/** Default lengths per kind, for forms that do not give one. */
export interface FieldDefaults {
  multiline: number;
  url: number;
  text: number;
}

/**
 * The one builder of form fields. Every template binding gets a value (the templating library leaves
 * an unbound `${...}` in the card), and what the user typed wins over the stored value: a number or
 * a boolean the server parsed (a meeting's length) is written back as the text they typed, so a form
 * re-shown after a mistake never comes back with a field blanked.
 */
export function formField(f: FieldSpec, values: Record<string, unknown> = {}, defaults: FieldDefaults = { multiline: 2000, url: 500, text: 200 }): FormField {
  const typed = values[f.id];
  const given = typeof typed === 'string' ? typed : typeof typed === 'number' || typeof typed === 'boolean' ? String(typed) : undefined;
  const { maxLength, ...rest } = f;
  return {
    value: '',
    placeholder: '',
    required: false,
    errorMessage: `Please fill in ${f.label.replace(/\s*\(.*\)$/, '').toLowerCase()}.`,
    min: '',
    choices: [],
    ...rest,
    maxLength: cardNumber(maxLength ?? (f.kind === 'multiline' ? defaults.multiline : f.kind === 'url' ? defaults.url : defaults.text)),
    ...(given !== undefined ? { value: given } : {}),
  };
}

/** The tick-box a form shows when the child-details guard asks rather than refuses. */
export const PRIVACY_CONFIRM_ID = 'privacyConfirmed';
export function privacyConfirmField(): FormField {
  return formField({ id: PRIVACY_CONFIRM_ID, kind: 'toggle', label: 'Checked: no child\'s or family\'s details', placeholder: 'I have checked: this is not a detail that could identify a child or family', value: 'false' });
}
