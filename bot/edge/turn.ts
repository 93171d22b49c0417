import { TurnContext, type Activity, type ChannelAccount } from 'botbuilder';
import type { ConversationInfo, Mention, Services, Turn } from '../core/contract';
import type { ConversationKind } from '../../storage/members/schema';
import { storableReference, toActivity } from './activities';

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

/** The tenant an activity comes from: the one place that reads it. */
export function tenantOf(activity: Partial<Activity> | undefined): string | undefined {
  return activity?.conversation?.tenantId ?? (activity?.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** The stable member id: the Entra object id in Teams, else the channel account id (Playground, tests). */
export function memberIdOf(account: Partial<ChannelAccount> | undefined): string | undefined {
  return account?.aadObjectId || account?.id || undefined;
}

export function conversationInfo(services: Services, a: Activity): ConversationInfo {
  const channelData = a.channelData as { team?: { id?: string } } | undefined;
  return {
    id: a.conversation.id,
    kind: conversationKind(a),
    docId: services.members.conversationId(a.conversation.id),
    teamId: channelData?.team?.id,
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
    name: a.from.name ?? '',
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
    .map((e) => ({ id: memberIdOf(e.mentioned) ?? e.mentioned.id, name: String(e.mentioned.name ?? '') }));
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
