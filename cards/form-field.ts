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
  maxLength: number;
  min: string;
  choices: { title: string; value: string }[];
}
