import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CompactRecord, Request } from './teams-process';

type Ask = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The benchmark's side of the Teams-like connector running in its own process: the URL to put in
 * activities, and requests for what it received.
 */
export class RemoteTeams {
  private seq = 0;
  private readonly pending = new Map<number, (v: unknown) => void>();
  private constructor(private readonly child: ChildProcess, readonly url: string) {
    child.on('message', (m: { id?: number; result?: unknown }) => {
      if (m.id === undefined) return;
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
  }

  static start(seed: number): Promise<RemoteTeams> {
    // The child runs TypeScript through the same loader as this process (tsx).
    const child = fork(join(__dirname, 'teams-process.ts'), [], { env: { ...process.env, BENCH_SEED: String(seed) }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.on('message', function ready(m: { type?: string; url?: string }) {
        if (m.type !== 'ready') return;
        child.off('message', ready);
        resolve(new RemoteTeams(child, m.url!));
      });
    });
  }

  private ask<T>(req: Ask): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (v: unknown) => void);
      this.child.send({ ...req, id });
    });
  }

  setRoster(team: string, prefix: string, size: number) {
    return this.ask<boolean>({ type: 'roster', team, prefix, size });
  }
  clear() {
    return this.ask<boolean>({ type: 'clear' });
  }
  records() {
    return this.ask<CompactRecord[]>({ type: 'records' });
  }
  cards(conversationId: string) {
    return this.ask<unknown[]>({ type: 'cards', conversationId });
  }
  async close() {
    await this.ask<boolean>({ type: 'close' });
  }
}
