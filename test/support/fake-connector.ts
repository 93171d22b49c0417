import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity id in the URL (reply-to for POST, the updated activity for PUT). */
  activityId?: string;
  /** The id this connector assigned (POST) or echoed (PUT). */
  assignedId?: string;
  status: number;
  body: any;
  /** When the answer was sent (after any latency). */
  at: number;
  /** When the request arrived, before any latency: what Teams' rate windows count. */
  arrived: number;
}

export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Milliseconds to wait before answering (timeouts). */
  delayMs?: number;
}

/** Decides a response for a request, or undefined to answer normally. Used for 429/5xx/403 injection. */
export type Behaviour = (req: { method: string; path: string; conversationId?: string; body: any }) => FaultResponse | undefined;

/** A person in a team roster, as the paged members API returns them. */
export interface FakeRosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

export interface TeamsLikeOptions {
  /** Enforce Teams' limits in sliding windows: 50/s for the whole app and tenant, and per conversation 7/1 s, 8/2 s, 60/30 s, 1,800/h; over them, 429 with Retry-After. */
  limits?: boolean;
  /** Answer each request after a random delay in [min, max] ms. */
  latencyMs?: [number, number];
  /** Fraction of requests answered 503 (transient), before any other check. */
  transient503?: number;
  /** Random source (tests and the benchmark pass a seeded one). */
  random?: () => number;
}

export const TEAMS_TENANT_WINDOWS: [number, number][] = [[1000, 50]];
export const TEAMS_CONVERSATION_WINDOWS: [number, number][] = [[1000, 7], [2000, 8], [30_000, 60], [3_600_000, 1800]];

/**
 * A small Bot Connector on 127.0.0.1 that records what the bot sends. It answers the v3 routes the
 * bot uses: create conversation, send, reply, update and delete activity, and paged team members.
 * With `teamsLike` options it behaves like Teams under load: it counts every request in sliding
 * windows (the tenant limit and the per-conversation limits) and answers 429 with Retry-After when one
 * is exceeded, adds latency, and fails a fraction of requests with a transient 503.
 */
export class FakeConnector {
  readonly received: Recorded[] = [];
  behaviour?: Behaviour;
  /** Team rosters for the paged members API, by team id. */
  readonly rosters = new Map<string, FakeRosterMember[]>();
  /** Requests answered 429 because a limit was exceeded. */
  throttled = 0;
  /** Requests answered 503 by the transient-failure injection. */
  transientFailures = 0;
  private server?: http.Server;
  private seq = 0;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  private readonly tenantHits: number[] = [];
  private readonly conversationHits = new Map<string, number[]>();
  /** 1:1 chats already created, by member id: Teams answers a second create with the same chat. */
  private readonly personalChats = new Map<string, string>();
  url = '';

  constructor(private readonly teamsLike: TeamsLikeOptions = {}) {}

