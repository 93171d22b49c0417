import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../bot/core/config';
import { startApp, type App } from '../../bot/edge/server';
import { createLogger } from '../../bot/core/logger';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';
import { startEmbeddedCosmosThread } from '../../storage/embedded-thread';
import type { Clock } from '../../bot/core/contract';
import type { Role } from '../../content/schema/partnership';
import { FakeConnector } from './fake-connector';

export const TENANT = '11111111-2222-3333-4444-555555555555';

export interface TestUser {
  /** Teams channel account id. */
  id: string;
  aadObjectId: string;
  name: string;
}

/** Synthetic staff accounts. No real people, and never children. */
export const users = {
  bu: { id: '29:bu-officer', aadObjectId: 'aad-bu-officer', name: 'Business Unit Officer' },
  chair: { id: '29:board-chair', aadObjectId: 'aad-board-chair', name: 'Board Chair' },
  dspPolice: { id: '29:dsp-police', aadObjectId: 'aad-dsp-police', name: 'Police DSP' },
  dspCouncil: { id: '29:dsp-council', aadObjectId: 'aad-dsp-council', name: 'Council DSP' },
  dspIcb: { id: '29:dsp-icb', aadObjectId: 'aad-dsp-icb', name: 'ICB DSP' },
  dspEducation: { id: '29:dsp-education', aadObjectId: 'aad-dsp-education', name: 'Education DSP' },
  practitioner: { id: '29:practitioner', aadObjectId: 'aad-practitioner', name: 'Health Visitor' },
  other: { id: '29:other', aadObjectId: 'aad-other', name: 'Another Practitioner' },
} satisfies Record<string, TestUser>;

export function personalConversationId(user: TestUser) {
  return `a:personal-${user.aadObjectId}`;
}

export interface ActivityOptions {
  conversationId?: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  teamId?: string;
  replyToId?: string;
  id?: string;
}

/** A logger whose JSON lines are kept in memory, for asserting what is (and is not) logged. */
export function memoryLogger(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
  return { log, lines };
}

export class SettableClock implements Clock {
  constructor(private t: Date = new Date()) {}
  now() {
    return new Date(this.t);
  }
  set(t: Date | string) {
    this.t = new Date(t);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestBot {
  app: App;
  connector: FakeConnector;
  embedded: EmbeddedCosmos;
  config: Config;
  /** POSTs an activity to /api/messages and returns the HTTP status and parsed body. */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  activity(user: TestUser, fields: object, opts?: ActivityOptions): object;
  say(user: TestUser, text: string, opts?: ActivityOptions): Promise<{ status: number; body: any }>;
  /** Presses an Action.Execute button: returns the invoke response ({statusCode, type, value}). */
  invoke(user: TestUser, verb: string, data?: object, opts?: ActivityOptions): Promise<any>;
  /** Sends an Action.Submit (message with value), as older clients do. */
  submit(user: TestUser, value: object, opts?: ActivityOptions): Promise<{ status: number; body: any }>;
  grant(user: TestUser, roles: Role[], agency?: string): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse an embedded server (several bot instances on one store). */
  embedded?: EmbeddedCosmos;
  /** Run the embedded server on a worker thread (benchmarks), instead of in this thread. */
  embeddedThread?: boolean;
  connector?: FakeConnector;
  databaseId?: string;
  clock?: Clock;
  instanceId?: string;
  log?: import('../../bot/core/logger').Logger;
  /** The Bot Connector activities name (default: the fake connector's); the benchmark's runs in another process. */
  serviceUrl?: string;
}

/**
 * Starts the real bot (restify + CloudAdapter + features) on an ephemeral loopback port, against the
 * embedded Cosmos server, with a fake connector as every activity's serviceUrl.
 */
export async function startTestBot(opts: StartOptions = {}): Promise<TestBot> {
  const embedded = opts.embedded ?? (opts.embeddedThread ? await startEmbeddedCosmosThread() : await startEmbeddedCosmos());
  const connector = opts.connector ?? (await new FakeConnector().start());
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    COSMOS_DATABASE: opts.databaseId ?? `test-${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SCHEDULER_ENABLED: 'false',
    // Most tests ask no question; those that do train the matcher on the first one.
    WARM_UP_ON_START: 'false',
    ...opts.env,
  };
  // With an app id the bot refuses the in-memory store; tests name a Cosmos endpoint to pass that
  // check and then run on the embedded server anyway (embeddedStorage: true below).
  if (env.MicrosoftAppId && !env.COSMOS_ENDPOINT) Object.assign(env, { COSMOS_ENDPOINT: 'https://cosmos.test.invalid:443/', COSMOS_KEY: 'dGVzdA==' });
  const config = loadConfig(env);
  let app: App;
  try {
    app = await startApp({ config: { ...config, embeddedStorage: true }, embedded, clock: opts.clock, scheduler: false, instanceId: opts.instanceId, log: opts.log ?? createLogger(config.LOG_LEVEL) });
  } catch (e) {
    // Leave nothing listening, or jest waits for it for ever.
    if (!opts.connector) await connector.close();
    if (!opts.embedded) await embedded.close();
    throw e;
  }

  const serviceUrl = opts.serviceUrl ?? connector.url;
  const activity = (user: TestUser, fields: object, o: ActivityOptions = {}) => {
    const conversationType = o.conversationType ?? 'personal';
    const conversationId = o.conversationId ?? (conversationType === 'personal' ? personalConversationId(user) : '19:channel@thread.tacv2');
    return {
      id: o.id ?? randomUUID(),
      channelId: 'msteams',
      serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: '28:partnership-bot', name: 'Partnership bot' },
      conversation: { id: conversationId, conversationType, tenantId: o.tenantId ?? TENANT, isGroup: conversationType !== 'personal' },
      channelData: { tenant: { id: o.tenantId ?? TENANT }, ...(o.teamId ? { team: { id: o.teamId }, channel: { id: conversationId } } : {}) },
      locale: 'en-GB',
      ...(o.replyToId ? { replyToId: o.replyToId } : {}),
      ...fields,
    };
  };

  const post = async (body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  };

  return {
    app,
    connector,
    embedded,
    config,
    post,
    activity,
    say: (user, text, o) => post(activity(user, { type: 'message', text }, o)),
    submit: (user, value, o) => post(activity(user, { type: 'message', value }, o)),
    invoke: async (user, verb, data = {}, o) => {
      const r = await post(activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, o));
      return r.body;
    },
    grant: async (user, roles, agency) => {
      const members = app.services.members;
      await members.ensure({ id: user.aadObjectId, userId: user.id, name: user.name, tenantId: TENANT, personal: true, ref: { serviceUrl, channelId: 'msteams', conversation: { id: personalConversationId(user), tenantId: TENANT, conversationType: 'personal' }, bot: { id: '28:partnership-bot', name: 'Partnership bot' }, user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId } } });
      await members.setRoles(user.aadObjectId, () => roles, agency);
    },
    close: async () => {
      await app.close();
      if (!opts.connector) await connector.close();
      if (!opts.embedded) await embedded.close();
    },
  };
}

/** Finds the first TextBlock/FactSet text in a card that matches, for readable assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string') out.push(o.title);
      if (typeof o.value === 'string' && o.type !== 'Input.Text') out.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Every Action.Execute in a card, for finding a button by verb. */
export function cardActions(card: unknown): { title?: string; verb?: string; data?: any }[] {
  const out: { title?: string; verb?: string; data?: any }[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute' || o.type === 'Action.Submit') out.push({ title: o.title as string, verb: (o.verb as string) ?? (o.data as any)?.verb, data: o.data });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
