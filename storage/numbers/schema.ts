import { z } from 'zod';

/** A reporting year as partnerships write it: April to March, e.g. 2025/26. */
export const ReportingYearSchema = z.string().regex(/^\d{4}\/\d{2}$/, 'must be a reporting year such as 2025/26');

/** One published figure as the business unit recorded it, with who and when. */
export const RecordedValueSchema = z.object({
  value: z.number().min(0),
  by: z.string(),
  byName: z.string().max(200).default(''),
  at: z.string(),
});
export type RecordedValue = z.infer<typeof RecordedValueSchema>;

/**
 * The figures the bot cannot see (rapid reviews held, training attendees, Section 175 returns, ...)
 * for one reporting year, keyed by the figure ids the content pack lists. One document per year, so a
 * save is one ETag-guarded write and the card reads this year and last year with two point reads.
 */
export const PublishedFiguresSchema = z.object({
  type: z.literal('publishedFigures'),
  id: z.string().min(1),
  pk: z.string().min(1),
  year: ReportingYearSchema,
  values: z.record(z.string(), RecordedValueSchema).default({}),
  updatedBy: z.string(),
  updatedByName: z.string().max(200).default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PublishedFigures = z.infer<typeof PublishedFiguresSchema>;
