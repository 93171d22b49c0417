import type { OutMessage, Services, Turn } from '../core/contract';
import type { ConversationRef } from '../../storage/members/schema';

/**
 * Sends to the caller's own 1:1 chat (previews, progress, CSV), so nothing meant for the author lands
 * in a channel. Returns where it went, for cards that are updated later.
 */
export async function sendToAuthor(services: Services, turn: Turn, msg: OutMessage): Promise<{ ref: ConversationRef; activityId: string } | undefined> {
  if (turn.conversation.kind === 'personal') {
    const activityId = await turn.reply(msg);
    return activityId ? { ref: turn.conversation.ref, activityId } : undefined;
  }
  const r = await services.messenger.sendToMember(turn.member, msg);
  if (!r.ok || !r.activityId) return undefined;
  const me = await services.members.get(turn.member.id);
  return me?.personal ? { ref: me.personal, activityId: r.activityId } : undefined;
}
