import type { Store } from '../cosmos';
import { Repository } from '../repository';
import { newId } from '../ids';
import { StaleError, ConflictError } from '../errors';
import { ChangeSchema, LeaseSchema, NotificationSchema, RateBudgetSchema, SettingsSchema, type Change, type Notification } from './schema';

export class SettingsRepository {
  readonly repo: Repository<typeof SettingsSchema>;
  constructor(store: Store, private readonly partnershipId: string) {
    this.repo = new Repository(store, 'settings', SettingsSchema, 'settings');
  }
  get() {
    return this.repo.get('settings', this.partnershipId);
  }
  async setBusinessUnitConversation(conversationId: string) {
    const now = new Date().toISOString();
    const existing = await this.get();
    if (!existing) {
      const r = await this.repo.createIfAbsent({ type: 'settings', id: 'settings', pk: this.partnershipId, businessUnitConversation: conversationId, updatedAt: now });
      if (r.created) return;
    }
    await this.repo.mutate('settings', this.partnershipId, (s) => ({ ...s, businessUnitConversation: conversationId, updatedAt: now }));
  }
}

export type ChangeInput = Omit<Change, 'type' | 'id' | 'pk' | 'at' | 'detail'> & { detail?: Change['detail'] };

/** Append-only: the repository offers create and read, never replace or delete. */
export class AuditLog {
  private readonly repo: Repository<typeof ChangeSchema>;
  constructor(store: Store, private readonly partnershipId: string, private readonly now: () => Date = () => new Date()) {
    this.repo = new Repository(store, 'auditLog', ChangeSchema, 'change');
  }
  async record(change: ChangeInput): Promise<void> {
    await this.repo.create({ ...change, detail: change.detail ?? {}, type: 'change', id: newId(), pk: this.partnershipId, at: this.now().toISOString() });
  }
  recent(limit = 50, entityId?: string) {
    return this.repo.query(entityId ? 'c.pk = @pk AND c.entityId = @e' : 'c.pk = @pk', [
      { name: '@pk', value: this.partnershipId },
      ...(entityId ? [{ name: '@e', value: entityId }] : []),
    ], { orderBy: 'c.at DESC', top: limit });
  }
}

/**
 * A lease held in Cosmos so that only one bot instance runs a given sweep at a time. Taking it is a
 * conditional write on the lease's ETag: two instances racing for an expired lease cannot both win.
 */
export class Leases {
  private readonly repo: Repository<typeof LeaseSchema>;
  constructor(store: Store, private readonly now: () => number = Date.now) {
    this.repo = new Repository(store, 'leases', LeaseSchema, 'lease');
  }
  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const current = await this.repo.get(name, 'leases');
    if (!current) {
      const { created } = await this.repo.createIfAbsent({ type: 'lease', id: name, pk: 'leases', holder, expiresAt: now + ttlMs });
      return created;
    }
    if (current.holder !== holder && current.expiresAt > now) return false;
    try {
      await this.repo.replace({ ...current, holder, expiresAt: now + ttlMs });
      return true;
    } catch (e) {
      if (e instanceof StaleError || e instanceof ConflictError) return false;
      throw e;
    }
  }
  async release(name: string, holder: string): Promise<void> {
    const current = await this.repo.get(name, 'leases');
    if (!current || current.holder !== holder) return;
    try {
      await this.repo.replace({ ...current, expiresAt: 0 });
    } catch (e) {
      if (!(e instanceof StaleError)) throw e;
    }
  }
}

export class Notifications {
  readonly repo: Repository<typeof NotificationSchema>;
  constructor(store: Store, private readonly partnershipId: string, private readonly now: () => Date = () => new Date()) {
    this.repo = new Repository(store, 'notifications', NotificationSchema, 'notification');
  }
  /**
   * Claims a notification by creating its deterministic id. Returns the claim, or undefined when
   * another sweep (or instance) already claimed it.
   */
  async claim(n: Pick<Notification, 'id' | 'feature' | 'kind' | 'subjectId' | 'recipientId'>) {
    const { created, doc } = await this.repo.createIfAbsent({
      ...n,
      type: 'notification',
      pk: this.partnershipId,
      status: 'pending',
      attempts: 0,
      createdAt: this.now().toISOString(),
    });
    return created ? doc : undefined;
  }
  async settle(id: string, outcome: Pick<Notification, 'status' | 'activityId' | 'error'>) {
    return this.repo.mutate(id, this.partnershipId, (n) => ({
      ...n,
      ...outcome,
      attempts: n.attempts + 1,
      sentAt: outcome.status === 'sent' ? this.now().toISOString() : n.sentAt,
    }));
  }
  /** Claims left pending by a crash between claim and send, so a later sweep can finish them. */
  stalePending(olderThan: Date) {
    return this.repo.query('c.pk = @pk AND c.status = "pending" AND c.createdAt < @t', [
      { name: '@pk', value: this.partnershipId },
      { name: '@t', value: olderThan.toISOString() },
    ]);
  }
}

/**
 * The outbound rate budget in Cosmos, so several instances together never exceed Teams' limit: the
 * slots recently handed out are kept in one document per tenant, and each reservation adds to them
 * with an ETag-guarded replace, so two instances can never be handed the same slot.
 */
export class CosmosRateBudget {
  private readonly repo: Repository<typeof RateBudgetSchema>;
  constructor(store: Store) {
    this.repo = new Repository(store, 'leases', RateBudgetSchema, 'rateBudget');
  }

  private id(key: string) {
    return `rate-${key}`.slice(0, 200);
  }

  async reserve(key: string, plan: (state: { recent: number[]; pausedUntil: number }) => { slots: number[]; earliest: number[]; state: { recent: number[]; pausedUntil: number } }): Promise<{ slots: number[]; earliest: number[] }> {
    const id = this.id(key);
    for (let attempt = 0; ; attempt++) {
      const current = await this.repo.get(id, 'leases');
      const { slots, earliest, state } = plan({ recent: current?.recent ?? [], pausedUntil: current?.pausedUntil ?? 0 });
      const next = { type: 'rateBudget' as const, id, pk: 'leases' as const, recent: state.recent, pausedUntil: state.pausedUntil };
      try {
        if (current) await this.repo.replace({ ...next, _etag: current._etag });
        else await this.repo.create(next);
        return { slots, earliest };
      } catch (e) {
        if (!(e instanceof StaleError || e instanceof ConflictError) || attempt >= 20) throw e;
      }
    }
  }

  async pauseUntil(key: string, untilMs: number): Promise<void> {
    const id = this.id(key);
    const current = await this.repo.get(id, 'leases');
    if (!current) {
      await this.repo.createIfAbsent({ type: 'rateBudget', id, pk: 'leases', recent: [], pausedUntil: untilMs });
      return;
    }
    await this.repo.mutate(id, 'leases', (b) => (b.pausedUntil >= untilMs ? undefined : { ...b, pausedUntil: untilMs }));
  }
}
