import { z } from 'zod';

/** Content the briefings feature reads from a partnership's pack (content/packs/<id>/briefings.json). */
export const BriefingsContentSchema = z.object({}).passthrough();
export type BriefingsContent = z.infer<typeof BriefingsContentSchema>;
