// Lives beside the adapter, not in bot/briefings/: it is SDK edge code (the raw connector client), so a move to the Agents SDK touches only the top of bot/.
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConversationParameters } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { Config } from '../core/config';
import { botAuthConfig } from './adapter';
import type { OutMessage } from '../core/contract';
import type { ConversationRef } from '../../storage/members/schema';
import { classifySendError, type SendResult } from './proactive';
import { toActivity } from './activities';
import { SEND_TIMEOUT_MS } from '../briefings/consts';

/** What the broadcast engine needs from the Bot Connector. Tests and the benchmark may wrap it. */
export interface BroadcastSender {
  send(ref: ConversationRef, msg: OutMessage): Promise<SendResult>;
  update(ref: ConversationRef, activityId: string, msg: OutMessage): Promise<SendResult>;
  /** Opens a 1:1 chat with a member seen in a team; returns the new conversation id. */
  openPersonal(seen: ConversationRef, userId: string, tenantId?: string): Promise<SendResult & { conversationId?: string }>;
}

/**
 * Posts straight through a Bot Connector client whose built-in retry policy has been removed.
 *
 * Why not `services.messenger`: botbuilder's ConnectorClient runs on an @azure/core-client pipeline
 * whose `defaultRetryPolicy` silently retries 429 (obeying Retry-After) and 5xx up to three times
 * inside one call. Under a broadcast that hides throttling from our token bucket (other workers keep
 * sending while one call sleeps) and multiplies requests per message. Our engine must see every 429
 * at once to pause all workers, so this sender removes that policy and owns rate and backoff itself.
 * It also reuses one client per service URL instead of building one per message.
 */
export class ConnectorSender implements BroadcastSender {
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

  async openPersonal(seen: ConversationRef, userId: string, tenantId?: string) {
    try {
      const client = await this.client(seen.serviceUrl);
      const tenant = tenantId ?? seen.conversation.tenantId;
      const params = {
        isGroup: false,
        bot: seen.bot,
        members: [{ id: userId }],
        tenantId: tenant,
        channelData: tenant ? { tenant: { id: tenant } } : undefined,
      } as ConversationParameters;
      const r = await client.conversations.createConversation(params, { timeout: SEND_TIMEOUT_MS });
      return { ok: true as const, conversationId: r.id };
    } catch (e) {
      return classifySendError(e);
    }
  }
}

/**
 * Removes @azure/core-rest-pipeline's `defaultRetryPolicy` from the client's pipeline. The pipeline
 * is a private field of botbuilder's compat client, hence the cast; if a botbuilder upgrade moves it,
 * this throws at the first send rather than silently letting the SDK retry behind our bucket.
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
