import { formField, type FieldSpec, type FormField } from '../../cards/form-field';

export type { FormField };

export interface CardForm {
  key: string;
  title: string;
  verb: string;
  submitTitle: string;
  fields: FormField[];
}

/** An actions form field: the shared builder with the tracker's default lengths. */
export function field(f: FieldSpec, values: Record<string, unknown> = {}): FormField {
  return formField(f, values, { multiline: 2000, url: 500, text: 200 });
}
