import { z } from 'zod';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ActionStatusSchema = z.enum(['open', 'acknowledged', 'in_progress', 'completed_pending_evidence', 'completed', 'blocked', 'cancelled']);
export const ActionSourceSchema = z.enum(['rapid-review', 'lcspr', 'learning-review', 'multi-agency-audit', 'section-11-175-audit', 'meeting', 'inspection']);

export const NoteSchema = z.object({ at: z.string(), by: z.string(), byName: z.string().max(200).default(''), text: z.string().max(2000) });

export const ExtensionSchema = z.object({
  id: z.string(),
  requestedAt: z.string(),
  by: z.string(),
  byName: z.string().max(200).default(''),
  fromDue: IsoDate,
  toDue: IsoDate,
  reason: z.string().max(1000),
  decision: z
    .object({ outcome: z.enum(['approved', 'refused']), by: z.string(), byName: z.string().max(200).default(''), at: z.string(), note: z.string().max(1000).default('') })
    .optional(),
});

/** One line of an action's own history. Append-only: the repository refuses a write that rewrites it. */
export const HistoryEntrySchema = z.object({
  at: z.string(),
  by: z.string(),
  byName: z.string().max(200).default(''),
  what: z.string().max(60),
  detail: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).default({}),
});

export const ActionSchema = z.object({
  type: z.literal('action'),
  id: z.string(),
  pk: z.string(),
  reference: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  description: z.string().max(2000).default(''),
  source: ActionSourceSchema,
  sourceRef: z.string().max(200).optional(),
  priority: z.string().optional(),
  ownerId: z.string().min(1),
  ownerName: z.string().max(200).default(''),
  ownerAgency: z.string().optional(),
  group: z.string().optional(),
  dueDate: IsoDate,
  /** London date the current due date was set: nudge rules that fall on or before it are not sent. */
  dueSetOn: IsoDate,
  status: ActionStatusSchema,
  notes: z.array(NoteSchema).default([]),
  evidence: z.object({ text: z.string().max(2000), link: z.string().max(500).optional(), at: z.string(), by: z.string() }).optional(),
  impact: z.object({ text: z.string().max(2000), at: z.string(), by: z.string() }).optional(),
  extensions: z.array(ExtensionSchema).default([]),
  history: z.array(HistoryEntrySchema).default([]),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** London date the action reached completed or cancelled. */
  closedOn: IsoDate.optional(),
});
export type Action = z.infer<typeof ActionSchema>;
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export type Extension = z.infer<typeof ExtensionSchema>;
export type ActionSource = z.infer<typeof ActionSourceSchema>;
/** Derived, never stored: see bot/actions/rag.ts. */
export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'cancelled';

/** What another feature (meetings, audits) gives the tracker to create an action. */
export interface NewActionInput {
  /** e.g. LCSPR-2025-01/R3; generated from source and date when omitted. */
  reference?: string;
  title: string;
  description?: string;
  source: ActionSource;
  /** Id of what created it (meeting id, audit round id, review reference). */
  sourceRef?: string;
  /** Priority id from the content pack, or undefined for none. */
  priority?: string;
  /** Member id (Entra object id) of the owner. */
  ownerId: string;
  ownerAgency?: string;
  /** Meeting series id of the group that owns the action (for matters arising and escalation). */
  group?: string;
  /** ISO date (yyyy-mm-dd), Europe/London. */
  dueDate: string;
}

/** An action as other features list it (matters arising). */
export interface ActionBrief {
  id: string;
  reference: string;
  title: string;
  ownerId: string;
  ownerName?: string;
  ownerAgency?: string;
  dueDate: string;
  status: ActionStatus;
  rag: Rag;
  overdue: boolean;
}

/**
 * What the sweep, the summary and "my actions" need about an action, copied into index documents so
 * those paths are point reads instead of scans (the embedded server scans every document per query).
 */
export const IndexEntrySchema = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string().max(120),
  owner: z.string(),
  agency: z.string().optional(),
  group: z.string().optional(),
  priority: z.string().optional(),
  due: IsoDate,
  dueSetOn: IsoDate,
  status: ActionStatusSchema,
  /** An extension request is waiting for a decision. */
  ext: z.boolean().optional(),
  closedOn: IsoDate.optional(),
});
export type IndexEntry = z.infer<typeof IndexEntrySchema>;

/** One shard of the partnership's index of actions (shard chosen by a hash of the action id). */
export const IndexShardSchema = z.object({
  type: z.literal('actionIndexShard'),
  id: z.string(),
  pk: z.string(),
  shard: z.number().int(),
  entries: z.array(IndexEntrySchema),
  updatedAt: z.string(),
});

/** An owner's open actions; "my actions" reads just this document. */
export const OwnerIndexSchema = z.object({
  type: z.literal('actionOwnerIndex'),
  id: z.string(),
  pk: z.string(),
  ownerId: z.string(),
  entries: z.array(IndexEntrySchema),
  updatedAt: z.string(),
});

/** Claims a reference so two actions cannot share one; also turns `action <reference>` into a point read. */
export const ReferenceClaimSchema = z.object({
  type: z.literal('actionReference'),
  id: z.string(),
  pk: z.string(),
  reference: z.string(),
  actionId: z.string(),
});

/** Next number for generated references, per prefix and year. */
export const ReferenceCounterSchema = z.object({
  type: z.literal('actionCounter'),
  id: z.string(),
  pk: z.string(),
  next: z.number().int().min(1),
});
