import { z } from 'zod';

export const SettingsSchema = z.object({
  type: z.literal('settings'),
  id: z.literal('settings'),
  pk: z.string(),
  /** Conversation document id of the business unit's channel (query tickets, escalations). */
  businessUnitConversation: z.string().optional(),
  updatedAt: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** One line of the append-only audit log: who changed what, when. No free text. */
export const ChangeSchema = z.object({
  type: z.literal('change'),
  id: z.string(),
  pk: z.string(),
  at: z.string(),
  actorId: z.string(),
  feature: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  beforeEtag: z.string().optional(),
  afterEtag: z.string().optional(),
  /** Short structured facts (status from/to, counts). Never message text. */
  detail: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).default({}),
});
export type Change = z.infer<typeof ChangeSchema>;

export const LeaseSchema = z.object({
  type: z.literal('lease'),
  id: z.string(),
  pk: z.literal('leases'),
  holder: z.string(),
  expiresAt: z.number(),
});
export type Lease = z.infer<typeof LeaseSchema>;

/**
 * A tenant's outbound budget, shared by every instance (GCRA): the next free send slot, and the end
 * of the last 429 pause. Kept with the leases: small, hot, and read with a point read.
 */
export const RateBudgetSchema = z.object({
  type: z.literal('rateBudget'),
  id: z.string(),
  pk: z.literal('leases'),
  /** The latest send slots handed out (ms since the epoch), oldest first (bot/core/outbound/slots.ts). */
  recent: z.array(z.number()).max(5000).default([]),
  pausedUntil: z.number().default(0),
});
export type RateBudgetDoc = z.infer<typeof RateBudgetSchema>;

/**
 * A proactive message that must go out at most once (nudge, reminder, escalation). Its id is
 * deterministic, so creating it twice fails with 409 and the second sender stands down.
 */
export const NotificationSchema = z.object({
  type: z.literal('notification'),
  id: z.string(),
  pk: z.string(),
  feature: z.string(),
  kind: z.string(),
  subjectId: z.string(),
  recipientId: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'unreachable']),
  attempts: z.number().int().default(0),
  activityId: z.string().optional(),
  error: z.string().max(200).optional(),
  createdAt: z.string(),
  sentAt: z.string().optional(),
  ttl: z.number().int().optional(),
});
export type Notification = z.infer<typeof NotificationSchema>;
