import type { TurnContext, StatePropertyAccessor } from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { Container } from '@azure/cosmos';
import type { DialogPort } from '../core/router';
import { CosmosBotStateStorage } from './bot-state-storage';
import { MemberConversationState } from './member-dialog-state';

/** The botbuilder-dialogs of every feature, with their state in Cosmos, per conversation and member. */
export class DialogHost {
  private readonly state: MemberConversationState;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(container: Container, dialogs: Dialog[]) {
    this.state = new MemberConversationState(new CosmosBotStateStorage(container));
    this.dialogState = this.state.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    for (const d of dialogs) this.dialogs.add(d);
  }

  async begin(ctx: TurnContext, dialogId: string, options?: object): Promise<void> {
    const dc = await this.dialogs.createContext(ctx);
    await dc.beginDialog(dialogId, options);
  }

  /** The router's view of this turn's dialogs; state is read only when asked. */
  port(ctx: TurnContext): DialogPort {
    const dc = () => this.dialogs.createContext(ctx);
    return {
      isActive: async () => Boolean((await dc()).activeDialog),
      continue: async () => void (await (await dc()).continueDialog()),
      cancelAll: async () => void (await (await dc()).cancelAllDialogs()),
    };
  }

  save(ctx: TurnContext): Promise<void> {
    return this.state.saveChanges(ctx);
  }
}
