import { z } from 'zod';

/**
 * One change the business unit made to the partnership's content in Teams, stored as an override of
 * the pack (the pack files stay as shipped). Every kind of content change lives here, so there is one
 * place to look: a fact confirmed or changed, a phrasing taught to a query topic.
 */
export const OverrideKindSchema = z.enum(['fact', 'phrasing']);
export type OverrideKind = z.infer<typeof OverrideKindSchema>;

export const ContentOverrideSchema = z.object({
  type: z.literal('contentOverride'),
  id: z.string().min(1).max(100),
  pk: z.string().min(1),
  kind: OverrideKindSchema,
  /** What it changes: a fact's id in the pack, or the query topic a phrasing teaches. */
  target: z.string().min(1).max(300),
  /** confirm: the fact stands as written; change: the fact now reads `value`; teach: `value` is a phrasing for `target`. */
  action: z.enum(['confirm', 'change', 'teach']),
  /** The new wording (change), the taught phrasing (teach); absent for confirm. */
  value: z.string().max(4000).optional(),
  /** Why, in the business unit's words (shown in `content` and the report). */
  note: z.string().max(500).optional(),
  status: z.enum(['active', 'reverted']),
  createdBy: z.string(),
  createdByName: z.string().max(200).default(''),
  createdAt: z.string(),
  revertedBy: z.string().optional(),
  revertedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type ContentOverride = z.infer<typeof ContentOverrideSchema>;

/** Bumped on every change, so each instance re-reads the overrides only when something changed. */
export const ContentVersionSchema = z.object({
  type: z.literal('contentVersion'),
  id: z.literal('content-version'),
  pk: z.string().min(1),
  version: z.number().int().min(0),
  updatedAt: z.string(),
});
export type ContentVersion = z.infer<typeof ContentVersionSchema>;
