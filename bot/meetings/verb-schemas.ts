import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { guardedText } from '../shared/privacy/child-identifying';

/** Ids go into Cosmos paths, so only the characters our ids use are let through. */
const id = RecordId;
const optionalText = (max: number) => guardedText(max, { required: false }).optional().default('');
/** Choice sets cannot offer an empty value, so "no agency" arrives as one of these words. */
const agencyChoice = z
  .string()
  .trim()
  .max(60)
  .optional()
  .default('')
  .transform((v) => (['same', 'rota', 'none'].includes(v) ? '' : v));
const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date');
const https = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => v === '' || /^https:\/\/\S+$/i.test(v), 'must be a link starting https://')
  .optional()
  .default('');
const minutesText = (min: number, max: number) =>
  z.union([z.string(), z.number()], { error: 'must be a number' }).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

export const S = {
  ref: z.object({ meetingId: id }),
  newOpen: z.object({ meetingId: z.string().optional(), seriesId: z.string().optional() }),
  meeting: z.object({
    meetingId: z.union([id, z.literal('')]).optional().default(''),
    etag: z.string().optional().default(''),
    seriesId: z.string().trim().optional().default(''),
    title: guardedText(200),
    meetingDate: isoDate,
    meetingTime: z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 10:00'),
    lengthMinutes: minutesText(15, 480),
    place: optionalText(300),
    link: https,
    chairName: optionalText(120),
    chairAgency: agencyChoice,
    papersDeadline: z.union([isoDate, z.literal('')]).optional().default(''),
    quick: z.string().max(4000, 'is too long (at most 4000 characters)').optional().default(''),
  }),
  item: z.object({
    meetingId: id,
    etag: z.string().optional().default(''),
    title: guardedText(200),
    presenter: optionalText(120),
    agency: agencyChoice,
    minutes: minutesText(1, 480),
    kind: z.enum(['decision', 'assurance', 'information', 'discussion'], { error: 'must be decision, assurance, information or discussion' }),
    paperUrl: https,
  }),
  rsvp: z
    .object({
      meetingId: id,
      response: z.enum(['attending', 'deputy', 'apologies'], { error: 'must be attending, deputy or apologies' }),
      deputyName: optionalText(120),
      deputyAgency: agencyChoice,
    })
    .superRefine((v, ctx) => {
      if (v.response === 'deputy' && !v.deputyName) ctx.addIssue({ code: 'custom', path: ['deputyName'], message: 'please give your deputy\'s name, so they can be counted for quorum' });
    }),
  record: z.looseObject({
    meetingId: id,
    etag: z.string().optional().default(''),
    decisions: z.string().max(4000, 'is too long (at most 4000 characters)').optional().default(''),
    actions: z.string().max(4000, 'is too long (at most 4000 characters)').optional().default(''),
  }),
  attendance: z.object({ seriesId: z.string().trim().max(60).optional().default(''), from: z.union([isoDate, z.literal('')]).optional().default(''), to: z.union([isoDate, z.literal('')]).optional().default('') }),
};
