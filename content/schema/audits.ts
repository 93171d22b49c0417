import { z } from 'zod';

/** Content the audits feature reads from a partnership's pack (content/packs/<id>/audits.json). */
export const AuditsContentSchema = z.object({}).passthrough();
export type AuditsContent = z.infer<typeof AuditsContentSchema>;
