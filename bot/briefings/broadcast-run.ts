import type { Services } from '../core/contract';
import type { BriefingsRepository, DeliveryCounts } from '../../storage/briefings/repository';
import type { WorkerLife } from './worker-life';
import type { DeliveryContext } from './deliver-one';
import { BROADCAST_LEASE_RENEW_MS, SEND_CONCURRENCY } from './consts';

export interface RunResult {
  briefingId: string;
  op: 'send' | 'update' | 'none';
  skipped?: 'leased' | 'not-found' | 'nothing-to-do';
  counts: DeliveryCounts;
  cancelled?: boolean;
  /** Work remains (another worker's live claims, or the lease was lost); the sweep will come back. */
  incomplete?: boolean;
}

/** Lease and progress timings; tests shorten them to simulate crashes in seconds. */
export interface EngineTimings {
  claimLeaseMs?: number;
  broadcastLeaseMs?: number;
  renewMs?: number;
  progressIntervalMs?: number;
  concurrency?: number;
}

/** What one send or update run works with: the worker's identity, its life, storage and the clock. */
export interface RunContext extends DeliveryContext {
  services: Services;
  repo: BriefingsRepository;
  life: WorkerLife;
  workerId: string;
  timings: EngineTimings;
  nowMs: () => number;
  at: () => string;
}

/** Releases the broadcast lease, optionally recording how the run ended. */
export async function finishLease(c: RunContext, briefingId: string, phase?: 'done' | 'cancelled') {
  const at = c.at();
  await c.repo.broadcasts.mutate('broadcast', briefingId, (l) =>
    l.holder !== c.workerId ? undefined : { ...l, leaseUntil: 0, ...(phase ? { phase, finishedAt: at } : {}), updatedAt: at },
  );
}

/** The pump settings every run shares: stop when killed, this many sends at once, renew this often. */
export function pumpSettings(c: RunContext) {
  return {
    killed: () => c.life.killed,
    concurrency: c.timings.concurrency ?? SEND_CONCURRENCY,
    renewMs: c.timings.renewMs ?? BROADCAST_LEASE_RENEW_MS,
  };
}
