import { z } from 'zod';
import { RoleSchema } from '../../content/schema/partnership';

/** A Bot Framework conversation reference, stored as plain JSON so storage stays free of SDK types. */
export const ConversationRefSchema = z.object({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.object({
    id: z.string().min(1),
    tenantId: z.string().optional(),
    conversationType: z.string().optional(),
    isGroup: z.boolean().optional(),
  }),
  bot: z.object({ id: z.string(), name: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string().optional(), aadObjectId: z.string().optional() }).optional(),
  activityId: z.string().optional(),
  locale: z.string().optional(),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const MemberSchema = z.object({
  type: z.literal('member'),
  id: z.string().min(1),
  pk: z.string().min(1),
  /** Teams channel account id (29:...), needed to open a 1:1 chat. */
  userId: z.string().min(1),
  name: z.string().max(200),
  tenantId: z.string().optional(),
  agency: z.string().optional(),
  roles: z.array(RoleSchema).default([]),
  /** BUSINESS_UNIT_ADMINS gave this member their first role once; a later revoke is never undone by it. */
  bootstrapped: z.boolean().optional(),
  /** 1:1 conversation with the bot, once known. */
  personal: ConversationRefSchema.optional(),
  /** A conversation the member was seen in, used to open a 1:1 chat when there is none yet. */
  seenIn: ConversationRefSchema.optional(),
  reachable: z.boolean().default(true),
  unreachableSince: z.string().optional(),
  /** Work e-mail and sign-in name from a team roster, matched against the business unit's directory. */
  email: z.string().max(320).optional(),
  upn: z.string().max(320).optional(),
  /** Teams (by Teams team id) whose roster lists this member. */
  teams: z.array(z.string().max(256)).default([]),
  /** When the member left the last partnership team they were in: no longer a recipient of briefings. */
  leftAt: z.string().optional(),
  /** Listed in the business unit's member directory (CSV), which sets agency and roles. */
  inDirectory: z.boolean().optional(),
  prefs: z.record(z.string(), z.unknown()).default({}),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const ConversationKindSchema = z.enum(['personal', 'channel', 'groupChat']);
export type ConversationKind = z.infer<typeof ConversationKindSchema>;

/** A team, channel or group chat where the bot is installed. */
export const ConversationSchema = z.object({
  type: z.literal('conversation'),
  id: z.string().min(1),
  pk: z.string().min(1),
  kind: ConversationKindSchema,
  name: z.string().max(200).optional(),
  teamId: z.string().optional(),
  teamName: z.string().max(200).optional(),
  ref: ConversationRefSchema,
  installed: z.boolean().default(true),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * One line of the business unit's member directory: a person (by work e-mail or sign-in name) with
 * their agency and roles. Applied to the member with that address when the bot meets them in a roster.
 */
export const DirectoryEntrySchema = z.object({
  type: z.literal('directoryEntry'),
  /** The address, lower-cased (also the entry's key). */
  id: z.string().min(3).max(320),
  pk: z.string().min(1),
  email: z.string().max(320),
  agency: z.string().max(100),
  roles: z.array(RoleSchema).default([]),
  loadedBy: z.string(),
  loadedAt: z.string(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
