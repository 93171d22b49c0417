import type { FormField } from '../../cards/form-field';

export type { FormField };

export interface CardForm {
  key: string;
  title: string;
  verb: string;
  submitTitle: string;
  fields: FormField[];
}

/** Every template binding gets a value: the templating library leaves unbound `${...}` in the card. */
export function field(f: Pick<FormField, 'id' | 'kind' | 'label'> & Partial<FormField>, values: Record<string, unknown> = {}): FormField {
  const typed = values[f.id];
  return {
    value: typeof typed === 'string' ? typed : '',
    placeholder: '',
    required: false,
    errorMessage: `Please fill in ${f.label.toLowerCase()}.`,
    maxLength: f.kind === 'multiline' ? 2000 : f.kind === 'url' ? 500 : 200,
    min: '',
    choices: [],
    ...f,
    ...(typeof typed === 'string' ? { value: typed } : {}),
  };
}

/** Labels for field ids, for messages about what to fix. */
export function labelOf(fields: FormField[], id: string): string {
  return fields.find((f) => f.id === id)?.label ?? id;
}
