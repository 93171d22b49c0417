import type { Services } from '../core/contract';
import type { AdaptiveCard } from '../../cards/expand';
import type { Briefing, Delivery } from '../../storage/briefings/schema';
import { BriefingsRepository, emptyCounts, type DeliveryCounts } from '../../storage/briefings/repository';
import type { Stored } from '../../storage/repository';
import type { ConversationRef } from '../../storage/members/schema';
import { ConnectorSender, type BroadcastSender } from '../edge/connector';
import { TokenBucket, sharedBucket } from '../core/outbound/token-bucket';
import { acquireBroadcast, renewBroadcast } from './broadcast-lease';
import { planDeliveries } from './plan-deliveries';
import { claimSendBatch, claimUpdateBatch } from './claim-batch';
import { withRetries } from './send-one';
import { recordSend, recordUpdate } from './record-outcome';
import { ProgressReporter } from './progress';
import { briefingCard, progressCard } from './cards';
import { describeAudience } from './audience';
import {
  BROADCAST_LEASE_MS,
  BROADCAST_LEASE_RENEW_MS,
  CLAIM_LEASE_MS,
  CLAIM_LOW_WATER,
  CLAIM_PAGE_SIZE,
  PROGRESS_INTERVAL_MS,
  SEND_CONCURRENCY,
} from './consts';

/** Thrown inside a worker that was killed (tests and the benchmark simulate a crash with it). */
export class WorkerKilled extends Error {}

export interface RunResult {
  briefingId: string;
  op: 'send' | 'update' | 'none';
  skipped?: 'leased' | 'not-found' | 'nothing-to-do';
  counts: DeliveryCounts;
  cancelled?: boolean;
  /** Work remains (another worker's live claims, or the lease was lost); the sweep will come back. */
  incomplete?: boolean;
}

export interface EngineOptions {
  sender?: BroadcastSender;
  bucket?: TokenBucket;
  workerId?: string;
  claimLeaseMs?: number;
  broadcastLeaseMs?: number;
  renewMs?: number;
  progressIntervalMs?: number;
  concurrency?: number;
}

/**
 * Drives broadcasts: plan → claim → send (bucket + retries) → record → progress, for first sends and
 * for edits/withdrawals of delivered cards. Everything durable is in Cosmos, so any instance can pick
 * a broadcast up where a dead one left it.
 */
export class BroadcastEngine {
  readonly repo: BriefingsRepository;
  readonly sender: BroadcastSender;
  readonly bucket: TokenBucket;
  readonly workerId: string;
  private readonly running = new Map<string, Promise<RunResult>>();
  private dead = false;
  /** Requests handed to the connector and not yet recorded: at most these can be sent twice after a crash. */
  onWire = 0;
  maxOnWire = 0;

  constructor(
    private readonly services: Services,
    private readonly opts: EngineOptions = {},
  ) {
    this.repo = new BriefingsRepository(services.store, services.partnershipId);
    this.sender = opts.sender ?? new ConnectorSender(services.config);
    this.bucket = opts.bucket ?? sharedBucket(services.config.BROADCAST_RATE_PER_SECOND);
    this.workerId = opts.workerId ?? services.instanceId;
  }

  /** Adjusts lease and progress timings (tests shorten them to simulate crashes in seconds). */
  tune(o: Omit<EngineOptions, 'sender' | 'bucket' | 'workerId'>) {
    Object.assign(this.opts, o);
  }

  readonly alive = () => {
    if (this.dead) throw new WorkerKilled('worker killed');
  };

