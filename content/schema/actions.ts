import { z } from 'zod';

/** Content the actions feature reads from a partnership's pack (content/packs/<id>/actions.json). */
export const ActionsContentSchema = z.object({}).passthrough();
export type ActionsContent = z.infer<typeof ActionsContentSchema>;
