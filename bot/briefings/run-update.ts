import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { emptyCounts } from '../../storage/briefings/repository';
import { acquireBroadcast, renewBroadcast } from './broadcast-lease';
import { claimUpdateBatch } from './claim-batch';
import { updateOne } from './deliver-one';
import { ProgressReporter } from './progress';
import { briefingCard } from './cards';
import { pump } from './pump';
import { finishLease, pumpSettings, type RunContext, type RunResult } from './broadcast-run';
import { BROADCAST_LEASE_MS, CLAIM_LEASE_MS, CLAIM_PAGE_SIZE, PROGRESS_INTERVAL_MS } from './consts';

/** Brings every delivered card up to the briefing's latest version (an edit or a withdrawal). */
export async function runUpdate(c: RunContext, b: Stored<Briefing>): Promise<RunResult> {
  const id = b.id;
  const t = c.timings;
  const leaseMs = t.broadcastLeaseMs ?? BROADCAST_LEASE_MS;
  const lease = await acquireBroadcast(c.repo, id, c.workerId, c.nowMs(), leaseMs, c.at());
  if (!lease) return { briefingId: id, op: 'update', skipped: 'leased', counts: emptyCounts() };
  let version = b.version;
  let card = briefingCard(c.services, b);
  const behind = await c.repo.countBehind(id, version);
  const counts = emptyCounts();
  const progress = new ProgressReporter(c.services, b, 'update', behind, counts, t.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
  const outcome = await pump({
    claim: (holding) => claimUpdateBatch({ repo: c.repo, briefingId: id, worker: c.workerId, now: c.nowMs(), leaseMs: t.claimLeaseMs ?? CLAIM_LEASE_MS, top: CLAIM_PAGE_SIZE, holding, alive: c.life.alive, version }),
    perform: async (d) => {
      const r = await updateOne(c, d, card, version);
      if (r === 'updated') counts.sent++;
      else if (r === 'skipped') counts.failed++;
      progress.tick(counts);
    },
    renew: async () => {
      if (!(await renewBroadcast(c.repo, id, c.workerId, c.nowMs(), leaseMs, c.at()))) return false;
      const fresh = await c.repo.getBriefing(id);
      if (fresh && fresh.version !== version) {
        version = fresh.version;
        card = briefingCard(c.services, fresh);
      }
      return true;
    },
    ...pumpSettings(c),
  });
  c.life.alive();
  const left = await c.repo.countBehind(id, version);
  if (outcome === 'stopped' || left > 0) return { briefingId: id, op: 'update', counts, incomplete: true };
  await finishLease(c, id);
  await c.repo.mutateBriefing(id, (x) => (x.syncedVersion >= version ? undefined : { ...x, syncedVersion: version }));
  await progress.finish(counts);
  return { briefingId: id, op: 'update', counts };
}
