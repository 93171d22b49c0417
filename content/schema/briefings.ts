import { z } from 'zod';

/** Content the briefings feature reads from a partnership's pack (content/packs/<id>/briefings.json). */
export const BriefingsContentSchema = z.object({
  /** Reflection questions a new briefing starts with; the author can change them. */
  defaultReflection: z.array(z.string().min(5).max(300)).min(1).max(6).optional(),
  /** Examples shown in the authoring form's "source" hint. */
  sourceExamples: z.array(z.string().min(3).max(100)).default([]),
});
export type BriefingsContent = z.infer<typeof BriefingsContentSchema>;
