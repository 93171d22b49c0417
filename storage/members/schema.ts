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
