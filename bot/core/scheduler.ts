import type { Services, SweepDef } from './contract';

/**
 * Runs every feature's sweeps in every bot instance. Each sweep is guarded by a Cosmos lease, so
 * only one instance runs it per period; the work itself is also idempotent (deterministic ids),
 * so a lease lost mid-sweep costs time, not duplicates.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private running = false;
  private lastRun = new Map<string, number>();

  constructor(
    private readonly services: Services,
    private readonly sweeps: SweepDef[],
  ) {}

  leaseName(s: SweepDef) {
    return `sweep:${s.feature}:${s.name}`;
  }

  /** Runs each sweep that is due and whose lease this instance wins. Returns per-sweep stats. */
  async tick(now: Date = this.services.clock.now(), force = false): Promise<Record<string, Record<string, number> | 'skipped'>> {
    const out: Record<string, Record<string, number> | 'skipped'> = {};
    // Sweeps send content (briefings, reminders): use the pack as the business unit last left it.
    await this.services.overrides.refresh();
    for (const sweep of this.sweeps) {
      const name = this.leaseName(sweep);
      const due = force || now.getTime() - (this.lastRun.get(name) ?? 0) >= sweep.everySeconds * 1000;
      if (!due) continue;
      const won = await this.services.leases.tryAcquire(name, this.services.instanceId, Math.max(sweep.everySeconds, 30) * 1000);
      if (!won) {
        out[name] = 'skipped';
        continue;
      }
      this.lastRun.set(name, now.getTime());
      try {
        out[name] = (await sweep.run(this.services, now)) ?? {};
      } catch (e) {
        this.services.log.error({ event: 'sweep-error', sweep: name, err: { type: (e as Error)?.name, message: (e as Error)?.message } }, 'sweep failed');
        out[name] = { error: 1 };
      }
    }
    return out;
  }

  start(intervalSeconds: number) {
    const loop = async () => {
      if (this.running) return;
      this.running = true;
      try {
        await this.tick();
      } catch (e) {
        this.services.log.warn({ event: 'scheduler-error', err: { message: (e as Error)?.message } }, 'scheduler tick failed');
      } finally {
        this.running = false;
      }
    };
    this.timer = setInterval(loop, intervalSeconds * 1000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }
}
