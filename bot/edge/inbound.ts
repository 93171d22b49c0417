import { z } from 'zod';
import type { Activity } from 'botbuilder';
import type { Config } from '../core/config';
import { isLoopback } from '../core/config';
import { MEMBER_ID_PATTERN } from '../core/record-id';

/**
 * The door: what an activity must look like before the bot will act on it, checked before any turn
 * runs (and the tenant and channel after authentication). Everything the bot later reads from an
 * activity is bounded here, so a hostile field can neither stall a pattern nor reach storage.
 */

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const bounded = (max: number) => z.string().max(max);

const Account = z.object({
  id: z.string().min(1).max(256),
  name: bounded(1000).optional(),
  aadObjectId: z.string().regex(MEMBER_ID_PATTERN).optional(),
});

/** The Bot Framework activity types Teams sends; anything else is nothing the bot can act on. */
const ACTIVITY_TYPES = ['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'messageUpdate', 'messageDelete', 'event', 'typing', 'endOfConversation'] as const;

const InboundSchema = z.object({
  type: z.enum(ACTIVITY_TYPES),
  id: bounded(256).optional(),
  channelId: z.string().min(1).max(50),
  serviceUrl: z.string().min(1).max(2048),
  from: Account,
  recipient: z.object({ id: z.string().min(1).max(256) }).passthrough(),
  conversation: z
    .object({
      id: z.string().min(1).max(1024),
      tenantId: z.string().regex(TENANT_ID).optional(),
      conversationType: bounded(50).optional(),
    })
    .passthrough(),
  text: bounded(100_000).optional(),
  replyToId: bounded(256).optional(),
  name: bounded(100).optional(),
});

/** Activities that carry a person's words or a button press: the person must be a Teams member. */
const PERSON_ACTIVITIES: ReadonlySet<string> = new Set(['message', 'invoke']);

export type InboundResult = { ok: true; activity: Activity } | { ok: false; reason: string };

/** Checks the shape; returns a short reason code (logged, never shown) when the activity is unusable. */
export function readInbound(body: unknown): InboundResult {
  const parsed = InboundSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `shape:${issue.path.join('.') || 'body'}` };
  }
  const a = parsed.data;
  let url: URL;
  try {
    url = new URL(a.serviceUrl);
  } catch {
    return { ok: false, reason: 'serviceUrl:not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'serviceUrl:protocol' };
  if (PERSON_ACTIVITIES.has(a.type) && !a.from.aadObjectId) return { ok: false, reason: 'from:no-aad-object-id' };
  if (a.type === 'invoke') {
    const value = (body as { value?: unknown }).value;
    if (a.name === 'adaptiveCard/action') {
      const action = (value as { action?: { type?: unknown; verb?: unknown } } | undefined)?.action;
      if (!action || typeof action !== 'object' || typeof action.type !== 'string' || typeof action.verb !== 'string' || action.verb.length > 100) {
        return { ok: false, reason: 'invoke:no-action' };
      }
    }
  }
  return { ok: true, activity: body as Activity };
}

/**
 * Who may talk to the bot, checked after authentication: Microsoft Teams only, a tenant the
 * partnership allows, and a service URL the bot may call (https or loopback with authentication;
 * loopback only in anonymous local development, so an unauthenticated caller can never point the
 * bot at another machine).
 */
export function admissionRefusal(activity: Activity, config: Config): string | undefined {
  if (activity.channelId !== 'msteams') return 'channel';
  const tenant = activity.conversation?.tenantId;
  if (!tenant) return 'no-tenant';
  if (config.allowedTenants.length > 0 && !config.allowedTenants.includes(tenant)) return 'tenant';
  const url = new URL(activity.serviceUrl);
  const loopback = isLoopback(url.hostname.replace(/^\[|\]$/g, ''));
  // With authentication on, the token's serviceurl claim already binds the URL; https (or a local
  // test connector) is defence in depth. Without it, only loopback: nothing outside this machine.
  if (config.anonymous ? !loopback : !loopback && url.protocol !== 'https:') return 'service-url';
  return undefined;
}
