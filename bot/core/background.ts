import type { Logger } from './logger';

/**
 * Work that outlives the request that started it (a roster read after an install or a command): Teams
 * expects an answer within seconds, so the answer goes first and the work reports back when done.
 * Failures are logged, never lost silently; tests wait for `idle()`.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly log: Logger) {}

  run(name: string, work: () => Promise<void>): void {
    const p = work()
      .catch((e) => this.log.error({ event: 'background-failed', work: name, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'background work failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
