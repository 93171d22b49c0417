import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { loadConfig } from '../../bot/core/config';
import type { App } from '../../bot/edge/server';
import { createLogger } from '../../bot/core/logger';
import { startPlayground, startDevApp } from '../../bot/edge/dev/local-chat';
import { PLAYGROUND_USER } from '../../bot/edge/dev/playground-user';
import { freePort } from '../support/free-port';

export { freePort };

export interface PlaygroundMessage {
  action: string;
  actionConversationId: string;
  message: { messageId: string; text?: string; attachments?: { contentType: string; content: any }[]; [k: string]: unknown };
}

/**
 * The bot (embedded storage, demo data) and the Microsoft 365 Agents Playground on loopback, driven
 * through the Playground's own HTTP and WebSocket API as its web page does.
 */
export class PlaygroundSession {
  app!: App;
  base = '';
  conversationId = '';
  readonly messages: PlaygroundMessage[] = [];
  private child?: ChildProcess;
  private ws?: WebSocket;
  private waiters: (() => void)[] = [];

  /** contentPack: the pack the bot runs on (CONTENT_PACK), so every journey runs under each partnership. */
  constructor(private readonly contentPack = 'cheshire-east') {}

  async start(): Promise<this> {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false', CONTENT_PACK: this.contentPack });
    this.app = (await startDevApp({ config, scheduler: false, log: createLogger('silent') })).app;
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    this.child = startPlayground({ port, botEndpoint: `${this.app.url}/api/messages` });
    this.child.stdout?.resume();
    this.child.stderr?.resume();
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`${this.base}/_internal/v1/config`);
        if (res.ok) {
          const cfg = (await res.json()) as { config: { personalChat: { id: string }; currentUser: { id: string } } };
          this.conversationId = cfg.config.personalChat.id;
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('the Agents Playground did not start within 30 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    this.ws.on('message', (data) => {
      try {
        this.messages.push(JSON.parse(data.toString()) as PlaygroundMessage);
      } catch {
        return;
      }
      const waiting = this.waiters;
      this.waiters = [];
      waiting.forEach((w) => w());
    });
    await new Promise<void>((resolve, reject) => {
      this.ws!.once('open', () => resolve());
      this.ws!.once('error', reject);
    });
    return this;
  }

  async stop(): Promise<void> {
    this.ws?.close();
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    await this.app?.close();
  }

  /** Types a message as the Playground user; resolves with the bot's first new message after it. */
  async say(text: string, timeoutMs = 15_000): Promise<PlaygroundMessage> {
    const before = this.messages.length;
    const res = await fetch(`${this.base}/_conversation/v1/conversations/${this.conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: PLAYGROUND_USER.id }, text, textFormat: 'plain' }),
    });
    if (!res.ok) throw new Error(`Playground refused the message: ${res.status} ${await res.text()}`);
    return this.waitFor((m) => m.action === 'createMessage' && m.message.from !== undefined && (m.message.from as { id?: string }).id !== PLAYGROUND_USER.id, before, timeoutMs);
  }

  /** Presses an Action.Execute button on a message, as the Playground page does. */
  async invoke(replyToId: string, verb: string, data: object): Promise<any> {
    const res = await fetch(`${this.base}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
        from: { id: PLAYGROUND_USER.id },
        conversation: { id: this.conversationId },
        replyToId,
      }),
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`Playground invoke failed: ${res.status} ${body}`);
    return body ? JSON.parse(body) : undefined;
  }

  waitFor(pred: (m: PlaygroundMessage) => boolean, from = 0, timeoutMs = 15_000): Promise<PlaygroundMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(pred);
        if (found) {
          clearTimeout(timer);
          resolve(found);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => reject(new Error(`no matching Playground message within ${timeoutMs} ms (${this.messages.length} seen)`)), timeoutMs);
      const loop = () => {
        if (!check()) this.waiters.push(loop);
      };
      loop();
    });
  }
}

export function cardOf(m: PlaygroundMessage): any {
  return m.message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
