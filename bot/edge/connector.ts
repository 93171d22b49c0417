import { ConfigurationBotFrameworkAuthentication, type Activity, type ConversationParameters } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { Config } from '../core/config';
import type { ConversationRef } from '../../storage/members/schema';
import type { ChatUser, Connector, OpenResult, OutMessage, RosterMember, RosterResult } from '../core/outbound/connector';
import { classifyStatus, retryAfterMs, type SendFailure, type SendResult } from '../core/outbound/send-result';
import { SEND_TIMEOUT_MS } from '../core/outbound/consts';
import { botAuthConfig } from './adapter';
import { toActivity } from './activities';

/**
 * The Bot Connector through a client whose built-in retry policy has been removed: one call, one
 * HTTP request. botbuilder's ConnectorClient runs on an @azure/core-client pipeline whose
 * `defaultRetryPolicy` silently retries 429 (obeying Retry-After) and 5xx up to three times inside
 * one call, which would hide throttling from the limiter and multiply requests. The messenger
 * (core/outbound) owns rate and retries instead. One client per service URL.
 */
export class BotConnector implements Connector {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly auth: ConfigurationBotFrameworkAuthentication;

  constructor(private readonly config: Config) {
    this.auth = new ConfigurationBotFrameworkAuthentication(botAuthConfig(config));
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    let c = this.clients.get(serviceUrl);
    if (!c) {
      const appId = this.config.MicrosoftAppId ?? '';
      const identity = new ClaimsIdentity([
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ]);
      c = this.auth
        .createConnectorFactory(identity)
        .create(serviceUrl)
        .then((client) => {
          withoutSdkRetries(client);
          return client;
        });
      c.catch(() => this.clients.delete(serviceUrl));
      this.clients.set(serviceUrl, c);
    }
    return c;
  }

  private activityFor(ref: ConversationRef, msg: OutMessage): Partial<Activity> {
    return {
      ...toActivity(msg),
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      conversation: ref.conversation as Activity['conversation'],
      from: ref.bot as Activity['from'],
      recipient: ref.user as Activity['recipient'],
    };
  }

  async send(ref: ConversationRef, msg: OutMessage): Promise<SendResult> {
    try {
      const client = await this.client(ref.serviceUrl);
      const r = await client.conversations.sendToConversation(ref.conversation.id, this.activityFor(ref, msg), { timeout: SEND_TIMEOUT_MS });
      return { ok: true, activityId: r.id };
    } catch (e) {
      return classifySendError(e);
    }
  }

  async update(ref: ConversationRef, activityId: string, msg: OutMessage): Promise<SendResult> {
    try {
      const client = await this.client(ref.serviceUrl);
      await client.conversations.updateActivity(ref.conversation.id, activityId, { ...this.activityFor(ref, msg), id: activityId }, { timeout: SEND_TIMEOUT_MS });
      return { ok: true, activityId };
    } catch (e) {
      return classifySendError(e);
    }
  }

  async rosterPage(team: ConversationRef, teamId: string, continuationToken?: string): Promise<RosterResult> {
    try {
      const client = await this.client(team.serviceUrl);
      const page = await client.conversations.getConversationPagedMembers(teamId, { pageSize: ROSTER_PAGE_SIZE, continuationToken, timeout: SEND_TIMEOUT_MS } as never);
      const members: RosterMember[] = [];
      for (const m of (page.members ?? []) as (typeof page.members[number] & { email?: string; userPrincipalName?: string; tenantId?: string })[]) {
        if (!m.id || !m.aadObjectId) continue;
        members.push({ userId: m.id, aadObjectId: m.aadObjectId, name: m.name ?? '', email: m.email, userPrincipalName: m.userPrincipalName, tenantId: m.tenantId });
      }
      return { ok: true, members, continuationToken: page.continuationToken || undefined };
    } catch (e) {
      return classifySendError(e);
    }
  }

  async openPersonal(seen: ConversationRef, user: ChatUser, tenantId?: string): Promise<OpenResult> {
    try {
      const client = await this.client(seen.serviceUrl);
      const params = {
        isGroup: false,
        bot: seen.bot,
        members: [{ id: user.userId, name: user.name }],
        tenantId,
        channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
      } as ConversationParameters;
      const r = await client.conversations.createConversation(params, { timeout: SEND_TIMEOUT_MS });
      if (!r?.id) return { ok: false, status: 0, kind: 'retryable', code: 'NoConversationId' };
      const ref: ConversationRef = {
        serviceUrl: seen.serviceUrl,
        channelId: seen.channelId,
        bot: seen.bot,
        conversation: { id: r.id, tenantId, conversationType: 'personal' },
        user: { id: user.userId, ...(user.name ? { name: user.name } : {}), ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}) },
      };
      return { ok: true, ref };
    } catch (e) {
      return classifySendError(e);
    }
  }
}

/** Teams' largest roster page. */
export const ROSTER_PAGE_SIZE = 500;

function header(err: unknown, name: string): string | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } & Record<string, unknown> } })?.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const v = headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** Classifies a Bot Connector failure (an @azure/core-rest-pipeline RestError) as Teams documents them. */
export function classifySendError(err: unknown): SendFailure {
  const status = Number((err as { statusCode?: number })?.statusCode ?? 0);
  const body = (err as { response?: { bodyAsText?: string } })?.response?.bodyAsText ?? '';
  const code = /"code"\s*:\s*"([^"]+)"/.exec(body)?.[1] ?? (err as { code?: string })?.code;
  return classifyStatus(status, retryAfterMs(header(err, 'retry-after')), code);
}

/**
 * Removes @azure/core-rest-pipeline's `defaultRetryPolicy` from the client's pipeline. The pipeline
 * is a private field of botbuilder's compat client, hence the cast; if a botbuilder upgrade moves it,
 * this throws at the first send rather than silently letting the SDK retry behind our limiter.
 */
export function withoutSdkRetries(client: ConnectorClient): void {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown[]; getOrderedPolicies(): { name: string }[] } } }).client?.pipeline;
  if (!pipeline) throw new Error('botbuilder ConnectorClient layout changed: cannot remove its retry policy');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.removePolicy({ name: 'throttlingRetryPolicy' });
  pipeline.removePolicy({ name: 'exponentialRetryPolicy' });
  pipeline.removePolicy({ name: 'systemErrorRetryPolicy' });
}

export function sdkRetryPolicies(client: ConnectorClient): string[] {
  const pipeline = (client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }).client.pipeline;
  return pipeline.getOrderedPolicies().map((p) => p.name).filter((n) => /retry/i.test(n));
}
