import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import type { ConversationInfo, Mention, Services, Turn } from '../core/contract';
import type { ConversationKind } from '../../storage/members/schema';
import { storableReference, toActivity } from './activities';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

/** The tenant an activity comes from: `conversation.tenantId`, never channelData, which any caller can write. */
export function tenantOf(activity: Partial<Activity> | undefined): string | undefined {
  return activity?.conversation?.tenantId;
}

/** A member is their Entra object id, never the channel account id (which another channel could reuse). */
export function memberIdOf(account: Partial<ChannelAccount> | undefined): string | undefined {
  return account?.aadObjectId || undefined;
}

/** Display names are for people to read; a long one is cut rather than refused. */
export const displayName = (name: unknown) => (typeof name === 'string' ? name.slice(0, 200) : '');

/** A Teams team id from channelData, if it looks like one. */
export function teamIdOf(a: Partial<Activity>): string | undefined {
  const id = (a.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof id === 'string' && id.length > 0 && id.length <= 256 ? id : undefined;
}

export function conversationInfo(services: Services, a: Activity): ConversationInfo {
  return {
    id: a.conversation.id,
    kind: conversationKind(a),
    docId: services.members.conversationId(a.conversation.id),
    teamId: teamIdOf(a),
    ref: storableReference(a),
  };
}

/**
 * The turn as features see it: the caller as stored (recorded on first sight), the conversation,
 * the text without the bot's @mention, and reply/update/beginDialog bound to this TurnContext.
 */
export async function buildTurn(
  ctx: TurnContext,
  services: Services,
  beginDialog: (dialogId: string, options?: object) => Promise<void>,
): Promise<Turn | undefined> {
  const a = ctx.activity;
  const id = memberIdOf(a.from);
  if (!id || !a.from?.id) return undefined;
  const conversation = conversationInfo(services, a);
  const { doc: member, personalChanged } = await services.members.ensureTracked({
    id,
    userId: a.from.id,
    name: displayName(a.from.name),
    tenantId: tenantOf(a),
    ref: conversation.ref,
    personal: conversation.kind === 'personal',
  });
  if (conversation.kind === 'personal' && personalChanged) {
    // Remember the 1:1 chat as a conversation too, so "everyone who has the bot" can be listed.
    await services.members.saveConversation({ kind: 'personal', ref: conversation.ref, installed: true }).catch(() => undefined);
  }
  const mentions: Mention[] = (a.entities ?? [])
    .filter((e) => e.type === 'mention' && e.mentioned?.id && e.mentioned.id !== a.recipient?.id)
    .map((e) => ({ id: memberIdOf(e.mentioned) ?? String(e.mentioned.id).slice(0, 256), name: displayName(e.mentioned.name) }));
  const text = (TurnContext.removeRecipientMention(a) ?? a.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
  return {
    member,
    conversation,
    text,
    mentions,
    replyToId: a.replyToId,
    services,
    reply: async (msg) => (await ctx.sendActivity(toActivity(msg)))?.id,
    update: async (activityId, msg) => {
      await ctx.updateActivity({ ...toActivity(msg), id: activityId, conversation: a.conversation });
    },
    beginDialog,
  };
}
