import { z } from 'zod';
import { provenance } from './provenance';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

/**
 * Content the meetings feature reads from a partnership's pack (content/packs/<id>/meetings.json).
 * Groups, partners and the chair rota live in partnership.json; this file holds what only meetings need.
 */
export const MeetingsContentSchema = z.object({
  itemTypes: z.array(z.object({ id: z.enum(['decision', 'assurance', 'information', 'discussion']), label: z.string().min(2), hint: z.string().min(5) })).min(1),
  /** Papers are due this many working days before the meeting unless the business unit sets a date. */
  papersDeadlineWorkingDays: z.number().int().min(0).max(20),
  reminders: z.object({
    /** London time at which reminders for a day go out (inside working hours). */
    sendAt: HHMM,
    rsvpWorkingDaysBefore: z.number().int().min(1).max(10),
    quorumWarningWorkingDaysBefore: z.number().int().min(1).max(10),
  }),
  /**
   * Periods when a group deliberately meets at a different cadence from its series (e.g. the board
   * at two-monthly intervals while the sub-groups bed in), so "planned" meetings are counted fairly.
   */
  cadenceOverrides: z
    .array(z.object({ series: Id, from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), kind: z.enum(['weeks', 'months']), every: z.number().int().positive(), note: z.string().optional(), ...provenance }))
    .default([]),
});
export type MeetingsContent = z.infer<typeof MeetingsContentSchema>;
