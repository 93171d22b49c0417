import { z } from 'zod';

/** Content the meetings feature reads from a partnership's pack (content/packs/<id>/meetings.json). */
export const MeetingsContentSchema = z.object({}).passthrough();
export type MeetingsContent = z.infer<typeof MeetingsContentSchema>;