  /** Simulates the process dying: nothing more is written or sent; requests already out still land. */
  kill() {
    this.dead = true;
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

  /** Resolves when every run started in this process has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  isRunning(briefingId: string) {
    return this.running.has(briefingId);
  }

  async run(briefingId: string): Promise<RunResult> {
    this.alive();
    let b = await this.repo.getBriefing(briefingId);
    if (!b) return { briefingId, op: 'none', skipped: 'not-found', counts: emptyCounts() };
    const now = this.services.clock.now();
    if (b.status === 'scheduled' && b.scheduledFor && Date.parse(b.scheduledFor) <= now.getTime()) {
      b = (await this.repo.mutateBriefing(b.id, (x) => (x.status === 'scheduled' ? { ...x, status: 'sending', updatedAt: now.toISOString() } : undefined))).doc;
    }
    if (b.status === 'sending') return this.runSend(b);
    if ((b.status === 'sent' || b.status === 'retracted') && b.syncedVersion < b.version) return this.runUpdate(b);
    return { briefingId, op: 'none', skipped: 'nothing-to-do', counts: emptyCounts() };
  }

  private nowMs() {
    return this.services.clock.now().getTime();
  }

  private at() {
    return this.services.clock.now().toISOString();
  }

  /** A scheduled send has no author turn to post from, so the progress card goes to their 1:1 chat. */
  private async openProgressCard(b: Stored<Briefing>): Promise<Stored<Briefing>> {
    const author = await this.services.members.get(b.authorId);
    if (!author?.personal) return b;
    const card = progressCard(b, { op: 'send', counts: emptyCounts(), total: 0, rate: 0, done: false, audience: describeAudience(this.services, b.audience), now: this.services.clock.now() });
    await this.bucket.take();
    const r = await this.sender.send(author.personal, { card });
    if (!r.ok || !r.activityId) return b;
    const progress = { ref: author.personal, activityId: r.activityId };
    return (await this.repo.mutateBriefing(b.id, (x) => ({ ...x, progress }))).doc;
  }

  private async runSend(initial: Stored<Briefing>): Promise<RunResult> {
    const id = initial.id;
    const leaseMs = this.opts.broadcastLeaseMs ?? BROADCAST_LEASE_MS;
    let lease = await acquireBroadcast(this.repo, id, this.workerId, this.nowMs(), leaseMs, this.at());
    if (!lease) return { briefingId: id, op: 'send', skipped: 'leased', counts: emptyCounts() };
    if (lease.phase === 'planning') {
      if (!initial.progress) initial = await this.openProgressCard(initial);
      const { total } = await planDeliveries(this.services, this.repo, initial, this.alive);
      this.alive();
      lease = await renewBroadcast(this.repo, id, this.workerId, this.nowMs(), leaseMs, this.at(), { phase: 'sending', total });
      if (!lease) return { briefingId: id, op: 'send', skipped: 'leased', counts: emptyCounts() };
    }
    const counts = await this.repo.counts(id);
    const total = Object.values(counts).reduce((a, n) => a + n, 0);
    let briefing = initial as Briefing;
    let card = briefingCard(this.services, briefing);
    let version = briefing.version;
    const progress = new ProgressReporter(this.services, this.sender, this.bucket, briefing, 'send', total, counts, this.opts.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
    let cancelled = lease.cancelRequested;

    const outcome = cancelled
      ? 'stopped'
      : await this.pump({
          claim: (holding) => claimSendBatch({ repo: this.repo, briefingId: id, worker: this.workerId, now: this.nowMs(), leaseMs: this.opts.claimLeaseMs ?? CLAIM_LEASE_MS, top: CLAIM_PAGE_SIZE, holding, alive: this.alive }),
          perform: async (d) => {
            const status = await this.sendOne(d, card, version, summaryOf(briefing));
            if (status) counts[status]++;
            progress.tick(counts);
          },
          renew: async () => {
            const l = await renewBroadcast(this.repo, id, this.workerId, this.nowMs(), leaseMs, this.at());
            if (!l) return false;
            if (l.cancelRequested) {
              cancelled = true;
              return false;
            }
            // An edit or withdrawal during the send: later recipients get the new card, and the
            // update pass brings the earlier ones up to date.
            const fresh = await this.repo.getBriefing(id);
            // The status is the author's intent even if the cancel flag on the lease was missed in a race.
            if (fresh && (fresh.status === 'cancelled' || fresh.status === 'retracted')) {
              cancelled = true;
              return false;
            }
            if (fresh && fresh.version !== version) {
              briefing = fresh;
              version = fresh.version;
              card = briefingCard(this.services, fresh);
            }
            return true;
          },
        });
    this.alive();
    const after = await this.repo.counts(id);
    const remaining = after.queued + after.sending;
    if (cancelled) {
      await this.finishLease(id, 'cancelled');
      await progress.finish(after, true);
      // Withdrawn while sending: the cancel stopped new sends; now replace what was delivered.
      const b = await this.repo.getBriefing(id);
      if (b && b.status === 'retracted' && b.syncedVersion < b.version) return this.runUpdate(b);
      return { briefingId: id, op: 'send', counts: after, cancelled: true };
    }
    if (outcome === 'stopped' || remaining > 0) return { briefingId: id, op: 'send', counts: after, incomplete: true };
    await this.finishLease(id, 'done');
    const at = this.at();
    await this.repo.mutateBriefing(id, (x) => (x.status === 'sending' ? { ...x, status: 'sent', sentAt: x.sentAt ?? at, updatedAt: at } : undefined));
    await progress.finish(after);
    await this.services.audit.record({ actorId: `worker:${this.workerId}`, feature: 'briefings', action: 'broadcast-finished', entityType: 'briefing', entityId: id, detail: { sent: after.sent, failed: after.failed, unreachable: after.unreachable } });
    // An edit made while sending may have left earlier cards behind.
    const b = await this.repo.getBriefing(id);
    if (b && b.syncedVersion < b.version) return this.runUpdate(b);
    return { briefingId: id, op: 'send', counts: after };
  }

  private async runUpdate(b: Stored<Briefing>): Promise<RunResult> {
    const id = b.id;
    const leaseMs = this.opts.broadcastLeaseMs ?? BROADCAST_LEASE_MS;
    const lease = await acquireBroadcast(this.repo, id, this.workerId, this.nowMs(), leaseMs, this.at());
    if (!lease) return { briefingId: id, op: 'update', skipped: 'leased', counts: emptyCounts() };
    let version = b.version;
    let card = briefingCard(this.services, b);
    const behind = await this.repo.countBehind(id, version);
    const counts = emptyCounts();
    const progress = new ProgressReporter(this.services, this.sender, this.bucket, b, 'update', behind, counts, this.opts.progressIntervalMs ?? PROGRESS_INTERVAL_MS);
    const outcome = await this.pump({
      claim: (holding) => claimUpdateBatch({ repo: this.repo, briefingId: id, worker: this.workerId, now: this.nowMs(), leaseMs: this.opts.claimLeaseMs ?? CLAIM_LEASE_MS, top: CLAIM_PAGE_SIZE, holding, alive: this.alive, version }),
      perform: async (d) => {
        const r = await this.updateOne(d, card, version);
        if (r === 'updated') counts.sent++;
        else if (r === 'skipped') counts.failed++;
        progress.tick(counts);
      },
      renew: async () => {
        if (!(await renewBroadcast(this.repo, id, this.workerId, this.nowMs(), leaseMs, this.at()))) return false;
        const fresh = await this.repo.getBriefing(id);
        if (fresh && fresh.version !== version) {
          version = fresh.version;
          card = briefingCard(this.services, fresh);
        }
        return true;
      },
    });
    this.alive();
    const left = await this.repo.countBehind(id, version);
    if (outcome === 'stopped' || left > 0) return { briefingId: id, op: 'update', counts, incomplete: true };
    await this.finishLease(id);
    await this.repo.mutateBriefing(id, (x) => (x.syncedVersion >= version ? undefined : { ...x, syncedVersion: version }));
    await progress.finish(counts);
    return { briefingId: id, op: 'update', counts };
  }

  private async finishLease(briefingId: string, phase?: 'done' | 'cancelled') {
    const at = this.at();
    await this.repo.broadcasts.mutate('broadcast', briefingId, (l) =>
      l.holder !== this.workerId ? undefined : { ...l, leaseUntil: 0, ...(phase ? { phase, finishedAt: at } : {}), updatedAt: at },
    );
  }

  /**
   * Wraps a connector request so `onWire` counts it from the moment it leaves until its outcome is
   * recorded: exactly the messages a crash could cause to be sent twice.
   */
  private onTheWire<T>(request: () => Promise<T>, flag: { started: boolean }): () => Promise<T> {
    return () => {
      if (!flag.started) {
        flag.started = true;
        this.onWire++;
        this.maxOnWire = Math.max(this.maxOnWire, this.onWire);
      }
      return request();
    };
  }

  /** Step 3: one message, opening a 1:1 chat first when the member has none yet. */
  private async sendOne(d: Stored<Delivery>, card: AdaptiveCard, version: number, summary: string) {
    this.alive();
    const flag = { started: false };
    try {
      let ref: ConversationRef = d.ref;
      const extra: Partial<Delivery> = {};
      if (d.needsOpen && d.userId) {
        const opened = await withRetries(this.bucket, () => this.sender.openPersonal(d.ref, d.userId!, d.ref.conversation.tenantId), this.alive);
        const r = opened.result as typeof opened.result & { conversationId?: string };
        this.alive();
        if (!r.ok || !r.conversationId) return await recordSend(this.repo, d, opened.result, this.at(), version);
        ref = { ...d.ref, conversation: { id: r.conversationId, tenantId: d.ref.conversation.tenantId, conversationType: 'personal' }, user: { id: d.userId } };
        Object.assign(extra, { ref, needsOpen: false });
        await this.rememberPersonal(d.memberId, ref);
      }
      const { result } = await withRetries(this.bucket, this.onTheWire(() => this.sender.send(ref, { card, summary }), flag), this.alive);
      this.alive();
      const status = await recordSend(this.repo, d, result, this.at(), version, extra);
      if (status === 'unreachable' && d.memberId) await this.services.members.markUnreachable(d.memberId).catch(() => undefined);
      return status;
    } finally {
      if (flag.started) this.onWire--;
    }
  }

  private async updateOne(d: Stored<Delivery>, card: AdaptiveCard, version: number) {
    this.alive();
    if (!d.activityId) return recordUpdate(this.repo, d, { ok: false, status: 0, kind: 'failed', code: 'NoActivityId' }, this.at(), version);
    const flag = { started: false };
    try {
      const { result } = await withRetries(this.bucket, this.onTheWire(() => this.sender.update(d.ref, d.activityId!, { card }), flag), this.alive);
      this.alive();
      return await recordUpdate(this.repo, d, result, this.at(), version);
    } finally {
      if (flag.started) this.onWire--;
    }
  }

  private async rememberPersonal(memberId: string | undefined, ref: ConversationRef) {
    if (!memberId) return;
    await this.services.members.members
      .mutate(memberId, this.services.partnershipId, (m) => (m.personal ? undefined : { ...m, personal: ref, updatedAt: this.at() }))
      .catch(() => undefined);
  }

  /**
   * Keeps SEND_CONCURRENCY requests going: a feeder claims the next page while the current one is
   * still being sent, so the bucket never waits on Cosmos. A lease renewal runs alongside.
   */
  private async pump(p: {
    claim: (holding: Set<string>) => Promise<Stored<Delivery>[]>;
    perform: (d: Stored<Delivery>) => Promise<void>;
    renew: () => Promise<boolean>;
  }): Promise<'done' | 'stopped'> {
    const queue: Stored<Delivery>[] = [];
    const holding = new Set<string>();
    let exhausted = false;
    let stop = false;
    let failure: unknown;
    let feeding: Promise<void> | undefined;
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
        }
      };
      // .finally keeps the reset asynchronous, so it always runs after `feeding` is assigned.
      feeding = run()
        .catch(fail)
        .finally(() => (feeding = undefined));
      return feeding;
    };
    let renewing = false;
    const timer = setInterval(() => {
      if (this.dead) stop = true;
      if (renewing || stop) return;
      renewing = true;
      p.renew()
        .then((ok) => {
          if (!ok) stop = true;
        })
        .catch(fail)
        .finally(() => (renewing = false));
    }, this.opts.renewMs ?? BROADCAST_LEASE_RENEW_MS);
    const worker = async () => {
      while (!stop) {
        if (queue.length < CLAIM_LOW_WATER && !exhausted) void feed();
        const d = queue.shift();
        if (!d) {
          if (feeding) {
            await feeding;
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
      await Promise.all(Array.from({ length: this.opts.concurrency ?? SEND_CONCURRENCY }, worker));
    } finally {
      clearInterval(timer);
    }
    if (failure) throw failure;
    return stop ? 'stopped' : 'done';
  }
}

/** The notification line Teams shows before the card is opened. */
function summaryOf(b: Briefing) {
  return `7-minute briefing: ${b.title}`.slice(0, 120);
}

const engines = new WeakMap<Services, BroadcastEngine>();

/** The engine of this process (one per Services), so verbs, the sweep and tests share its bucket and runs. */
export function broadcastEngine(services: Services, opts?: EngineOptions): BroadcastEngine {
  let e = engines.get(services);
  if (!e) engines.set(services, (e = new BroadcastEngine(services, opts)));
  return e;
}

/** Replaces the process's engine (tests inject a sender; the benchmark a bucket). */
export function setBroadcastEngine(services: Services, engine: BroadcastEngine) {
  engines.set(services, engine);
}
