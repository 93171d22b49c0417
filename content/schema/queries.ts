import { z } from 'zod';

/** Content the queries feature reads from a partnership's pack (content/packs/<id>/queries.json). */
export const QueriesContentSchema = z.object({}).passthrough();
export type QueriesContent = z.infer<typeof QueriesContentSchema>;
