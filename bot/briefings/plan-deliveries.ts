import type { Services } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import { resolveAudience, deliveriesFor } from './audience';
import { PLAN_BULK_SIZE, PLAN_FIRST_PAGE_SIZE } from './consts';

/** A plan being written: sending starts on the first page instead of waiting for the last. */
export interface Plan {
  /** Recipients in the plan. */
  total: number;
  /** Resolves when every delivery document is written (rejects if writing failed). */
  written: Promise<void>;
  /** True once every delivery document is written. */
  done(): boolean;
  /** Resolves when another page has been written (or the plan is finished). */
  nextPage(): Promise<void>;
  /** The first page's delivery ids, once it is written (empty if writing it failed). */
  firstPage: Promise<string[]>;
}

/**
 * Step 1 of a broadcast: one delivery document per recipient, created with deterministic ids. Safe to
 * run again after a crash: documents that exist answer 409 and are left alone, so nobody is queued
 * twice. The pages are written in the background; the sender claims each as soon as it exists.
 */
export async function startPlan(services: Services, repo: BriefingsRepository, briefing: Briefing, alive: () => void = () => undefined): Promise<Plan> {
  const recipients = await resolveAudience(services, briefing.audience);
  const at = services.clock.now().toISOString();
  const ttl = services.config.embeddedStorage ? undefined : services.config.RETENTION_DAYS_DELIVERIES * 86_400;
  const docs = deliveriesFor(repo, briefing.id, recipients, at, ttl);
  let finished = false;
  let firstWritten: (ids: string[]) => void = () => undefined;
  const firstPage = new Promise<string[]>((r) => (firstWritten = r));
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const written = (async () => {
    try {
      for (let i = 0; i < docs.length; ) {
        // A small first page, so the first messages leave while the rest are written.
        const size = i === 0 ? PLAN_FIRST_PAGE_SIZE : PLAN_BULK_SIZE;
        alive();
        await repo.createDeliveries(docs.slice(i, i + size));
        if (i === 0) firstWritten(docs.slice(0, size).map((d) => d.id));
        i += size;
        wake();
      }
    } finally {
      finished = true;
      firstWritten([]);
      wake();
    }
  })();
  // A failure is reported to whoever awaits `written`; this keeps it from being unhandled meanwhile.
  written.catch(() => undefined);
  return {
    total: docs.length,
    written,
    done: () => finished,
    nextPage: () => (finished ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    firstPage,
  };
}
