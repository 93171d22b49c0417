import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  TeamsActivityHandler,
  type TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
} from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { randomUUID } from 'node:crypto';
import type { OutMessage, Services, Turn, VerbResult } from '../core/contract';
import type { Router } from '../core/router';
import { APOLOGY, STORAGE_APOLOGY } from '../core/apologies';
import { StorageUnavailableError } from '../../storage/errors';
import { buildTurn, memberIdOf, teamIdOf } from './turn';
import { DialogHost } from './dialog-host';
import { rememberConversation, welcome } from './conversations';
import { CARD_RESPONSE, MESSAGE_RESPONSE, UNHANDLED_INVOKE, isCardAction, sendInvokeMessage, sendUnhandledInvoke } from './invoke';

/**
 * The Teams activity handler: turns activities into the router's calls and the router's answers
 * back into activities. Routing decisions live in core/router.ts; this file only speaks Bot Framework.
 */
export class PartnershipBot extends TeamsActivityHandler {
  private readonly dialogs: DialogHost;

  constructor(
    private readonly services: Services,
    readonly router: Router,
    dialogs: Dialog[],
    private readonly help: (turn: Turn) => Promise<OutMessage>,
  ) {
    super();
    this.dialogs = new DialogHost(services.store.containers.botState, dialogs);
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    this.onInstallationUpdate(async (ctx, next) => {
      const installed = ctx.activity.action !== 'remove';
      await rememberConversation(ctx, this.services, installed);
      const teamId = teamIdOf(ctx.activity);
      if (installed && teamId) this.router.teamInstalled(teamId);
      await next();
    });
    this.onMembersRemoved(async (ctx, next) => {
      const teamId = teamIdOf(ctx.activity);
      const ids = (ctx.activity.membersRemoved ?? []).map((m) => memberIdOf(m)).filter((id): id is string => Boolean(id));
      if (teamId && ids.length) await this.router.membersLeft(teamId, ids);
      await next();
    });
    this.onConversationUpdate(async (ctx, next) => {
      await rememberConversation(ctx, this.services, true);
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      await welcome(ctx, this.services, () => this.turn(ctx), this.help);
      // Older clients announce an install only this way; a second start finds the roster lease taken.
      const teamId = teamIdOf(ctx.activity);
      if (teamId && (ctx.activity.membersAdded ?? []).some((m) => m.id === ctx.activity.recipient?.id)) this.router.teamInstalled(teamId);
      await next();
    });
  }

  /**
   * While storage is down, answer at once with an apology rather than letting every turn wait out the
   * Cosmos SDK's retries (Teams gives an invoke only a few seconds); one quick ping per turn notices
   * recovery. Every invoke gets an invoke response, or the adapter would answer 501.
   */
  override async run(ctx: TurnContext): Promise<void> {
    if (this.services.store.health.down && !(await this.services.store.ping(1000))) {
      const ref = randomUUID().slice(0, 8);
      this.services.log.warn({ event: 'storage-down-refusal', ref, activityType: ctx.activity.type }, 'turn refused: storage unavailable');
      if (isCardAction(ctx)) await sendInvokeMessage(ctx, STORAGE_APOLOGY(ref));
      else if (ctx.activity.type === ActivityTypes.Message) await ctx.sendActivity(STORAGE_APOLOGY(ref));
      return;
    }
    this.countRepliesAgainstTheLimit(ctx);
    const isInvoke = ctx.activity.type === ActivityTypes.Invoke;
    try {
      await super.run(ctx);
    } catch (e) {
      if (!isInvoke) throw e;
      const ref = randomUUID().slice(0, 8);
      const err = e as Error;
      this.services.log.error({ event: 'invoke-error', ref, err: { type: err?.name, message: err?.message } }, 'invoke failed');
      await sendInvokeMessage(ctx, err instanceof StorageUnavailableError ? STORAGE_APOLOGY(ref) : APOLOGY(ref));
      return;
    }
    if (isInvoke && !ctx.turnState.get(INVOKE_RESPONSE_KEY)) await sendUnhandledInvoke(ctx);
  }

  /**
   * Replies in a turn are Bot Connector requests too, and Teams counts them against the same tenant
   * limit as broadcasts: each takes a slot from the limiter, ahead of queued background work. Invoke
   * responses travel in the HTTP response and cost nothing.
   */
  private countRepliesAgainstTheLimit(ctx: TurnContext) {
    const limiter = this.services.messenger.limiter;
    const conversationId = ctx.activity.conversation?.id;
    const tenantId = ctx.activity.conversation?.tenantId;
    ctx.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) if (a.type !== ActivityTypes.InvokeResponse) await limiter.take(conversationId, { tenantId, interactive: true });
      return next();
    });
    ctx.onUpdateActivity(async (_ctx, _activity, next) => {
      await limiter.take(conversationId, { tenantId, interactive: true });
      return next();
    });
  }

  private turn(ctx: TurnContext) {
    return buildTurn(ctx, this.services, (id, options) => this.dialogs.begin(ctx, id, options));
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const turn = await this.turn(ctx);
    if (!turn) return;
    const value = ctx.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit (older clients) carries the verb in value; route it like Action.Execute.
      await this.deliverSubmitResult(ctx, turn, await this.router.cardAction(turn, value.verb, value));
    } else {
      await this.router.message(turn, this.dialogs.port(ctx));
    }
    await this.dialogs.save(ctx);
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

  /** botbuilder answers invokes it has no handler for with 501; a request we do not handle is the caller's problem. */
  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(ctx);
    if (response?.status === 501) {
      this.services.log.info({ event: 'unhandled-invoke', invoke: String(ctx.activity.name ?? '').slice(0, 60) }, 'invoke not handled');
      return { status: 400, body: { error: UNHANDLED_INVOKE } };
    }
    return response;
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const ref = randomUUID().slice(0, 8);
    try {
      const turn = await this.turn(ctx);
      if (!turn) return { statusCode: 400, type: MESSAGE_RESPONSE, value: 'Missing caller.' as never };
      const action = invokeValue?.action;
      if (!action || action.type !== 'Action.Execute') return { statusCode: 400, type: MESSAGE_RESPONSE, value: 'Unsupported card action.' as never };
      const result = await this.router.cardAction(turn, action.verb, action.data);
      await this.dialogs.save(ctx);
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
}
