import type { Logger } from '../logger';
import type { ConversationRef, Member } from '../../../storage/members/schema';
import type { MembersRepository } from '../../../storage/members/repository';
import type { Stored } from '../../../storage/repository';
import type { ChatUser, Connector, OpenResult, OutMessage, RosterResult } from './connector';
import type { OutboundLimiter } from './limiter';
import type { SendFailure, SendResult } from './send-result';
import { retryDelayMs } from './backoff';
import { sleep } from '../../shared/sleep';
import { MAX_SEND_RETRIES } from './consts';

export interface RequestOptions {
  /**
   * Called after each token is granted and before each request leaves; may throw to abandon the
   * request (a broadcast worker that has been stopped), and lets callers count requests on the wire.
   */
  beforeRequest?: () => void;
}

export interface MessengerDeps {
  connector: Connector;
  limiter: OutboundLimiter;
  members: MembersRepository;
  log: Logger;
  now: () => Date;
}

/**
 * The one outbound path: every proactive message, update and 1:1 open goes through here, takes a
 * token from the limiter for every attempt, and is retried the way Teams asks (429 pauses everyone,
 * 412/5xx/timeouts back off this request only, 403/404 are final).
 */
export class Messenger {
  constructor(private readonly deps: MessengerDeps) {}

  get limiter(): OutboundLimiter {
    return this.deps.limiter;
  }

  private async withRetries<R extends { ok: boolean }>(conversationId: string, tenantId: string | undefined, request: () => Promise<R | SendFailure>, o: RequestOptions = {}): Promise<R | SendFailure> {
    for (let attempt = 0; ; attempt++) {
      await this.deps.limiter.take(conversationId, { tenantId });
      o.beforeRequest?.();
      const result = await request();
      if (result.ok) return result;
      const failure = result as SendFailure;
      if (failure.kind === 'unreachable' || failure.kind === 'failed' || attempt >= MAX_SEND_RETRIES) return failure;
      const wait = retryDelayMs(attempt, failure.retryAfterMs);
      if (failure.kind === 'throttled') this.deps.limiter.pause(wait, tenantId);
      else await sleep(wait);
    }
  }

  send(ref: ConversationRef, msg: OutMessage, o?: RequestOptions): Promise<SendResult> {
    return this.withRetries(ref.conversation.id, ref.conversation.tenantId, () => this.deps.connector.send(ref, msg), o);
  }

  update(ref: ConversationRef, activityId: string, msg: OutMessage, o?: RequestOptions): Promise<SendResult> {
    return this.withRetries(ref.conversation.id, ref.conversation.tenantId, () => this.deps.connector.update(ref, activityId, msg), o);
  }

  /** Opens a 1:1 chat with someone seen in a team or chat (the request Teams counts like any other). */
  openPersonal(seen: ConversationRef, user: ChatUser, tenantId?: string, o?: RequestOptions): Promise<OpenResult> {
    const tenant = tenantId ?? seen.conversation.tenantId;
    return this.withRetries(`open:${user.userId}`, tenant, () => this.deps.connector.openPersonal(seen, user, tenant), o);
  }

  /** One page of a team's roster (every page is a request Teams counts). */
  rosterPage(team: ConversationRef, teamId: string, continuationToken?: string, o?: RequestOptions): Promise<RosterResult> {
    return this.withRetries(`roster:${teamId}`, team.conversation.tenantId, () => this.deps.connector.rosterPage(team, teamId, continuationToken), o);
  }

  /** Sends in the member's 1:1 chat, opening one (and remembering it) when they have none yet. */
  async sendToMember(member: Stored<Member>, msg: OutMessage, o?: RequestOptions): Promise<SendResult> {
    let ref = member.personal;
    if (!ref && member.seenIn) {
      const opened = await this.openPersonal(member.seenIn, { userId: member.userId, name: member.name, aadObjectId: member.id }, member.tenantId, o);
      if (!opened.ok) return this.settle(member, opened);
      ref = opened.ref;
      await this.rememberPersonal(member.id, ref);
    }
    if (!ref) return { ok: false, status: 404, kind: 'unreachable', code: 'NoConversation' };
    return this.settle(member, await this.send(ref, msg, o));
  }

  /** Records a member's new 1:1 chat so the next message needs no open. Never overwrites a known one. */
  async rememberPersonal(memberId: string, ref: ConversationRef): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.members.members
      .mutate(memberId, this.deps.members.partnershipId, (m) => (m.personal ? undefined : { ...m, personal: ref, updatedAt: at }))
      .catch((e) => this.deps.log.warn({ event: 'remember-personal-failed', err: { message: (e as Error)?.message } }, 'could not store a new 1:1 chat'));
  }

  private async settle<R extends SendResult>(member: Stored<Member>, result: R): Promise<R> {
    if (!result.ok && result.kind === 'unreachable') await this.deps.members.markUnreachable(member.id).catch(() => undefined);
    return result;
  }
}
