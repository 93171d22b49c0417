import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { ConflictError, StorageError, translate } from '../errors';
import { idFromExternal } from '../ids';
import {
  ActionSchema,
  IndexShardSchema,
  OwnerIndexSchema,
  ReferenceClaimSchema,
  ReferenceCounterSchema,
  type Action,
  type IndexEntry,
} from './schema';

export class DuplicateReferenceError extends StorageError {}

/** What the partnership's figures (bot/numbers) read about an action: no titles, notes or evidence. */
export const ActionFigureRowSchema = ActionSchema.pick({ id: true, source: true, priority: true, createdAt: true, dueDate: true, status: true, closedOn: true, history: true });
export type ActionFigureRow = z.infer<typeof ActionFigureRowSchema>;
export class HistoryRewriteError extends StorageError {}

/** Statuses after which an action needs nothing more from its owner. */
export const CLOSED_STATUSES: readonly Action['status'][] = ['completed', 'cancelled'];
export const isClosed = (status: Action['status']) => CLOSED_STATUSES.includes(status);

export interface IndexTuning {
  /** How many shard documents hold the partnership index; more shards = smaller documents, more reads per sweep. */
  shards: number;
  /** Closed actions stay in the index this many days, long enough for "completed this quarter" and year-end figures. */
  keepClosedDays: number;
}

export const DEFAULT_INDEX_TUNING: IndexTuning = { shards: 32, keepClosedDays: 400 };

export function toEntry(a: Action): IndexEntry {
  const pending = a.extensions.some((e) => !e.decision);
  return {
    id: a.id,
    ref: a.reference,
    title: a.title.length > 120 ? `${a.title.slice(0, 117)}...` : a.title,
    owner: a.ownerId,
    agency: a.ownerAgency,
    group: a.group,
    priority: a.priority,
    due: a.dueDate,
    dueSetOn: a.dueSetOn,
    status: a.status,
    ...(pending ? { ext: true } : {}),
    ...(a.closedOn ? { closedOn: a.closedOn } : {}),
  };
}

export function normaliseReference(reference: string): string {
  return reference.trim().toUpperCase().replace(/\s+/g, '');
}

function shardOf(id: string, shards: number): number {
  return createHash('sha1').update(id).digest().readUInt32BE(0) % shards;
}

const sameHistoryPrefix = (before: Action['history'], after: Action['history']) =>
  after.length >= before.length && before.every((h, i) => JSON.stringify(h) === JSON.stringify(after[i]));

/**
 * The action tracker's storage: action documents plus the index documents that keep the hot paths
 * (my actions, the nudge sweep, the summary) to point reads. Index writes follow the action write;
 * the sweep re-reads every action it is about to nudge and repairs a stale entry.
 */
export class ActionsRepository {
  readonly actions: Repository<typeof ActionSchema>;
  readonly shards: Repository<typeof IndexShardSchema>;
  readonly owners: Repository<typeof OwnerIndexSchema>;
  readonly refs: Repository<typeof ReferenceClaimSchema>;
  readonly counters: Repository<typeof ReferenceCounterSchema>;

  constructor(
    store: Store,
    readonly partnershipId: string,
    readonly tuning: IndexTuning = DEFAULT_INDEX_TUNING,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.actions = new Repository(store, 'actions', ActionSchema, 'action');
    this.shards = new Repository(store, 'actions', IndexShardSchema, 'actionIndexShard');
    this.owners = new Repository(store, 'actions', OwnerIndexSchema, 'actionOwnerIndex');
    this.refs = new Repository(store, 'actions', ReferenceClaimSchema, 'actionReference');
    this.counters = new Repository(store, 'actions', ReferenceCounterSchema, 'actionCounter');
  }

  get(id: string) {
    return this.actions.get(id, this.partnershipId);
  }

  async byReference(reference: string): Promise<Stored<Action> | undefined> {
    const claim = await this.refs.get(this.refId(reference), this.partnershipId);
    return claim ? this.get(claim.actionId) : undefined;
  }

  refId(reference: string) {
    return idFromExternal('aref', normaliseReference(reference));
  }

  ownerIndexId(ownerId: string) {
    return idFromExternal('aowner', ownerId);
  }

  shardId(n: number) {
    return `action-index-${n}`;
  }

