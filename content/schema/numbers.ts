import { z } from 'zod';
import { ActionSourceIdSchema } from './actions';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
const Year = z.string().regex(/^\d{4}\/\d{2}$/, 'use a reporting year such as 2024/25');

/** Where a fact comes from: one of the partnership's own documents (a seed) and the part of it. */
export const SourceSchema = z.object({
  document: z.string().min(5),
  section: z.string().min(3),
});

/** The five parts of the card; a published figure is shown beside the live figures of its part. */
export const NumbersSectionSchema = z.enum(['governance', 'learning', 'assurance', 'reach', 'questions']);
export type NumbersSection = z.infer<typeof NumbersSectionSchema>;

/**
 * A figure the partnership publishes that the bot cannot count itself (rapid reviews held, training
 * attendees, Section 175 returns). The business unit records each year's value; values already
 * published in an annual report ship here with their source, so year-on-year change works from day one.
 */
export const PublishedFigureSchema = z
  .object({
    id: Id,
    label: z.string().min(3).max(80),
    section: NumbersSectionSchema,
    unit: z.enum(['count', 'percent']),
    /** "How is this counted", shown one tap away on the card. */
    meaning: z.string().min(10).max(300),
    /** Where the partnership reports this figure. */
    source: SourceSchema,
    published: z.array(z.object({ year: Year, value: z.number().min(0), source: SourceSchema })).default([]),
    /** What still has to be confirmed (the documents are silent on a value, or on the definition). */
    toConfirm: z.string().min(10).optional(),
  })
  .superRefine((f, ctx) => {
    f.published.forEach((p, i) => {
      if (f.unit === 'percent' && p.value > 100) ctx.addIssue({ code: 'custom', path: ['published', i, 'value'], message: 'a percentage cannot be over 100' });
      if (f.unit === 'count' && !Number.isInteger(p.value)) ctx.addIssue({ code: 'custom', path: ['published', i, 'value'], message: 'a count must be a whole number' });
    });
  });
export type PublishedFigure = z.infer<typeof PublishedFigureSchema>;

export const NumbersContentSchema = z
  .object({
    /** The meeting series whose channel gets the quarterly card and whose attendance leads the summary. */
    boardSeries: Id,
    /** Action sources that count as "review actions" in the summary (rapid reviews, local reviews). */
    reviewSources: z.array(ActionSourceIdSchema).min(1),
    quarterlyPost: z
      .object({
        enabled: z.boolean().default(true),
        /** Working days after the first working day of a quarter in which a missed post (an outage) is still sent. */
        catchUpWorkingDays: z.number().int().min(0).max(10).default(3),
      })
      .prefault({}),
    publishedFigures: z.array(PublishedFigureSchema).min(1).max(30),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.publishedFigures.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['publishedFigures', i, 'id'], message: `${f.id} appears twice` });
      seen.add(f.id);
    });
  });
export type NumbersContent = z.infer<typeof NumbersContentSchema>;
