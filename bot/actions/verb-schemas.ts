import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { DateTime } from 'luxon';
import { guardedText } from '../shared/privacy/child-identifying';
import { NONE } from './labels';

const stale = 'is missing: the card may be out of date; type **my actions** to get a fresh one';
export const Id = RecordId;
export const Etag = z.string({ error: stale }).min(1, stale);

/** Empty inputs arrive as "" or not at all; both mean "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && (v.trim() === '' || v === NONE) ? undefined : v);
/** In the edit form, "none" clears the field while a missing field leaves it as it is. */
const noneToEmpty = (v: unknown) => (v === NONE ? '' : v);

export function isoDate() {
  return z
    .string({ error: 'is required' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date')
    .refine((d) => DateTime.fromISO(d).isValid, 'is not a real date');
}

export function notPastDate(today: () => string) {
  return isoDate().refine((d) => d >= today(), 'cannot be in the past');
}

export const optionalGuarded = (max: number) => z.preprocess(blankToUndefined, guardedText(max, { required: false }).optional());
export const optionalId = z.preprocess(blankToUndefined, z.string().max(100).optional());
export const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .refine((v) => /^https:\/\/[^\s]+$/i.test(v), 'must be a link starting with https://')
    .optional(),
);

export function verbSchemas(today: () => string) {
  return {
    show: z.object({ id: Id, open: z.enum(['edit']).optional() }),
    acknowledge: z.object({ id: Id, etag: Etag }),
    update: z.object({ id: Id, etag: Etag, note: guardedText(2000), progress: z.enum(['in_progress', 'blocked'], { error: 'choose in progress or blocked' }) }),
    // Evidence may be a description, a link, or both; an empty completion is refused.
    complete: z
      .object({ id: Id, etag: Etag, evidence: optionalGuarded(2000), evidenceLink: optionalUrl, impact: optionalGuarded(2000) })
      .refine((d) => Boolean(d.evidence || d.evidenceLink), { path: ['evidence'], message: 'is required: describe what was done or give a link to the evidence' }),
    extension: z.object({ id: Id, etag: Etag, newDueDate: notPastDate(today), reason: guardedText(1000) }),
    decide: z.object({ id: Id, etag: Etag, decision: z.enum(['approve', 'refuse'], { error: 'choose approve or refuse' }), decisionNote: optionalGuarded(1000) }),
    signoff: z.object({ id: Id, etag: Etag, signoffDecision: z.enum(['accept', 'return'], { error: 'choose accept or return' }), signoffNote: optionalGuarded(1000), signoffImpact: optionalGuarded(2000) }),
    cancel: z.object({ id: Id, etag: Etag, cancelReason: guardedText(1000) }),
    edit: z.object({
      id: Id,
      etag: Etag,
      title: guardedText(200),
      // Absent means "leave as it is"; an empty choice means "clear it".
      description: guardedText(2000, { required: false }).optional(),
      dueDate: notPastDate(today),
      ownerId: z.string({ error: 'is required' }).min(1, 'is required'),
      ownerAgency: z.preprocess(noneToEmpty, z.string().max(100).optional()),
      priority: z.preprocess(noneToEmpty, z.string().max(100).optional()),
      group: z.preprocess(noneToEmpty, z.string().max(100).optional()),
    }),
    create: z.object({
      reference: z.preprocess(blankToUndefined, z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9\/_.-]{0,39}$/, 'may use letters, digits and / - _ . only (up to 40)').optional()),
      title: guardedText(200),
      description: z.preprocess((v) => v ?? '', guardedText(2000, { required: false })),
      source: z.enum(['rapid-review', 'lcspr', 'learning-review', 'multi-agency-audit', 'section-11-175-audit', 'meeting', 'inspection'], { error: 'choose where it came from' }),
      dueDate: notPastDate(today),
      ownerId: z.string({ error: 'is required' }).min(1, 'is required'),
      ownerAgency: optionalId,
      priority: optionalId,
      group: optionalId,
    }),
    importCsv: z.object({ csv: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200_000, 'is too long: split it into smaller files') }),
    none: z.object({}).passthrough(),
  };
}

/** Turns the first zod issue into "<field label>: <problem>." using the form's labels. */
export function friendlyMessage(error: z.ZodError, labels: Record<string, string>): string {
  const issue = error.issues[0];
  const key = String(issue?.path[0] ?? '');
  if (key === 'id' || key === 'etag') return `This card is out of date (${issue.message.replace(/\*\*/g, '')}).`;
  const label = labels[key] ?? key;
  return label ? `${label}: ${issue.message}.` : `Please check the form: ${issue?.message}.`;
}
