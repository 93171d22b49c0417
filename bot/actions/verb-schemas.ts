import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { DateTime } from 'luxon';
import { guardedText, TEXT_REQUIRED } from '../shared/privacy/purpose';
import { NONE } from './labels';
import { PAST_DATE } from '../core/invalid';

/** A missing ETag means an old card: the router's explainer says so without naming the key. Ids that cannot exist find nothing. */
export const Id = RecordId;
export const Etag = z.string().min(1);

/** Empty inputs arrive as "" or not at all; both mean "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && (v.trim() === '' || v === NONE) ? undefined : v);
/** In the edit form, "none" clears the field while a missing field leaves it as it is. */
const noneToEmpty = (v: unknown) => (v === NONE ? '' : v);

export function isoDate() {
  return z
    .string({ error: 'Please choose a date.' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please choose a date.')
    .refine((d) => DateTime.fromISO(d).isValid, 'That is not a real date: please choose another.');
}


export function notPastDate(today: () => string) {
  return isoDate().refine((d) => d >= today(), PAST_DATE);
}

export const optionalGuarded = (max: number) => z.preprocess(blankToUndefined, guardedText(max, 'narrative', { required: false }).optional());
export const optionalId = z.preprocess(blankToUndefined, z.string().max(100).optional());
export const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .refine((v) => /^https:\/\/[^\s]+$/i.test(v), 'Please give a link that starts with https://')
    .optional(),
);

export function verbSchemas(today: () => string) {
  return {
    show: z.object({ id: Id, open: z.enum(['edit']).optional() }),
    acknowledge: z.object({ id: Id, etag: Etag }),
    update: z.object({ id: Id, etag: Etag, note: guardedText(2000, 'narrative'), progress: z.enum(['in_progress', 'blocked'], { error: 'Please choose in progress or blocked.' }) }),
    // Evidence may be a description, a link, or both; an empty completion is refused.
    complete: z
      .object({ id: Id, etag: Etag, evidence: optionalGuarded(2000), evidenceLink: optionalUrl, impact: optionalGuarded(2000) })
      .refine((d) => Boolean(d.evidence || d.evidenceLink), { path: ['evidence'], message: 'Please describe what was done, or give a link to the evidence.' }),
    extension: z.object({ id: Id, etag: Etag, newDueDate: notPastDate(today), reason: guardedText(1000, 'narrative') }),
    decide: z.object({ id: Id, etag: Etag, decision: z.enum(['approve', 'refuse'], { error: 'Please choose approve or refuse.' }), decisionNote: optionalGuarded(1000) }),
    signoff: z.object({ id: Id, etag: Etag, signoffDecision: z.enum(['accept', 'return'], { error: 'Please choose accept or return.' }), signoffNote: optionalGuarded(1000), signoffImpact: optionalGuarded(2000) }),
    cancel: z.object({ id: Id, etag: Etag, cancelReason: guardedText(1000, 'narrative') }),
    edit: z.object({
      id: Id,
      etag: Etag,
      title: guardedText(200, 'narrative'),
      // Absent means "leave as it is"; an empty choice means "clear it".
      description: guardedText(2000, 'narrative', { required: false }).optional(),
      dueDate: notPastDate(today),
      ownerId: z.string({ error: 'Please choose the owner.' }).min(1, 'Please choose the owner.'),
      ownerAgency: z.preprocess(noneToEmpty, z.string().max(100).optional()),
      priority: z.preprocess(noneToEmpty, z.string().max(100).optional()),
      group: z.preprocess(noneToEmpty, z.string().max(100).optional()),
    }),
    create: z.object({
      reference: z.preprocess(blankToUndefined, z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9\/_.-]{0,39}$/, 'Please use letters, digits and / - _ . only, up to 40 characters.').optional()),
      title: guardedText(200, 'narrative'),
      description: z.preprocess((v) => v ?? '', guardedText(2000, 'narrative', { required: false })),
      source: z.enum(['rapid-review', 'lcspr', 'learning-review', 'multi-agency-audit', 'section-11-175-audit', 'meeting', 'inspection'], { error: 'Please choose where it came from.' }),
      dueDate: notPastDate(today),
      ownerId: z.string({ error: 'Please choose the owner.' }).min(1, 'Please choose the owner.'),
      ownerAgency: optionalId,
      priority: optionalId,
      group: optionalId,
    }),
    importCsv: z.object({ csv: z.string({ error: TEXT_REQUIRED }).trim().min(1, 'Please paste the CSV text.').max(200_000, 'That is too long for one import: please split it into smaller files.') }),
    none: z.object({}).passthrough(),
  };
}

/** What each field is called on the tracker's forms, for "<label>: <what to fix>" messages. */
export const ACTION_FIELD_LABELS: Readonly<Record<string, string>> = {
  note: 'Progress update',
  progress: 'Progress',
  evidence: 'Evidence of completion',
  evidenceLink: 'Link to the evidence',
  impact: 'Impact on practice',
  newDueDate: 'New due date',
  reason: 'Reason for the extension',
  decision: 'Decision',
  decisionNote: 'Note to the owner',
  signoffDecision: 'Decision',
  signoffNote: 'What is still needed',
  signoffImpact: 'Impact statement',
  cancelReason: 'Why it is being cancelled',
  title: 'Title',
  description: 'Description',
  dueDate: 'Due date',
  ownerId: 'Owner',
  ownerAgency: 'Owner agency',
  priority: 'Partnership priority',
  group: 'Group that chases it',
  source: 'Source',
  reference: 'Reference',
  csv: 'CSV text',
};
