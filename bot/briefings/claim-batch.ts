import type { BriefingsRepository } from '../../storage/briefings/repository';
import type { Delivery } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { StaleError, NotFoundError } from '../../storage/errors';
import { mapLimit } from '../shared/map-limit';
import { STORE_CONCURRENCY } from './consts';

export interface ClaimArgs {
  repo: BriefingsRepository;
  briefingId: string;
  worker: string;
  now: number;
  leaseMs: number;
  top: number;
  /** Ids this worker already holds in memory (never claim them twice). */
  holding: Set<string>;
  alive: () => void;
}

/**
 * Step 2: takes a page of deliveries to send. Each is marked `sending` with our worker id and a claim
 * lease by an ETag-guarded replace, so a document another worker claimed first is skipped (412).
 * `sending` documents of another worker are taken over only once we hold the broadcast lease, which
 * means that worker stopped: those are the messages that were in flight at its crash.
 */
export async function claimSendBatch(a: ClaimArgs): Promise<Stored<Delivery>[]> {
  const page = await a.repo.deliveries.query(
    'c.pk = @pk AND ((c.status = "queued" AND c.claimUntil < @now) OR (c.status = "sending" AND (c.claimUntil < @now OR c.claimedBy != @me)))',
    [
      { name: '@pk', value: a.briefingId },
      { name: '@now', value: a.now },
      { name: '@me', value: a.worker },
    ],
    { top: a.top },
  );
  return claimEach(a, page.filter((d) => !a.holding.has(d.id)), (d) => ({ ...d, status: 'sending', claimedBy: a.worker, claimUntil: a.now + a.leaseMs, attempts: d.attempts + 1 }));
}

/** Whether a delivery may be taken now: the same rule as the query in `claimSendBatch`. */
export function claimableForSend(d: Delivery, now: number, worker: string): boolean {
  return (d.status === 'queued' && d.claimUntil < now) || (d.status === 'sending' && (d.claimUntil < now || d.claimedBy !== worker));
}

/**
 * Step 2 for the plan's first page, whose ids are known: point reads instead of a query, so the
 * first messages leave as soon as the page is written (a query scans the container on the embedded
 * store and costs a round trip more on Cosmos). Claimed the same way, by an ETag-guarded replace.
 */
export async function claimSendByIds(a: ClaimArgs, ids: readonly string[]): Promise<Stored<Delivery>[]> {
  const read = await mapLimit(
    ids.filter((id) => !a.holding.has(id)),
    STORE_CONCURRENCY,
    (id) => a.repo.deliveries.get(id, a.briefingId),
  );
  const page = read.filter((d): d is Stored<Delivery> => !!d && claimableForSend(d, a.now, a.worker));
  return claimEach(a, page, (d) => ({ ...d, status: 'sending', claimedBy: a.worker, claimUntil: a.now + a.leaseMs, attempts: d.attempts + 1 }));
}

/** Step 2 for an edit or retraction: delivered cards that still show an older version. */
export async function claimUpdateBatch(a: ClaimArgs & { version: number }): Promise<Stored<Delivery>[]> {
  const page = await a.repo.deliveries.query(
    'c.pk = @pk AND c.status = "sent" AND c.shown < @v AND (c.claimUntil < @now OR c.claimedBy != @me)',
    [
      { name: '@pk', value: a.briefingId },
      { name: '@v', value: a.version },
      { name: '@now', value: a.now },
      { name: '@me', value: a.worker },
    ],
    { top: a.top },
  );
  return claimEach(a, page.filter((d) => !a.holding.has(d.id)), (d) => ({ ...d, claimedBy: a.worker, claimUntil: a.now + a.leaseMs }));
}

async function claimEach(a: ClaimArgs, page: Stored<Delivery>[], change: (d: Stored<Delivery>) => Delivery): Promise<Stored<Delivery>[]> {
  const claimed = await mapLimit(page, STORE_CONCURRENCY, async (d) => {
    a.alive();
    try {
      return await a.repo.deliveries.replace({ ...change(d), _etag: d._etag } as Stored<Delivery>);
    } catch (e) {
      if (e instanceof StaleError || e instanceof NotFoundError) return undefined;
      throw e;
    }
  });
  return claimed.filter((d): d is Stored<Delivery> => !!d);
}
