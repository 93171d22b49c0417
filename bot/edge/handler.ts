import {
  ActivityTypes,
  ConversationState,
  INVOKE_RESPONSE_KEY,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type Activity,
  type ChannelAccount,
  type StatePropertyAccessor,
} from 'botbuilder';
import { DialogSet, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import type { CommandDef, Feature, Mention, OutMessage, Services, Turn, VerbResult, ConversationInfo } from '../core/contract';
import { matchCommand } from '../core/command-registry';
import { VerbRegistry, cleanCardData, describeInvalid } from '../core/verb-registry';
import { hasAnyRole, refusal } from '../core/roles';
import { toActivity, ADAPTIVE_CARD } from './activities';
import { storableReference } from './proactive';
import { StorageUnavailableError, StaleError } from '../../storage/errors';
import type { ConversationKind, ConversationRef } from '../../storage/members/schema';
import { CosmosBotStateStorage } from './bot-state-storage';
import { healthOf } from '../../storage/health';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

export const APOLOGY = (ref: string) =>
  `Sorry, something went wrong on our side and nothing was changed. Please try again in a minute (reference ${ref}).`;
export const STORAGE_APOLOGY = (ref: string) =>
  `Sorry, the partnership bot cannot reach its storage just now, so nothing was changed. Please try again in a few minutes (reference ${ref}).`;

export function conversationKind(activity: Partial<Activity>): ConversationKind {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** The stable member id: the Entra object id in Teams, else the channel account id (Playground, tests). */
export function memberIdOf(account: Partial<ChannelAccount> | undefined): string | undefined {
  return account?.aadObjectId || account?.id || undefined;
}

export class PartnershipBot extends TeamsActivityHandler {
  private readonly commands: CommandDef[] = [];
  private readonly verbs = new VerbRegistry();
  private readonly fallbacks: ((turn: Turn) => Promise<boolean>)[] = [];
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly conversationState: ConversationState;

  constructor(
    private readonly services: Services,
    features: Feature[],
    private readonly helpFor: (turn: Turn) => Promise<OutMessage>,
  ) {
    super();
    this.conversationState = new ConversationState(new CosmosBotStateStorage(services.store.containers.botState));
    this.dialogState = this.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState);
    for (const f of features) {
      this.commands.push(...(f.commands ?? []));
      for (const v of f.verbs ?? []) this.verbs.register(v);
      for (const d of (f.dialogs ?? []) as Dialog[]) this.dialogs.add(d);
      if (f.fallback) this.fallbacks.push(f.fallback);
    }

    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onInstallationUpdate(async (ctx, next) => {
      await this.rememberConversation(ctx, ctx.activity.action !== 'remove');
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      await this.rememberConversation(ctx, true);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      await this.welcome(ctx);
      await next();
    });
  }

  /**
   * While storage is down, answer at once with an apology rather than letting every turn wait out the
   * Cosmos SDK's retries (Teams gives an invoke only a few seconds). One quick ping per turn notices recovery.
   */
  override async run(ctx: TurnContext): Promise<void> {
    const health = healthOf(this.services.store.client);
    if (health.down && !(await this.services.store.ping(1000))) {
      const ref = randomUUID().slice(0, 8);
      this.services.log.warn({ event: 'storage-down-refusal', ref, activityType: ctx.activity.type }, 'turn refused: storage unavailable');
      if (ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action') {
        await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: STORAGE_APOLOGY(ref) } } });
      } else if (ctx.activity.type === ActivityTypes.Message) {
        await ctx.sendActivity(STORAGE_APOLOGY(ref));
      }
      return;
    }
    const isInvoke = ctx.activity.type === ActivityTypes.Invoke;
    try {
      await super.run(ctx);
    } catch (e) {
      if (!isInvoke) throw e;
      // An invoke must always get an invoke response; without one the adapter answers 501.
      const ref = randomUUID().slice(0, 8);
      const err = e as Error;
      this.services.log.error({ event: 'invoke-error', ref, err: { type: err?.name, message: err?.message } }, 'invoke failed');
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: err instanceof StorageUnavailableError ? STORAGE_APOLOGY(ref) : APOLOGY(ref) } } });
      return;
    }
    if (isInvoke && !ctx.turnState.get(INVOKE_RESPONSE_KEY)) {
      await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: 'This bot does not handle that kind of request.' } } });
    }
  }

  get registeredCommands(): readonly CommandDef[] {
    return this.commands;
  }

  get registeredVerbs() {
    return this.verbs.all();
  }

  private conversationInfo(ctx: TurnContext): ConversationInfo {
    const a = ctx.activity;
    const ref = storableReference(a);
    const channelData = a.channelData as { team?: { id?: string } } | undefined;
    return {
      id: a.conversation.id,
      kind: conversationKind(a),
      docId: this.services.members.conversationId(a.conversation.id),
      teamId: channelData?.team?.id,
      ref,
    };
  }

  private async buildTurn(ctx: TurnContext): Promise<Turn | undefined> {
    const a = ctx.activity;
    const id = memberIdOf(a.from);
    if (!id || !a.from?.id) return undefined;
    const conversation = this.conversationInfo(ctx);
    const { doc: member, personalChanged } = await this.services.members.ensureTracked({
      id,
      userId: a.from.id,
      name: a.from.name ?? '',
      tenantId: tenantOf(a),
      ref: conversation.ref,
      personal: conversation.kind === 'personal',
    });
    if (conversation.kind === 'personal' && personalChanged) {
      // Remember the 1:1 chat as a conversation too, so "everyone who has the bot" can be listed.
      await this.services.members.saveConversation({ kind: 'personal', ref: conversation.ref, installed: true }).catch(() => undefined);
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
      services: this.services,
      reply: async (msg) => (await ctx.sendActivity(toActivity(msg)))?.id,
      update: async (activityId, msg) => {
        await ctx.updateActivity({ ...toActivity(msg), id: activityId, conversation: a.conversation });
      },
      beginDialog: async (dialogId, options) => {
        const dc = await this.dialogs.createContext(ctx);
        await dc.beginDialog(dialogId, options);
      },
    };
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const turn = await this.buildTurn(ctx);
    if (!turn) return;
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    // Action.Submit (older clients) carries the verb in value; route it like Action.Execute.
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      const result = await this.runVerb(turn, value.verb, value);
      await this.deliverSubmitResult(ctx, turn, result);
      await this.conversationState.saveChanges(ctx);
      return;
    }
    const text = turn.text;
    const stopWords = /^(cancel|stop|quit|exit)$/i.test(text);
    const match = text && !stopWords ? matchCommand(this.commands, text, turn.conversation) : undefined;
    if (match) {
      // A command wins over an active dialog, which stays where it was; no dialog state is read.
      await this.runCommand(turn, match.command, match.args);
    } else {
      const dc = await this.dialogs.createContext(ctx);
      if (dc.activeDialog && stopWords) {
        await dc.cancelAllDialogs();
        await ctx.sendActivity('Stopped. Nothing more was saved. Type **help** to see what I can do.');
      } else if (dc.activeDialog) {
        await dc.continueDialog();
      } else if (text) {
        let answered = false;
        for (const fallback of this.fallbacks) {
          if ((answered = await fallback(turn))) break;
        }
        if (!answered) await turn.reply(await this.helpFor(turn));
      }
    }
    await this.conversationState.saveChanges(ctx);
  }

  private async runCommand(turn: Turn, command: CommandDef, args: Record<string, string>) {
    if (!hasAnyRole(turn.member.roles, command.roles)) {
      this.services.log.info({ event: 'refused', command: command.name, memberId: turn.member.id }, 'command refused: role');
      await turn.reply(refusal(command.roles!));
      return;
    }
    this.services.log.debug({ event: 'command', command: command.name }, 'command');
    await command.run(turn, args);
  }

  /** Routes one card action by verb: role gate, zod validation, then the feature's handler. */
  async runVerb(turn: Turn, verb: unknown, rawData: unknown): Promise<VerbResult> {
    const def = this.verbs.get(verb);
    if (!def) {
      this.services.log.info({ event: 'unknown-verb' }, 'card action with unknown verb');
      return { message: 'Sorry, I do not recognise that button. The card may be out of date: type **help** to start again.' };
    }
    if (!hasAnyRole(turn.member.roles, def.roles)) {
      this.services.log.info({ event: 'refused', verb: def.verb, memberId: turn.member.id }, 'card action refused: role');
      return { message: refusal(def.roles!) };
    }
    const data = cleanCardData(rawData);
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) {
      const message = describeInvalid(parsed.error);
      this.services.log.info({ event: 'invalid', verb: def.verb }, 'card action invalid');
      return def.invalid ? def.invalid(turn, data, message) : { message };
    }
    try {
      return await def.run(turn, parsed.data);
    } catch (e) {
      if (e instanceof StaleError) {
        return def.invalid
          ? def.invalid(turn, data, 'Someone else changed this while you were editing. Your entries are kept below: check them and submit again.')
          : { message: 'Someone else changed this while you were working on it. Nothing was saved: please refresh and try again.' };
      }
      throw e;
    }
  }

  private async deliverSubmitResult(ctx: TurnContext, turn: Turn, result: VerbResult) {
    if (result.card && ctx.activity.replyToId) {
      try {
        await turn.update(ctx.activity.replyToId, { card: result.card });
      } catch {
        await turn.reply({ card: result.card });
      }
    } else if (result.card) {
      await turn.reply({ card: result.card });
    }
    if (result.message) await turn.reply(result.message);
  }

  /**
   * botbuilder answers invokes it has no handler for with 501. A request we do not handle is the
   * caller's problem, not a server fault, so it gets 400 and the 5xx range stays meaningful for alerts.
   */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(ctx);
    if (response?.status === 501) {
      this.services.log.info({ event: 'unhandled-invoke', invoke: String(ctx.activity.name ?? '').slice(0, 60) }, 'invoke not handled');
      return { status: 400, body: { error: 'This bot does not handle that kind of request.' } };
    }
    return response;
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const ref = randomUUID().slice(0, 8);
    try {
      const turn = await this.buildTurn(ctx);
      if (!turn) return { statusCode: 400, type: MESSAGE_RESPONSE, value: 'Missing caller.' as never };
      const action = invokeValue?.action;
      if (!action || action.type !== 'Action.Execute') {
        return { statusCode: 400, type: MESSAGE_RESPONSE, value: 'Unsupported card action.' as never };
      }
      const result = await this.runVerb(turn, action.verb, action.data);
      await this.conversationState.saveChanges(ctx);
      if (result.card) {
        if (result.message) await ctx.sendActivity(result.message);
        return { statusCode: 200, type: CARD_RESPONSE, value: result.card as never };
      }
      return { statusCode: 200, type: MESSAGE_RESPONSE, value: result.message as never };
    } catch (e) {
      const unavailable = e instanceof StorageUnavailableError;
      this.services.log.error({ event: 'invoke-error', ref, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'card action failed');
      return { statusCode: 200, type: MESSAGE_RESPONSE, value: (unavailable ? STORAGE_APOLOGY(ref) : APOLOGY(ref)) as never };
    }
  }

  private async rememberConversation(ctx: TurnContext, installed: boolean) {
    const a = ctx.activity;
    const info = this.conversationInfo(ctx);
    const channelData = a.channelData as { team?: { id?: string; name?: string }; channel?: { name?: string } } | undefined;
    await this.services.members.saveConversation({
      kind: info.kind,
      ref: info.ref,
      installed,
      teamId: channelData?.team?.id,
      teamName: channelData?.team?.name,
      name: channelData?.channel?.name ?? a.conversation.name,
    });
    const id = memberIdOf(a.from);
    if (id && a.from?.id && a.from.id !== a.recipient?.id) {
      await this.services.members.ensure({ id, userId: a.from.id, name: a.from.name ?? '', tenantId: tenantOf(a), ref: info.ref, personal: info.kind === 'personal' });
    }
  }

  private async welcome(ctx: TurnContext) {
    const a = ctx.activity;
    const info = this.conversationInfo(ctx);
    for (const added of a.membersAdded ?? []) {
      if (added.id === a.recipient?.id) {
        if (info.kind === 'personal') {
          const turn = await this.buildTurn(ctx);
          if (turn) await turn.reply(await this.helpFor(turn));
        } else {
          await ctx.sendActivity(
            `Hello, I am the ${this.services.content.partnership.shortName} partnership bot. Mention me with **help** to see what I can do here.`,
          );
        }
        continue;
      }
      const id = memberIdOf(added);
      if (id && added.id) {
        await this.services.members.ensure({ id, userId: added.id, name: added.name ?? '', tenantId: tenantOf(a), ref: info.ref, personal: info.kind === 'personal' });
      }
    }
  }
}

export { ActivityTypes, ADAPTIVE_CARD };
