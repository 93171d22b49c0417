import { BotState, type Storage, type TurnContext } from 'botbuilder';

/**
 * Dialog state per conversation AND member. In a group chat or channel each person has their own
 * dialogs, so one member's messages can never be saved as another's answers. Keyed by the Entra
 * object id (the door guarantees one on every message and invoke), never by the channel account id.
 */
export class MemberConversationState extends BotState {
  constructor(storage: Storage) {
    super(storage, async (ctx: TurnContext) => {
      const a = ctx.activity;
      const member = a.from?.aadObjectId;
      const conversation = a.conversation?.id;
      if (!member || !conversation) throw new Error('dialog state needs a conversation and a member');
      return `${a.channelId}/conversations/${conversation}/members/${member}`;
    });
  }
}
