import type { Delivery } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { CLAIM_LOW_WATER } from './consts';

export interface PumpSteps {
  /** Claims the next page of deliveries (never one in `holding`); an empty page means none are left. */
  claim: (holding: Set<string>) => Promise<Stored<Delivery>[]>;
  /** Sends or updates one delivery and records the outcome. */
  perform: (d: Stored<Delivery>) => Promise<void>;
  /** Renews the broadcast lease (and notices edits and cancels); false stops the pump. */
  renew: () => Promise<boolean>;
  /** True once the worker has been killed. */
  killed: () => boolean;
  concurrency: number;
  renewMs: number;
}

/**
 * Keeps `concurrency` requests going: a feeder claims the next page while the current one is still
 * being sent, so the limiter never waits on Cosmos. A lease renewal runs alongside.
 */
export async function pump(p: PumpSteps): Promise<'done' | 'stopped'> {
  const queue: Stored<Delivery>[] = [];
  const holding = new Set<string>();
  let exhausted = false;
  let stop = false;
  let failure: unknown;
  let feeding: Promise<void> | undefined;
  // Workers waiting for a page: woken by each page, not by the end of the feeder's loop, so the first
  // messages leave as soon as the first page is claimed.
  let waiting: (() => void)[] = [];
  const wake = () => {
    const w = waiting;
    waiting = [];
    for (const f of w) f();
  };
  const fail = (e: unknown) => {
    failure ??= e;
    stop = true;
  };
  const feed = () => {
    if (feeding) return feeding;
    const run = async () => {
      while (!exhausted && !stop && queue.length < CLAIM_LOW_WATER) {
        const page = await p.claim(holding);
        if (page.length === 0) exhausted = true;
        for (const d of page) {
          holding.add(d.id);
          queue.push(d);
        }
        wake();
      }
    };
    // .finally keeps the reset asynchronous, so it always runs after `feeding` is assigned.
    feeding = run()
      .catch(fail)
      .finally(() => {
        feeding = undefined;
        wake();
      });
    return feeding;
  };
  let renewing = false;
  const timer = setInterval(() => {
    if (p.killed()) stop = true;
    if (renewing || stop) return;
    renewing = true;
    p.renew()
      .then((ok) => {
        if (!ok) stop = true;
      })
      .catch(fail)
      .finally(() => (renewing = false));
  }, p.renewMs);
  const worker = async () => {
    while (!stop) {
      if (queue.length < CLAIM_LOW_WATER && !exhausted) void feed();
      const d = queue.shift();
      if (!d) {
        if (feeding) {
          await new Promise<void>((r) => waiting.push(r));
          continue;
        }
        if (exhausted) return;
        continue;
      }
      try {
        await p.perform(d);
      } catch (e) {
        fail(e);
        return;
      } finally {
        holding.delete(d.id);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: p.concurrency }, worker));
  } finally {
    clearInterval(timer);
  }
  if (failure) throw failure;
  return stop ? 'stopped' : 'done';
}
