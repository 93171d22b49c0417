import type { OperationInput } from '@azure/cosmos';
import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { deterministicId } from '../ids';
import { translate } from '../errors';
import {
  BriefingSchema,
  BroadcastSchema,
  DeliverySchema,
  ResponseSchema,
  type Briefing,
  type Delivery,
  type DeliveryStatus,
} from './schema';

export type DeliveryCounts = Record<DeliveryStatus, number>;

export const emptyCounts = (): DeliveryCounts => ({ queued: 0, sending: 0, sent: 0, failed: 0, unreachable: 0 });

export class BriefingsRepository {
  readonly briefings: Repository<typeof BriefingSchema>;
  readonly deliveries: Repository<typeof DeliverySchema>;
  readonly broadcasts: Repository<typeof BroadcastSchema>;
  readonly responses: Repository<typeof ResponseSchema>;

  constructor(
    private readonly store: Store,
    readonly partnershipId: string,
  ) {
    this.briefings = new Repository(store, 'briefings', BriefingSchema, 'briefing');
    this.deliveries = new Repository(store, 'deliveries', DeliverySchema, 'delivery');
    this.broadcasts = new Repository(store, 'deliveries', BroadcastSchema, 'broadcast');
    this.responses = new Repository(store, 'deliveries', ResponseSchema, 'response');
  }

  deliveryId(briefingId: string, recipient: string) {
    return deterministicId('delivery', briefingId, recipient);
  }

  responseId(briefingId: string, memberId: string) {
    return deterministicId('response', briefingId, memberId);
  }

  getBriefing(id: string) {
    return this.briefings.get(id, this.partnershipId);
  }

  mutateBriefing(id: string, change: (b: Stored<Briefing>) => Briefing | undefined) {
    return this.briefings.mutate(id, this.partnershipId, change);
  }

  async findByCode(code: string) {
    const found = await this.briefings.query('c.pk = @pk AND c.code = @code', [
      { name: '@pk', value: this.partnershipId },
      { name: '@code', value: code.toUpperCase() },
    ]);
    return found[0];
  }

  drafts(authorId?: string) {
    return this.briefings.query(
      authorId ? 'c.pk = @pk AND c.status = "draft" AND c.authorId = @a' : 'c.pk = @pk AND c.status = "draft"',
      [{ name: '@pk', value: this.partnershipId }, ...(authorId ? [{ name: '@a', value: authorId }] : [])],
      { orderBy: 'c.updatedAt DESC', top: 50 },
    );
  }

  /** Sent (and retracted) briefings, newest first; word and priority filtering happens in memory. */
  library() {
    return this.briefings.query('c.pk = @pk AND (c.status = "sent" OR c.status = "sending" OR c.status = "retracted")', [
      { name: '@pk', value: this.partnershipId },
    ]);
  }

  /** Briefings whose broadcast finished in [from, to) (ISO instants), for the partnership's reach figures. */
  sentBetween(from: string, to: string) {
    return this.briefings.query('c.pk = @pk AND IS_DEFINED(c.sentAt) AND c.sentAt >= @from AND c.sentAt < @to', [
      { name: '@pk', value: this.partnershipId },
      { name: '@from', value: from },
      { name: '@to', value: to },
    ], { orderBy: 'c.sentAt' });
  }

  /** Briefings the sweep must look at: due schedules, running broadcasts and edits not yet delivered. */
  active() {
    return this.briefings.query('c.pk = @pk AND (c.status = "scheduled" OR c.status = "sending" OR ((c.status = "sent" OR c.status = "retracted") AND c.syncedVersion < c.version))', [
      { name: '@pk', value: this.partnershipId },
    ]);
  }

  /**
   * Creates delivery documents in bulk; 409 means a previous (crashed) planning already made it, which
   * is the point. Returns how many this call created.
   */
  async createDeliveries(docs: Delivery[]): Promise<number> {
    if (docs.length === 0) return 0;
    try {
      const results = await this.store.containers.deliveries.items.bulk(
        docs.map((d) => ({ operationType: 'Create', resourceBody: DeliverySchema.parse(d) })) as unknown as OperationInput[],
      );
      let created = 0;
      for (const r of results) {
        if (r.statusCode === 201) created++;
        else if (r.statusCode !== 409) throw Object.assign(new Error(`bulk create failed with ${r.statusCode}`), { code: r.statusCode });
      }
      return created;
    } catch (e) {
      throw translate(e);
    }
  }

  /**
   * Deliveries a worker may take now: queued ones, and `sending` ones whose claim expired (in flight
   * when a worker died). One query per page, because the embedded server scans the container per query.
   */
  claimable(briefingId: string, now: number, top: number) {
    return this.deliveries.query(
      'c.pk = @pk AND (c.status = "queued" OR c.status = "sending") AND c.claimUntil < @now',
      [
        { name: '@pk', value: briefingId },
        { name: '@now', value: now },
      ],
      { top },
    );
  }

  /** Delivered cards that show an older version than the briefing's (edit or retraction pending). */
  behind(briefingId: string, version: number, now: number, top: number) {
    return this.deliveries.query('c.pk = @pk AND c.status = "sent" AND c.shown < @v AND c.claimUntil < @now', [
      { name: '@pk', value: briefingId },
      { name: '@v', value: version },
      { name: '@now', value: now },
    ], { top });
  }

  async countBehind(briefingId: string, version: number) {
    return this.deliveries.count('c.pk = @pk AND c.status = "sent" AND c.shown < @v', [
      { name: '@pk', value: briefingId },
      { name: '@v', value: version },
    ]);
  }

  async counts(briefingId: string): Promise<DeliveryCounts> {
    const out = emptyCounts();
    try {
      const { resources } = await this.store.containers.deliveries.items
        .query<{ status: DeliveryStatus }>({
          query: 'SELECT c.status FROM c WHERE c.pk = @pk AND c.type = "delivery"',
          parameters: [{ name: '@pk', value: briefingId }],
        })
        .fetchAll();
      for (const r of resources) out[r.status] = (out[r.status] ?? 0) + 1;
      return out;
    } catch (e) {
      throw translate(e);
    }
  }

  /** Only the fields reach needs, so a 2,000-recipient briefing does not ship whole documents. */
  async reachRows(briefingId: string) {
    try {
      const { resources } = await this.store.containers.deliveries.items
        .query<{ type: string; status?: DeliveryStatus; kind?: string; agency?: string; roles?: string[]; readAt?: string; useful?: string; reflection?: string }>({
          query: 'SELECT c.type, c.status, c.kind, c.agency, c.roles, c.readAt, c.useful, c.reflection FROM c WHERE c.pk = @pk AND (c.type = "delivery" OR c.type = "response")',
          parameters: [{ name: '@pk', value: briefingId }],
        })
        .fetchAll();
      return resources;
    } catch (e) {
      throw translate(e);
    }
  }

  getBroadcast(briefingId: string) {
    return this.broadcasts.get('broadcast', briefingId);
  }
}