  /** The next free generated reference for a prefix and year, e.g. RR-2026-004. */
  async nextReference(prefix: string, year: number): Promise<string> {
    const id = `counter-${prefix}-${year}`;
    for (;;) {
      const existing = await this.counters.get(id, this.partnershipId);
      let n: number;
      if (!existing) {
        const { created } = await this.counters.createIfAbsent({ type: 'actionCounter', id, pk: this.partnershipId, next: 2 });
        if (!created) continue;
        n = 1;
      } else {
        const { doc } = await this.counters.mutate(id, this.partnershipId, (c) => ({ ...c, next: c.next + 1 }));
        n = doc.next - 1;
      }
      const reference = `${prefix}-${year}-${String(n).padStart(3, '0')}`;
      // A hand-typed reference may already use the number; skip it rather than fail.
      if (!(await this.refs.get(this.refId(reference), this.partnershipId))) return reference;
    }
  }

  /** Creates the action after claiming its reference; throws DuplicateReferenceError when the reference is taken. */
  async create(action: Action): Promise<Stored<Action>> {
    try {
      await this.refs.create({ type: 'actionReference', id: this.refId(action.reference), pk: this.partnershipId, reference: action.reference, actionId: action.id });
    } catch (e) {
      if (e instanceof ConflictError) throw new DuplicateReferenceError(`reference ${action.reference} is already used`);
      throw e;
    }
    let saved: Stored<Action>;
    try {
      saved = await this.actions.create(action);
    } catch (e) {
      // Give the reference back so the same row can be tried again.
      await this.refs.delete(this.refId(action.reference), this.partnershipId).catch(() => undefined);
      throw e;
    }
    await this.syncIndexes(undefined, saved);
    return saved;
  }

  /**
   * Writes `next` only if the stored action still has `current`'s ETag (StaleError otherwise), so a
   * change made from an out-of-date card never overwrites someone else's.
   */
  async replaceChecked(current: Stored<Action>, next: Action): Promise<Stored<Action>> {
    if (!sameHistoryPrefix(current.history, next.history)) throw new HistoryRewriteError('action history is append-only');
    const saved = await this.actions.replace({ ...next, _etag: current._etag });
    await this.syncIndexes(current, saved);
    return saved;
  }

  /** Brings the index documents in line with one action's change. */
  async syncIndexes(before: Pick<Action, 'ownerId'> | undefined, after: Action): Promise<void> {
    const entry = toEntry(after);
    const at = this.now().toISOString();
    const work: Promise<unknown>[] = [this.putInShard(entry, at)];
    if (before && before.ownerId !== after.ownerId) work.push(this.putForOwner(before.ownerId, after.id, undefined, at));
    work.push(this.putForOwner(after.ownerId, after.id, isClosed(after.status) ? undefined : entry, at));
    await Promise.all(work);
  }

  private async putInShard(entry: IndexEntry, at: string) {
    const n = shardOf(entry.id, this.tuning.shards);
    const id = this.shardId(n);
    const keepFrom = new Date(this.now().getTime() - this.tuning.keepClosedDays * 86_400_000).toISOString().slice(0, 10);
    const apply = (entries: IndexEntry[]) => [
      ...entries.filter((e) => e.id !== entry.id && (!e.closedOn || e.closedOn >= keepFrom)),
      entry,
    ];
    if (!(await this.shards.get(id, this.partnershipId))) {
      const { created } = await this.shards.createIfAbsent({ type: 'actionIndexShard', id, pk: this.partnershipId, shard: n, entries: [entry], updatedAt: at });
      if (created) return;
    }
    await this.shards.mutate(id, this.partnershipId, (s) => ({ ...s, entries: apply(s.entries), updatedAt: at }), 20);
  }

  private async putForOwner(ownerId: string, actionId: string, entry: IndexEntry | undefined, at: string) {
    const id = this.ownerIndexId(ownerId);
    if (!(await this.owners.get(id, this.partnershipId))) {
      if (!entry) return;
      const { created } = await this.owners.createIfAbsent({ type: 'actionOwnerIndex', id, pk: this.partnershipId, ownerId, entries: [entry], updatedAt: at });
      if (created) return;
    }
    await this.owners.mutate(
      id,
      this.partnershipId,
      (o) => {
        const had = o.entries.some((e) => e.id === actionId);
        if (!had && !entry) return undefined;
        const entries = o.entries.filter((e) => e.id !== actionId);
        return { ...o, entries: entry ? [...entries, entry] : entries, updatedAt: at };
      },
      20,
    );
  }

