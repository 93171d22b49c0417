import type { Services } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { DeliveryCounts } from '../../storage/briefings/repository';
import { progressCard } from './cards';
import { describeAudience } from './audience';
import { PROGRESS_INTERVAL_MS } from './consts';

/**
 * Step 5: replaces the author's progress card in place, at most every few seconds (the author's chat is
 * one conversation, limited by Teams to 7/s and 60 per 30 s), and once more at the end.
 */
export class ProgressReporter {
  private last = 0;
  private pending?: Promise<void>;
  private readonly startedAt = performance.now();
  private readonly startSettled: number;

  constructor(
    private readonly services: Services,
    private readonly briefing: Briefing,
    private readonly op: 'send' | 'update',
    private readonly total: number,
    counts: DeliveryCounts,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
  ) {
    this.startSettled = counts.sent + counts.failed + counts.unreachable;
  }

  /** Called after every recorded outcome; sends only when the interval has passed. */
  tick(counts: DeliveryCounts) {
    if (performance.now() - this.last < this.intervalMs || this.pending) return;
    this.last = performance.now();
    this.pending = this.post(counts, false).finally(() => (this.pending = undefined));
  }

  async finish(counts: DeliveryCounts, cancelled = false) {
    await this.pending;
    await this.post(counts, true, cancelled);
  }

  private async post(counts: DeliveryCounts, done: boolean, cancelled = false) {
    const target = this.briefing.progress;
    if (!target) return;
    const settled = counts.sent + counts.failed + counts.unreachable - this.startSettled;
    const secs = (performance.now() - this.startedAt) / 1000;
    const card = progressCard(this.briefing, {
      op: this.op,
      counts,
      total: this.total,
      rate: secs > 1 ? settled / secs : 0,
      done,
      cancelled,
      audience: describeAudience(this.services, this.briefing.audience),
      now: this.services.clock.now(),
    });
    try {
      await this.services.messenger.update(target.ref, target.activityId, { card });
    } catch (e) {
      // The progress card is a courtesy; a failure must never stop the broadcast.
      this.services.log.warn({ event: 'briefing-progress-failed', err: { message: (e as Error)?.message } }, 'progress card update failed');
    }
  }
}
