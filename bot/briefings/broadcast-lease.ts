import type { BriefingsRepository } from '../../storage/briefings/repository';
import type { Broadcast } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { StaleError, ConflictError } from '../../storage/errors';

/**
 * The per-briefing cursor document doubles as a lease: one worker drives a broadcast at a time, and
 * taking it over is an ETag-guarded replace, so two instances racing for an expired lease cannot both win.
 */
export async function acquireBroadcast(repo: BriefingsRepository, briefingId: string, holder: string, now: number, leaseMs: number, at: string): Promise<Stored<Broadcast> | undefined> {
  const current = await repo.getBroadcast(briefingId);
  if (!current) {
    const { doc } = await repo.broadcasts.createIfAbsent({ type: 'broadcast', id: 'broadcast', pk: briefingId, briefingId, phase: 'planning', holder, leaseUntil: now + leaseMs, total: 0, cancelRequested: false, startedAt: at, updatedAt: at });
    return doc;
  }
  if (current.holder !== holder && current.leaseUntil > now) return undefined;
  try {
    return await repo.broadcasts.replace({ ...current, holder, leaseUntil: now + leaseMs, updatedAt: at });
  } catch (e) {
    if (e instanceof StaleError || e instanceof ConflictError) return undefined;
    throw e;
  }
}

/** Extends the lease; returns the fresh document, or undefined when another worker has taken it. */
export async function renewBroadcast(repo: BriefingsRepository, briefingId: string, holder: string, now: number, leaseMs: number, at: string, change: Partial<Broadcast> = {}) {
  try {
    const { doc } = await repo.broadcasts.mutate('broadcast', briefingId, (b) => (b.holder !== holder ? undefined : { ...b, ...change, leaseUntil: now + leaseMs, updatedAt: at }));
    return doc.holder === holder ? doc : undefined;
  } catch (e) {
    if (e instanceof StaleError) return undefined;
    throw e;
  }
}