  /** An owner's actions that still need something from them. */
  async ownerEntries(ownerId: string): Promise<IndexEntry[]> {
    return (await this.owners.get(this.ownerIndexId(ownerId), this.partnershipId))?.entries ?? [];
  }

  /** Every indexed action (open, and closed within the retention window). */
  async allEntries(): Promise<IndexEntry[]> {
    const shards = await Promise.all(Array.from({ length: this.tuning.shards }, (_, n) => this.shards.get(this.shardId(n), this.partnershipId)));
    return shards.flatMap((s) => s?.entries ?? []);
  }

  /**
   * Every action created before `before` (an ISO instant), projected to what the figures need. A scan,
   * so it serves the on-demand report and the quarterly post, never a per-turn path.
   */
  async figureRows(before: string): Promise<ActionFigureRow[]> {
    let rows: unknown[];
    try {
      rows = (
        await this.actions.container.items
          .query({
            query: 'SELECT c.id, c.source, c.priority, c.createdAt, c.dueDate, c.status, c.closedOn, c.history FROM c WHERE c.pk = @pk AND c.type = "action" AND c.createdAt < @before',
            parameters: [{ name: '@pk', value: this.partnershipId }, { name: '@before', value: before }],
          })
          .fetchAll()
      ).resources;
    } catch (e) {
      throw translate(e);
    }
    return rows.map((r) => ActionFigureRowSchema.parse(r));
  }

  /** Reads many actions with bulk reads (100 per request) instead of one request each. */
  async readMany(ids: string[], chunk = 100, concurrency = 4): Promise<Map<string, Stored<Action>>> {
    const out = new Map<string, Stored<Action>>();
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += chunk) batches.push(ids.slice(i, i + chunk));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const res = await this.actions.container.items.bulk(batch.map((id) => ({ operationType: 'Read' as const, id, partitionKey: this.partnershipId })));
        for (const r of res) {
          if (r.statusCode !== 200 || !r.resourceBody) continue;
          const a = this.actions.parse(r.resourceBody);
          out.set(a.id, a);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    return out;
  }

  /** Loads many actions at once (benchmark and demo): bulk writes for documents, indexes built in memory. */
  async seedMany(actions: Action[]): Promise<void> {
    const container = this.actions.container;
    const chunk = 100;
    const bulk = async (ops: { operationType: 'Create' | 'Upsert'; resourceBody: object }[]) => {
      for (let i = 0; i < ops.length; i += chunk) {
        const res = await container.items.bulk(ops.slice(i, i + chunk) as never);
        const failed = res.find((r) => r.statusCode >= 400);
        if (failed) throw new StorageError(`bulk write failed with status ${failed.statusCode}`);
      }
    };
    const valid = actions.map((a) => ActionSchema.parse(a));
    await bulk(valid.map((a) => ({ operationType: 'Upsert', resourceBody: a })));
    await bulk(valid.map((a) => ({ operationType: 'Upsert', resourceBody: { type: 'actionReference', id: this.refId(a.reference), pk: this.partnershipId, reference: a.reference, actionId: a.id } })));
    const at = this.now().toISOString();
    const existing = await this.allEntries();
    const byShard = new Map<number, IndexEntry[]>();
    const seeded = new Set(valid.map((a) => a.id));
    for (const e of [...existing.filter((x) => !seeded.has(x.id)), ...valid.map(toEntry)]) {
      const n = shardOf(e.id, this.tuning.shards);
      const list = byShard.get(n) ?? [];
      list.push(e);
      byShard.set(n, list);
    }
    await bulk([...byShard].map(([n, entries]) => ({ operationType: 'Upsert', resourceBody: { type: 'actionIndexShard', id: this.shardId(n), pk: this.partnershipId, shard: n, entries, updatedAt: at } })));
    const byOwner = new Map<string, IndexEntry[]>();
    for (const e of [...existing.filter((x) => !seeded.has(x.id)), ...valid.map(toEntry)]) {
      if (isClosed(e.status)) continue;
      const list = byOwner.get(e.owner) ?? [];
      list.push(e);
      byOwner.set(e.owner, list);
    }
    await bulk([...byOwner].map(([ownerId, entries]) => ({ operationType: 'Upsert', resourceBody: { type: 'actionOwnerIndex', id: this.ownerIndexId(ownerId), pk: this.partnershipId, ownerId, entries, updatedAt: at } })));
  }
}

