import type { AdaptiveCard } from '../core/contract';
import { expandCard } from '../../cards/expand';
import { field, type FormField } from './card-fields';
import { NONE, type Labels } from './labels';
import { CSV_COLUMNS, type RowError } from './csv-import';
import { count } from '../shared/format';
import { privacyConfirmField } from '../../cards/form-field';

interface FormCardData {
  heading: string;
  intro: string;
  banner: string;
  bannerStyle: string;
  rowErrors: { row: string; message: string }[];
  fields: FormField[];
  verb: string;
  submitTitle: string;
  formId: string;
}

export function newActionFields(o: { labels: Labels; owners: { title: string; value: string }[]; today: string; values?: Record<string, unknown> }): FormField[] {
  const v = o.values ?? {};
  return [
    field({ id: 'title', kind: 'text', label: 'Title', required: true, placeholder: 'What needs to happen', errorMessage: 'Please give the action a title.' }, v),
    field({ id: 'description', kind: 'multiline', label: 'Description', placeholder: 'The recommendation and what completion looks like. No names or details of children.' }, v),
    field({ id: 'source', kind: 'choice', label: 'Source', required: true, value: 'lcspr', choices: o.labels.sources, errorMessage: 'Please choose where the action came from.' }, v),
    field({ id: 'reference', kind: 'text', label: 'Reference (optional: generated when blank)', placeholder: 'e.g. LCSPR-2025-01/R3', maxLength: 40 }, v),
    field({ id: 'priority', kind: 'choice', label: 'Partnership priority', choices: o.labels.priorities }, v),
    field({ id: 'ownerId', kind: 'choice', label: 'Owner', required: true, choices: o.owners, errorMessage: 'Please choose the owner.' }, v),
    field({ id: 'ownerAgency', kind: 'choice', label: 'Owner agency', choices: [{ title: "Use the owner's agency", value: NONE }, ...o.labels.agencies] }, v),
    field({ id: 'group', kind: 'choice', label: 'Group that chases it', choices: [{ title: 'Default for the source', value: NONE }, ...o.labels.groups.filter((g) => g.value !== NONE)] }, v),
    field({ id: 'dueDate', kind: 'date', label: 'Due date', required: true, min: o.today, errorMessage: 'Please choose a due date that is not in the past.' }, v),
  ];
}

export function newActionForm(o: Parameters<typeof newActionFields>[0] & { banner?: { text: string; tone: 'error' | 'good' }; privacyAsk?: boolean }): AdaptiveCard {
  const data: FormCardData = {
    heading: 'New action',
    intro: 'The owner gets the action in their chat with me and is reminded before it is due.',
    banner: o.banner?.text ?? '',
    bannerStyle: o.banner?.tone === 'good' ? 'good' : 'attention',
    rowErrors: [],
    fields: o.privacyAsk ? [...newActionFields(o), privacyConfirmField()] : newActionFields(o),
    verb: 'actions.create',
    submitTitle: 'Create and send to owner',
    formId: 'new-action',
  };
  return expandCard('actions', 'form', data);
}

export function importForm(o: { values?: Record<string, unknown>; banner?: { text: string; tone: 'error' | 'good' }; rowErrors?: RowError[]; done?: boolean }): AdaptiveCard {
  const data: FormCardData = {
    heading: 'Import actions from CSV',
    intro: `Paste the recommendations with a header row. Columns: ${CSV_COLUMNS}. Owner is the person's name as I know it; dates as 2026-03-31 or 31/03/2026; source as RR, LCSPR, LR, MAA, S11, MTG or INSP. Every row is checked first: if any row has a problem, nothing is imported.`,
    banner: o.banner?.text ?? '',
    bannerStyle: o.banner?.tone === 'good' ? 'good' : 'attention',
    rowErrors: (o.rowErrors ?? []).map((e) => ({ row: count(e.row), message: e.message })),
    fields: o.done ? [] : [field({ id: 'csv', kind: 'multiline', label: 'CSV text', required: true, maxLength: 200_000, errorMessage: 'Please paste the CSV text.' }, o.values ?? {})],
    verb: o.done ? '' : 'actions.import',
    submitTitle: 'Check and import',
    formId: 'import',
  };
  return expandCard('actions', 'form', data);
}
