import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { OutMessage } from '../core/contract';
import type { ConversationRef, Member } from '../../storage/members/schema';
import type { MembersRepository } from '../../storage/members/repository';
import type { Stored } from '../../storage/repository';
import { toActivity } from './activities';

/** The outcome of one proactive send, classified so callers can retry, back off or give up. */
export type SendResult =
  | { ok: true; activityId?: string }
  | {
      ok: false;
      status: number;
      /** unreachable: the user removed the bot or the conversation is gone (403/404); never retried. */
      kind: 'unreachable' | 'throttled' | 'retryable' | 'failed';
      retryAfterMs?: number;
      code?: string;
    };

export interface Messenger {
  send(ref: ConversationRef, msg: OutMessage): Promise<SendResult>;
  update(ref: ConversationRef, activityId: string, msg: OutMessage): Promise<SendResult>;
  /** Sends in the member's 1:1 chat, opening one from a conversation they were seen in if needed. */
  sendToMember(member: Stored<Member>, msg: OutMessage): Promise<SendResult>;
}

/**
 * A conversation reference fit for storing: without the triggering activity's id, because a
 * reference with one makes every later proactive message a reply in that thread.
 */
export function storableReference(activity: Partial<Activity>): ConversationRef {
  const { activityId, ...ref } = TurnContext.getConversationReference(activity) as ConversationRef;
  void activityId;
  return ref;
}

function header(err: unknown, name: string): string | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } & Record<string, unknown> } })?.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Reads Retry-After as seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Classifies a Bot Connector failure as Teams documents them. */
export function classifySendError(err: unknown): Extract<SendResult, { ok: false }> {
  const status = Number((err as { statusCode?: number })?.statusCode ?? 0);
  const body = (err as { response?: { bodyAsText?: string } })?.response?.bodyAsText ?? '';
  const code = /"code"\s*:\s*"([^"]+)"/.exec(body)?.[1] ?? (err as { code?: string })?.code;
  if (status === 403 || status === 404) return { ok: false, status, kind: 'unreachable', code };
  if (status === 429) return { ok: false, status, kind: 'throttled', retryAfterMs: retryAfterMs(header(err, 'retry-after')), code };
  if (status === 0 || status === 408 || status === 412 || status >= 500) {
    return { ok: false, status, kind: 'retryable', retryAfterMs: retryAfterMs(header(err, 'retry-after')), code };
  }
  return { ok: false, status, kind: 'failed', code };
}

export class BotMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly members: MembersRepository,
  ) {}

  /**
   * Runs proactive logic and reports its error. The adapter routes errors thrown inside a proactive
   * turn to onTurnError (which would swallow them), so they are caught inside and rethrown here.
   */
  private async proactive(ref: ConversationRef, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, ref as Partial<ConversationReference>, async (ctx) => {
      try {
        await logic(ctx);
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure;
  }

  async send(ref: ConversationRef, msg: OutMessage): Promise<SendResult> {
    try {
      let id: string | undefined;
      await this.proactive(ref, async (ctx) => {
        id = (await ctx.sendActivity(toActivity(msg)))?.id;
      });
      return { ok: true, activityId: id };
    } catch (e) {
      return classifySendError(e);
    }
  }

  async update(ref: ConversationRef, activityId: string, msg: OutMessage): Promise<SendResult> {
    try {
      await this.proactive(ref, async (ctx) => {
        await ctx.updateActivity({ ...toActivity(msg), id: activityId, conversation: ctx.activity.conversation });
      });
      return { ok: true, activityId };
    } catch (e) {
      return classifySendError(e);
    }
  }

  async sendToMember(member: Stored<Member>, msg: OutMessage): Promise<SendResult> {
    let ref = member.personal;
    if (!ref && member.seenIn) {
      const opened = await this.openPersonal(member, member.seenIn);
      if (!opened.ok) return opened.result;
      ref = opened.ref;
    }
    if (!ref) return { ok: false, status: 404, kind: 'unreachable', code: 'NoConversation' };
    const result = await this.send(ref, msg);
    if (!result.ok && result.kind === 'unreachable') await this.members.markUnreachable(member.id).catch(() => undefined);
    return result;
  }

  private async openPersonal(
    member: Stored<Member>,
    seen: ConversationRef,
  ): Promise<{ ok: true; ref: ConversationRef } | { ok: false; result: SendResult }> {
    const tenantId = member.tenantId ?? seen.conversation.tenantId;
    const params = {
      isGroup: false,
      bot: seen.bot,
      members: [{ id: member.userId, name: member.name }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    } as ConversationParameters;
    try {
      let ref: ConversationRef | undefined;
      await this.adapter.createConversationAsync(this.appId, seen.channelId, seen.serviceUrl, '', params, async (ctx) => {
        ref = storableReference(ctx.activity);
      });
      if (!ref) return { ok: false, result: { ok: false, status: 0, kind: 'retryable' } };
      const personal = { ...ref, user: { id: member.userId, name: member.name, aadObjectId: member.id } } as ConversationRef;
      await this.members.members.mutate(member.id, member.pk, (m) => ({ ...m, personal }));
      return { ok: true, ref: personal };
    } catch (e) {
      return { ok: false, result: classifySendError(e) };
    }
  }
}
