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
  at: number;
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

/**
 * A small Bot Connector on 127.0.0.1 that records what the bot sends. It answers the v3 routes the
 * bot uses: create conversation, send, reply, update and delete activity.
 */
export class FakeConnector {
  readonly received: Recorded[] = [];
  behaviour?: Behaviour;
  private server?: http.Server;
  private seq = 0;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  url = '';

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
      const path = (req.url ?? '').split('?')[0];
      const m = /^\/v3\/conversations(?:\/([^/]+)(?:\/activities(?:\/([^/]+))?)?)?$/.exec(path);
      const conversationId = m?.[1] ? decodeURIComponent(m[1]) : undefined;
      const activityId = m?.[2] ? decodeURIComponent(m[2]) : undefined;
      const method = req.method ?? 'GET';
      const fault = this.behaviour?.({ method, path, conversationId, body });
      if (fault) {
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        this.record({ method, path, conversationId, activityId, status: fault.status, body, at: Date.now() });
        res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
        res.end(JSON.stringify(fault.body ?? { error: { code: 'Fault', message: 'injected' } }));
        return;
      }
      let status = 200;
      let answer: unknown = {};
      let assignedId: string | undefined;
      if (method === 'POST' && m && !m[1]) {
        assignedId = `conv-${++this.seq}`;
        answer = { id: assignedId, activityId: `act-${this.seq}` };
      } else if (method === 'POST' && conversationId && path.includes('/activities')) {
        assignedId = `act-${++this.seq}`;
        answer = { id: assignedId };
      } else if (method === 'PUT' && conversationId && activityId) {
        assignedId = activityId;
        answer = { id: activityId };
      } else if (method === 'DELETE' && activityId) {
        answer = {};
      } else if (method === 'GET' && conversationId) {
        answer = [];
      } else {
        status = 404;
        answer = { error: { code: 'NotFound', message: 'no such route' } };
      }
      this.record({ method, path, conversationId, activityId, assignedId, status, body, at: Date.now() });
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
