import { z } from 'zod';
import { RoleSchema } from '../../content/schema/partnership';
import { ConversationRefSchema } from '../members/schema';

export const AudienceSchema = z.object({
  kind: z.enum(['everyone', 'conversations', 'roles', 'agencies']),
  /** Conversation document ids (channels, group chats) when kind = conversations. */
  conversations: z.array(z.string()).default([]),
  roles: z.array(RoleSchema).default([]),
  agencies: z.array(z.string()).default([]),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const LinkSchema = z.object({ title: z.string().max(120), url: z.string().max(300) });

export const BriefingStatusSchema = z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled', 'retracted']);
export type BriefingStatus = z.infer<typeof BriefingStatusSchema>;

/**
 * The seven parts of a 7-minute briefing plus its audience and schedule. Partition: partnership id.
 * Field limits keep the authoring form (which carries every field) under Teams' 28 KB card limit.
 */
export const BriefingSchema = z.object({
  type: z.literal('briefing'),
  id: z.string().min(1),
  pk: z.string().min(1),
  /** Short code people type, e.g. `reach B7K2QF`. */
  code: z.string().min(4).max(12),
  title: z.string().max(200).default(''),
  source: z.string().max(300).default(''),
  background: z.string().max(2000).default(''),
  whyItMatters: z.string().max(1500).default(''),
  keyPoints: z.array(z.string().max(1000)).max(3).default([]),
  remember: z.string().max(1000).default(''),
  actions: z.string().max(1500).default(''),
  reflection: z.array(z.string().max(200)).max(6).default([]),
  links: z.array(LinkSchema).max(8).default([]),
  priorities: z.array(z.string()).default([]),
  audience: AudienceSchema.default({ kind: 'everyone', conversations: [], roles: [], agencies: [] }),
  /** ISO instant; absent = send when the author presses send. */
  scheduledFor: z.string().optional(),
  status: BriefingStatusSchema,
  /** Bumped on every edit after sending and on retraction; delivered cards catch up to it. */
  version: z.number().int().min(1).default(1),
  /** The version every delivered card has caught up to; below `version` = an edit or withdrawal is still going out. */
  syncedVersion: z.number().int().min(0).default(1),
  authorId: z.string(),
  authorName: z.string().max(200).default(''),
  /** Where the author's progress card lives, so the engine can replace it in place. */
  progress: z.object({ ref: ConversationRefSchema, activityId: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().optional(),
  retractedAt: z.string().optional(),
});
export type Briefing = z.infer<typeof BriefingSchema>;

export const DeliveryStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'unreachable']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/**
 * One (briefing, recipient). Partition: the briefing id, so a broadcast's queries stay in one partition.
 * The id is deterministic from the recipient, so planning twice creates nothing twice.
 */
export const DeliverySchema = z.object({
  type: z.literal('delivery'),
  id: z.string().min(1),
  pk: z.string().min(1),
  briefingId: z.string(),
  /** member:<id> for a 1:1 chat, conv:<doc id> for a channel or group chat. */
  recipient: z.string(),
  kind: z.enum(['personal', 'channel', 'groupChat']),
  /** Snapshot for reach by agency and role (a channel post has neither). */
  memberId: z.string().optional(),
  agency: z.string().optional(),
  roles: z.array(z.string()).default([]),
  ref: ConversationRefSchema,
  /** True when the member has no 1:1 chat yet and the sender must open one first. */
  needsOpen: z.boolean().default(false),
  userId: z.string().optional(),
  status: DeliveryStatusSchema,
  /** Epoch ms until which the worker that claimed this document owns it. 0 = unclaimed. */
  claimUntil: z.number().default(0),
  claimedBy: z.string().optional(),
  attempts: z.number().int().default(0),
  activityId: z.string().optional(),
  reason: z.string().max(200).optional(),
  /** Briefing version the delivered card shows; behind the briefing's version = needs an update. */
  shown: z.number().int().default(0),
  sentAt: z.string().optional(),
  updatedAt: z.string(),
  ttl: z.number().int().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/**
 * The per-briefing cursor and lease (id "broadcast", partition = briefing id): which worker drives the
 * broadcast, whether planning finished, and whether the author asked to cancel.
 */
export const BroadcastSchema = z.object({
  type: z.literal('broadcast'),
  id: z.literal('broadcast'),
  pk: z.string(),
  briefingId: z.string(),
  phase: z.enum(['planning', 'sending', 'done', 'cancelled']),
  holder: z.string().optional(),
  leaseUntil: z.number().default(0),
  total: z.number().int().default(0),
  cancelRequested: z.boolean().default(false),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

export const UsefulSchema = z.enum(['yes', 'partly', 'no']);

/** One person's response to a briefing (read, useful, reflection). Partition: briefing id. */
export const ResponseSchema = z.object({
  type: z.literal('response'),
  id: z.string(),
  pk: z.string(),
  briefingId: z.string(),
  memberId: z.string(),
  agency: z.string().optional(),
  roles: z.array(z.string()).default([]),
  readAt: z.string().optional(),
  useful: UsefulSchema.optional(),
  /** Checked for child-identifying details before it is stored. */
  reflection: z.string().max(1000).optional(),
  updatedAt: z.string(),
  ttl: z.number().int().optional(),
});
export type BriefingResponse = z.infer<typeof ResponseSchema>;
