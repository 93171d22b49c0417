import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { idFromExternal } from '../ids';
import { ConversationSchema, MemberSchema, type Conversation, type ConversationRef, type Member } from './schema';
import type { Role } from '../../content/schema/partnership';

export interface SeenMember {
  id: string;
  userId: string;
  name: string;
  tenantId?: string;
  ref: ConversationRef;
  personal: boolean;
}

export class MembersRepository {
  readonly members: Repository<typeof MemberSchema>;
  readonly conversations: Repository<typeof ConversationSchema>;

  constructor(
    store: Store,
    readonly partnershipId: string,
    private readonly admins: string[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.members = new Repository(store, 'members', MemberSchema, 'member');
    this.conversations = new Repository(store, 'members', ConversationSchema, 'conversation');
  }

  get(id: string) {
    return this.members.get(id, this.partnershipId);
  }

  /**
   * Records that a member spoke to the bot (or was seen in a roster) and returns the stored member.
   * Configured business-unit admins get their role once, on first sight, so a new install has someone
   * who can grant roles; after that the role is the business unit's to revoke like any other.
   */
  async ensure(seen: SeenMember): Promise<Stored<Member>> {
    return (await this.ensureTracked(seen)).doc;
  }

  /** As ensure(), also saying whether the member's 1:1 conversation is new to us (so callers write it once). */
  async ensureTracked(seen: SeenMember): Promise<{ doc: Stored<Member>; personalChanged: boolean }> {
    const at = this.now().toISOString();
    const existing = await this.get(seen.id);
    const bootstrapRoles: Role[] = this.admins.includes(seen.id) ? ['businessUnit'] : [];
    if (!existing) {
      const created = await this.members.createIfAbsent({
        type: 'member',
        id: seen.id,
        pk: this.partnershipId,
        userId: seen.userId,
        name: seen.name,
        tenantId: seen.tenantId,
        roles: bootstrapRoles,
        ...(bootstrapRoles.length ? { bootstrapped: true } : {}),
        personal: seen.personal ? seen.ref : undefined,
        seenIn: seen.personal ? undefined : seen.ref,
        reachable: true,
        prefs: {},
        createdAt: at,
        updatedAt: at,
      });
      if (created.doc) return { doc: created.doc, personalChanged: seen.personal };
    }
    let personalChanged = false;
    const { doc } = await this.members.mutate(seen.id, this.partnershipId, (m) => {
      personalChanged = seen.personal && m.personal?.conversation.id !== seen.ref.conversation.id;
      const needsRole = !m.bootstrapped && bootstrapRoles.some((r) => !m.roles.includes(r));
      const nameChanged = seen.name && m.name !== seen.name;
      const lacksSeen = !seen.personal && !m.seenIn;
      if (!personalChanged && !needsRole && !nameChanged && m.reachable !== false && !lacksSeen) return undefined;
      return {
        ...m,
        name: seen.name || m.name,
        userId: seen.userId,
        personal: personalChanged ? seen.ref : m.personal,
        seenIn: lacksSeen ? seen.ref : m.seenIn,
        roles: needsRole ? [...new Set([...m.roles, ...bootstrapRoles])] : m.roles,
        bootstrapped: needsRole || m.bootstrapped || undefined,
        reachable: seen.personal ? true : m.reachable,
        unreachableSince: seen.personal ? undefined : m.unreachableSince,
        updatedAt: at,
      };
    });
    return { doc, personalChanged };
  }

  async setRoles(id: string, change: (roles: Role[]) => Role[], agency?: string) {
    return this.members.mutate(id, this.partnershipId, (m) => {
      const roles = [...new Set(change(m.roles))].sort();
      if (roles.join() === [...m.roles].sort().join() && (agency === undefined || agency === m.agency)) return undefined;
      return { ...m, roles, agency: agency ?? m.agency, updatedAt: this.now().toISOString() };
    });
  }

  async markUnreachable(id: string) {
    return this.members.mutate(id, this.partnershipId, (m) =>
      m.reachable === false ? undefined : { ...m, reachable: false, unreachableSince: this.now().toISOString(), updatedAt: this.now().toISOString() },
    );
  }

  async setPref(id: string, key: string, value: unknown) {
    return this.members.mutate(id, this.partnershipId, (m) => ({ ...m, prefs: { ...m.prefs, [key]: value }, updatedAt: this.now().toISOString() }));
  }

  all() {
    return this.members.query('c.pk = @pk', [{ name: '@pk', value: this.partnershipId }]);
  }

  withRole(role: Role) {
    return this.members.query('c.pk = @pk AND ARRAY_CONTAINS(c.roles, @role)', [
      { name: '@pk', value: this.partnershipId },
      { name: '@role', value: role },
    ]);
  }

  byAgency(agency: string) {
    return this.members.query('c.pk = @pk AND c.agency = @agency', [
      { name: '@pk', value: this.partnershipId },
      { name: '@agency', value: agency },
    ]);
  }

  /** Finds members whose name contains the text (case-insensitive), for commands like `grant dsp Jo Bloggs`. */
  async findByName(text: string) {
    const needle = text.trim().toLowerCase();
    if (!needle) return [];
    return this.members.query('c.pk = @pk AND CONTAINS(LOWER(c.name), @needle)', [
      { name: '@pk', value: this.partnershipId },
      { name: '@needle', value: needle },
    ]);
  }

  conversationId(conversationId: string) {
    return idFromExternal('conv', conversationId);
  }

  async saveConversation(c: Omit<Conversation, 'type' | 'id' | 'pk' | 'updatedAt'>) {
    return this.conversations.upsert({
      ...c,
      type: 'conversation',
      id: this.conversationId(c.ref.conversation.id),
      pk: this.partnershipId,
      updatedAt: this.now().toISOString(),
    });
  }

  getConversation(id: string) {
    return this.conversations.get(id, this.partnershipId);
  }

  installedConversations(kind?: Conversation['kind']) {
    return this.conversations.query(
      kind ? 'c.pk = @pk AND c.installed = true AND c.kind = @kind' : 'c.pk = @pk AND c.installed = true',
      [{ name: '@pk', value: this.partnershipId }, ...(kind ? [{ name: '@kind', value: kind }] : [])],
    );
  }
}
