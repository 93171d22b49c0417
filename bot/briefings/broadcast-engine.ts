import type { Services } from '../core/contract';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import { emptyCounts } from '../../storage/briefings/repository';
import { WorkerKilled, WorkerLife } from './worker-life';
import { runSend } from './run-send';
import { runUpdate } from './run-update';
import type { EngineTimings, RunContext, RunResult } from './broadcast-run';

export { WorkerKilled };
export type { RunResult };

/**
 * Drives broadcasts: plan → claim → send → record → progress (run-send.ts), and edits or withdrawals
 * of delivered cards (run-update.ts). Everything durable is in Cosmos, so any instance can pick a
 * broadcast up where a dead one left it. One engine per bot, built by the briefings feature.
 */
export class BroadcastEngine {
  readonly repo: BriefingsRepository;
  readonly workerId: string;
  readonly life = new WorkerLife();
  private readonly running = new Map<string, Promise<RunResult>>();
  private readonly timings: EngineTimings = {};

  constructor(private readonly services: Services) {
    this.repo = services.repos.briefings;
    this.workerId = services.instanceId;
  }

  /** Adjusts lease and progress timings (tests shorten them to simulate crashes in seconds). */
  tune(o: EngineTimings) {
    Object.assign(this.timings, o);
  }

  /** Simulates the process dying: nothing more is written or sent; requests already out still land. */
  kill() {
    this.life.kill();
  }

  /** Requests on the wire now: at most these could be sent twice if the process died now. */
  get onWire() {
    return this.life.onWire;
  }

  get maxOnWire() {
    return this.life.maxOnWire;
  }

  /** Starts (or joins) the run for a briefing in the background; never throws. */
  start(briefingId: string): Promise<RunResult> {
    let p = this.running.get(briefingId);
    if (!p) {
      p = this.run(briefingId)
        .catch((e): RunResult => {
          if (!(e instanceof WorkerKilled)) this.services.log.error({ event: 'briefing-broadcast-error', briefingId, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'broadcast run failed');
          return { briefingId, op: 'none', counts: emptyCounts(), incomplete: true };
        })
        .finally(() => this.running.delete(briefingId));
      this.running.set(briefingId, p);
    }
    return p;
  }

  /** Resolves when every run started by this engine has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  isRunning(briefingId: string) {
    return this.running.has(briefingId);
  }

  async run(briefingId: string): Promise<RunResult> {
    this.life.alive();
    let b = await this.repo.getBriefing(briefingId);
    if (!b) return { briefingId, op: 'none', skipped: 'not-found', counts: emptyCounts() };
    const now = this.services.clock.now();
    if (b.status === 'scheduled' && b.scheduledFor && Date.parse(b.scheduledFor) <= now.getTime()) {
      b = (await this.repo.mutateBriefing(b.id, (x) => (x.status === 'scheduled' ? { ...x, status: 'sending', updatedAt: now.toISOString() } : undefined))).doc;
    }
    if (b.status === 'sending') return runSend(this.context(), b);
    if ((b.status === 'sent' || b.status === 'retracted') && b.syncedVersion < b.version) return runUpdate(this.context(), b);
    return { briefingId, op: 'none', skipped: 'nothing-to-do', counts: emptyCounts() };
  }

  private context(): RunContext {
    const clock = this.services.clock;
    return {
      services: this.services,
      repo: this.repo,
      life: this.life,
      workerId: this.workerId,
      timings: this.timings,
      nowMs: () => clock.now().getTime(),
      at: () => clock.now().toISOString(),
    };
  }
}