  /** A request arriving now: over a limit? Counted either way, as Teams counts attempts. */
  private overLimit(conversationId: string | undefined, now: number): number | undefined {
    const over = (hits: number[], windows: [number, number][]) => {
      let retry: number | undefined;
      for (const [windowMs, max] of windows) {
        const inWindow = hits.filter((t) => now - t < windowMs);
        if (inWindow.length >= max) retry = Math.max(retry ?? 0, inWindow[inWindow.length - max] + windowMs - now);
      }
      return retry;
    };
    while (this.tenantHits.length && now - this.tenantHits[0] >= 1000) this.tenantHits.shift();
    const key = conversationId ?? '(none)';
    const convHits = (this.conversationHits.get(key) ?? []).filter((t) => now - t < 3_600_000);
    const retry = Math.max(over(this.tenantHits, TEAMS_TENANT_WINDOWS) ?? -1, conversationId ? (over(convHits, TEAMS_CONVERSATION_WINDOWS) ?? -1) : -1);
    this.tenantHits.push(now);
    convHits.push(now);
    this.conversationHits.set(key, convHits);
    return retry >= 0 ? retry : undefined;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  clear() {
    this.received.length = 0;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let body: any;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const [path, query = ''] = (req.url ?? '').split('?');
      const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(path);
      const m = /^\/v3\/conversations(?:\/([^/]+)(?:\/activities(?:\/([^/]+))?)?)?$/.exec(path) ?? (paged ? [path, paged[1]] as unknown as RegExpExecArray : null);
      const conversationId = m?.[1] ? decodeURIComponent(m[1]) : undefined;
      const activityId = m?.[2] ? decodeURIComponent(m[2]) : undefined;
      const method = req.method ?? 'GET';
      const random = this.teamsLike.random ?? Math.random;
      const arrived = Date.now();
      let fault = this.behaviour?.({ method, path, conversationId, body });
      if (!fault && this.teamsLike.transient503 && random() < this.teamsLike.transient503) {
        this.transientFailures++;
        fault = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'transient' } } };
      }
      if (!fault && this.teamsLike.limits) {
        const retryMs = this.overLimit(method === 'POST' && !conversationId ? undefined : conversationId, arrived);
        if (retryMs !== undefined) {
          this.throttled++;
          fault = { status: 429, headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryMs / 1000))) }, body: { error: { code: 'TooManyRequests', message: 'throttled' } } };
        }
      }
      if (this.teamsLike.latencyMs) {
        const [min, max] = this.teamsLike.latencyMs;
        await new Promise((r) => setTimeout(r, min + random() * (max - min)));
      }
      if (fault) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        this.record({ method, path, conversationId, activityId, status: fault.status, body, at: Date.now(), arrived });
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
        res.end(JSON.stringify(fault.body ?? { error: { code: 'Fault', message: 'injected' } }));
        return;
      }
      let status = 200;
      let answer: unknown = {};
      let assignedId: string | undefined;
      if (method === 'POST' && m && !m[1]) {
        const memberId: string | undefined = body?.isGroup ? undefined : body?.members?.[0]?.id;
        assignedId = (memberId && this.personalChats.get(memberId)) || `conv-${++this.seq}`;
        if (memberId) this.personalChats.set(memberId, assignedId);
        answer = { id: assignedId, activityId: `act-${++this.seq}` };
      } else if (method === 'POST' && conversationId && path.includes('/activities')) {
        assignedId = `act-${++this.seq}`;
        answer = { id: assignedId };
      } else if (method === 'PUT' && conversationId && activityId) {
        assignedId = activityId;
        answer = { id: activityId };
      } else if (method === 'DELETE' && activityId) {
        answer = {};
      } else if (method === 'GET' && paged && conversationId) {
        const params = new URLSearchParams(query);
        const size = Math.min(500, Number(params.get('pageSize') ?? 500));
        const from = Number(params.get('continuationToken') ?? 0);
        const roster = this.rosters.get(conversationId) ?? [];
        const page = roster.slice(from, from + size);
        answer = { members: page, ...(from + size < roster.length ? { continuationToken: String(from + size) } : {}) };
      } else if (method === 'GET' && conversationId) {
        answer = [];
      } else {
        status = 404;
        answer = { error: { code: 'NotFound', message: 'no such route' } };
      }
      this.record({ method, path, conversationId, activityId, assignedId, status, body, at: Date.now(), arrived });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  }

  private record(r: Recorded) {
    this.received.push(r);
    this.waiters = this.waiters.filter((w) => {
      if (w.check()) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  /** Successful activities sent or updated (status 200), optionally to one conversation. */
  activities(conversationId?: string): Recorded[] {
    return this.received.filter((r) => r.status === 200 && r.body?.type && (!conversationId || r.conversationId === conversationId));
  }

  /** Adaptive Cards in successful sends/updates, newest last. */
  cards(conversationId?: string): any[] {
    return this.activities(conversationId).flatMap((r) =>
      (r.body.attachments ?? []).filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: any) => a.content),
    );
  }

  texts(conversationId?: string): string[] {
    return this.activities(conversationId)
      .map((r) => r.body.text)
      .filter((t): t is string => typeof t === 'string');
  }

  /** Resolves when the predicate over everything received holds, or rejects after the timeout. */
  waitFor(predicate: (received: Recorded[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`fake connector: condition not met within ${timeoutMs} ms (${this.received.length} requests received)`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ check: () => predicate(this.received), resolve: done });
    });
  }
}
