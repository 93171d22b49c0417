import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { emptyCounts } from '../../storage/briefings/repository';
import { acquireBroadcast, renewBroadcast } from './broadcast-lease';
import { startPlan, type Plan } from './plan-deliveries';
import { claimSendBatch, claimSendByIds } from './claim-batch';
import { sendOne } from './deliver-one';
import { ProgressReporter } from './progress';
import { briefingCard, progressCard } from './cards';
import { describeAudience } from './audience';
import { pump } from './pump';
import { runUpdate } from './run-update';
import { finishLease, pumpSettings, type RunContext, type RunResult } from './broadcast-run';
import { BROADCAST_LEASE_MS, CLAIM_LEASE_MS, CLAIM_PAGE_SIZE, PROGRESS_INTERVAL_MS } from './consts';

/** The notification line Teams shows before the card is opened. */
function summaryOf(b: Briefing) {
  return `7-minute briefing: ${b.title}`.slice(0, 120);
}

/** A scheduled send has no author turn to post from, so the progress card goes to their 1:1 chat. */
async function openProgressCard(c: RunContext, b: Stored<Briefing>): Promise<Stored<Briefing>> {
  const author = await c.services.members.get(b.authorId);
  if (!author?.personal) return b;
  const card = progressCard(b, { op: 'send', counts: emptyCounts(), total: 0, rate: 0, done: false, audience: describeAudience(c.services, b.audience), now: c.services.clock.now() });
  const r = await c.services.messenger.send(author.personal, { card });
  if (!r.ok || !r.activityId) return b;
  const progress = { ref: author.personal, activityId: r.activityId };
  return (await c.repo.mutateBriefing(b.id, (x) => ({ ...x, progress }))).doc;
}

/**
 * A first send: plan one delivery per recipient, then claim, send and record them until none are
 * left. An edit during the send reaches later recipients at once and earlier ones by the update pass.
 */
export async function runSend(c: RunContext, initial: Stored<Briefing>): Promise<RunResult> {
  const id = initial.id;
  const t = c.timings;
  const leaseMs = t.broadcastLeaseMs ?? BROADCAST_LEASE_MS;
  let lease = await acquireBroadcast(c.repo, id, c.workerId, c.nowMs(), leaseMs, c.at());
  if (!lease) return { briefingId: id, op: 'send', skipped: 'leased', counts: emptyCounts() };
  let plan: Plan | undefined;
  let counts = emptyCounts();
  if (lease.phase === 'planning') {
    if (!initial.progress) initial = await openProgressCard(c, initial);
    plan = await startPlan(c.services, c.repo, initial, c.life.alive);
    counts.queued = plan.total;
  } else {
    counts = await c.repo.counts(id);
  }
  const total = plan ? plan.total : Object.values(counts).reduce((a, n) => a + n, 0);
  let briefing = initial as Briefing;
  let card = briefingCard(c.services, briefing);
  let version = briefing.version;
  const progress = new ProgressReporter(c.services, briefing, 'send', total, counts, t.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
  let cancelled = lease.cancelRequested;
  let firstPage = plan?.firstPage;

  const outcome = cancelled
    ? 'stopped'
    : await pump({
        claim: async (holding) => {
          const args = { repo: c.repo, briefingId: id, worker: c.workerId, now: c.nowMs(), leaseMs: t.claimLeaseMs ?? CLAIM_LEASE_MS, top: CLAIM_PAGE_SIZE, holding, alive: c.life.alive };
          if (firstPage) {
            // The first page's ids are known: read them, rather than query for them.
            const pending = firstPage;
            firstPage = undefined;
            const ids = await pending;
            const page = await claimSendByIds(args, ids);
            if (page.length > 0) return page;
          }
          for (;;) {
            // Read before claiming: a page written after an empty claim is found by the next one.
            const planned = !plan || plan.done();
            const page = await claimSendBatch({ ...args, now: c.nowMs() });
            if (page.length > 0 || planned) return page;
            await plan!.nextPage();
          }
        },
        perform: async (d) => {
          const status = await sendOne(c, d, card, version, summaryOf(briefing));
          if (status) counts[status]++;
          progress.tick(counts);
        },
        renew: async () => {
          const l = await renewBroadcast(c.repo, id, c.workerId, c.nowMs(), leaseMs, c.at());
          if (!l) return false;
          if (l.cancelRequested) {
            cancelled = true;
            return false;
          }
          const fresh = await c.repo.getBriefing(id);
          // The status is the author's intent even if the cancel flag on the lease was missed in a race.
          if (fresh && (fresh.status === 'cancelled' || fresh.status === 'retracted')) {
            cancelled = true;
            return false;
          }
          if (fresh && fresh.version !== version) {
            briefing = fresh;
            version = fresh.version;
            card = briefingCard(c.services, fresh);
          }
          return true;
        },
        ...pumpSettings(c),
      });
  c.life.alive();
  if (plan) {
    // Every page written (a failure to write one surfaces here) before the phase moves on.
    await plan.written;
    if (!(await renewBroadcast(c.repo, id, c.workerId, c.nowMs(), leaseMs, c.at(), { phase: 'sending', total: plan.total }))) return { briefingId: id, op: 'send', skipped: 'leased', counts: await c.repo.counts(id) };
  }
  const after = await c.repo.counts(id);
  const remaining = after.queued + after.sending;
  if (cancelled) {
    await finishLease(c, id, 'cancelled');
    await progress.finish(after, true);
    // Withdrawn while sending: the cancel stopped new sends; now replace what was delivered.
    const b = await c.repo.getBriefing(id);
    if (b && b.status === 'retracted' && b.syncedVersion < b.version) return runUpdate(c, b);
    return { briefingId: id, op: 'send', counts: after, cancelled: true };
  }
  if (outcome === 'stopped' || remaining > 0) return { briefingId: id, op: 'send', counts: after, incomplete: true };
  await finishLease(c, id, 'done');
  const at = c.at();
  await c.repo.mutateBriefing(id, (x) => (x.status === 'sending' ? { ...x, status: 'sent', sentAt: x.sentAt ?? at, updatedAt: at } : undefined));
  await progress.finish(after);
  await c.services.audit.record({ actorId: `worker:${c.workerId}`, feature: 'briefings', action: 'broadcast-finished', entityType: 'briefing', entityId: id, detail: { sent: after.sent, failed: after.failed, unreachable: after.unreachable } });
  // An edit made while sending may have left earlier cards behind.
  const b = await c.repo.getBriefing(id);
  if (b && b.syncedVersion < b.version) return runUpdate(c, b);
  return { briefingId: id, op: 'send', counts: after };
}
