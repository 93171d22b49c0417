import type { Store } from '../cosmos';
import { Repository } from '../repository';
import { GroupSchema, MeetingSchema } from './schema';
import type { ConversationRef as ConversationRefLike } from '../members/schema';

export class MeetingsRepository {
  readonly meetings: Repository<typeof MeetingSchema>;
  readonly groups: Repository<typeof GroupSchema>;

  constructor(
    store: Store,
    readonly partnershipId: string,
    private readonly now: () => Date,
  ) {
    this.meetings = new Repository(store, 'meetings', MeetingSchema, 'meeting');
    this.groups = new Repository(store, 'meetings', GroupSchema, 'meeting-group');
  }

  get(id: string) {
    return this.meetings.get(id, this.partnershipId);
  }

  /** Meetings starting in [from, to), oldest first. */
  between(from: string, to: string, seriesId?: string) {
    return this.meetings.query(
      `c.pk = @pk AND c.startsAt >= @from AND c.startsAt < @to${seriesId ? ' AND c.seriesId = @s' : ''}`,
      [{ name: '@pk', value: this.partnershipId }, { name: '@from', value: from }, { name: '@to', value: to }, ...(seriesId ? [{ name: '@s', value: seriesId }] : [])],
      { orderBy: 'c.startsAt' },
    );
  }

  groupId(seriesId: string) {
    return `group-${seriesId}`;
  }

  getGroup(seriesId: string) {
    return this.groups.get(this.groupId(seriesId), this.partnershipId);
  }

  allGroups() {
    return this.groups.query('c.pk = @pk', [{ name: '@pk', value: this.partnershipId }]);
  }

  /** Changes a group, creating it on first use. */
  async changeGroup(seriesId: string, change: (g: { memberIds: string[]; channel?: ConversationRefLike }) => { memberIds: string[]; channel?: ConversationRefLike }) {
    const at = this.now().toISOString();
    const existing = await this.getGroup(seriesId);
    if (!existing) {
      const next = change({ memberIds: [] });
      const created = await this.groups.createIfAbsent({ type: 'meeting-group', id: this.groupId(seriesId), pk: this.partnershipId, seriesId, ...next, updatedAt: at });
      if (created.doc) return created.doc;
    }
    const { doc } = await this.groups.mutate(this.groupId(seriesId), this.partnershipId, (g) => ({ ...g, ...change({ memberIds: g.memberIds, channel: g.channel }), updatedAt: at }));
    return doc;
  }
}
