import type { TurnContext } from 'botbuilder';
import type { OutMessage, Services, Turn } from '../core/contract';
import { conversationInfo, displayName, memberIdOf, teamIdOf, tenantOf } from './turn';

/** Remembers a team, channel or chat the bot was added to (or removed from), and who added it. */
export async function rememberConversation(ctx: TurnContext, services: Services, installed: boolean): Promise<void> {
  const a = ctx.activity;
  const info = conversationInfo(services, a);
  const channelData = a.channelData as { team?: { name?: unknown }; channel?: { name?: unknown } } | undefined;
  await services.members.saveConversation({
    kind: info.kind,
    ref: info.ref,
    installed,
    teamId: teamIdOf(a),
    teamName: displayName(channelData?.team?.name) || undefined,
    name: displayName(channelData?.channel?.name ?? a.conversation.name) || undefined,
  });
  const id = memberIdOf(a.from);
  if (id && a.from?.id && a.from.id !== a.recipient?.id) {
    await services.members.ensure({ id, userId: a.from.id, name: displayName(a.from.name), tenantId: tenantOf(a), ref: info.ref, personal: info.kind === 'personal' });
  }
}

/**
 * The bot was added somewhere, or people joined a conversation it is in: say hello in a 1:1 chat
 * (with the help card), a short hello in a team, and record each new member.
 */
export async function welcome(
  ctx: TurnContext,
  services: Services,
  turnFor: () => Promise<Turn | undefined>,
  help: (turn: Turn) => Promise<OutMessage>,
): Promise<void> {
  const a = ctx.activity;
  const info = conversationInfo(services, a);
  for (const added of a.membersAdded ?? []) {
    if (added.id === a.recipient?.id) {
      if (info.kind === 'personal') {
        const turn = await turnFor();
        if (turn) await turn.reply(await help(turn));
      } else {
        await ctx.sendActivity(`Hello, I am the ${services.content.partnership.shortName} partnership bot. Mention me with **help** to see what I can do here.`);
      }
      continue;
    }
    const id = memberIdOf(added);
    if (id && added.id) {
      await services.members.ensure({ id, userId: added.id, name: displayName(added.name), tenantId: tenantOf(a), ref: info.ref, personal: info.kind === 'personal' });
    }
  }
}
