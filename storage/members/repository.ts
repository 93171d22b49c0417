import type { OperationInput } from '@azure/cosmos';
import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { idFromExternal } from '../ids';
import { translate } from '../errors';
import { ConversationSchema, DirectoryEntrySchema, MemberSchema, type Conversation, type ConversationRef, type DirectoryEntry, type Member } from './schema';
import type { Role } from '../../content/schema/partnership';

export interface SeenMember {
  id: string;
  userId: string;
  name: string;
  tenantId?: string;
  ref: ConversationRef;
  personal: boolean;
}

/** A person found in a team roster, with the team's conversation to open a 1:1 chat from. */
export interface RosterEntry {
  id: string;
  userId: string;
  name: string;
  email?: string;
  upn?: string;
  tenantId?: string;
}

export class MembersRepository {
  readonly members: Repository<typeof MemberSchema>;
  readonly conversations: Repository<typeof ConversationSchema>;
  readonly directory: Repository<typeof DirectoryEntrySchema>;

  constructor(
    store: Store,
    readonly partnershipId: string,
    private readonly admins: string[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.members = new Repository(store, 'members', MemberSchema, 'member');
    this.conversations = new Repository(store, 'members', ConversationSchema, 'conversation');
    this.directory = new Repository(store, 'members', DirectoryEntrySchema, 'directoryEntry');
  }

  /** Ids only, for a roster's worth of members without loading their documents. */
  private async ids(where: string, parameters: { name: string; value: unknown }[]): Promise<Set<string>> {
    try {
      const { resources } = await this.members.container.items
        .query<{ id: string }>({ query: `SELECT c.id FROM c WHERE c.pk = @pk AND c.type = "member" AND (${where})`, parameters: [{ name: '@pk', value: this.partnershipId }, ...parameters] as never })
        .fetchAll();
      return new Set(resources.map((r) => r.id));
    } catch (e) {
      throw translate(e);
    }
  }

  /** Members whose record lists this team. */
  idsInTeam(teamId: string) {
    return this.ids('ARRAY_CONTAINS(c.teams, @team)', [{ name: '@team', value: teamId }]);
  }

  /** Which of these ids already have a member record. */
  existingIds(ids: string[]) {
    return this.ids('ARRAY_CONTAINS(@ids, c.id)', [{ name: '@ids', value: ids }]);
  }

  /**
   * Records people found in a team's roster: new ones in bulk, known ones only when something changed
   * (a new name, a first sighting in this team, coming back after leaving). Returns how many were new.
   */
  async recordRoster(teamId: string, seenIn: ConversationRef, people: RosterEntry[], directory: ReadonlyMap<string, DirectoryEntry>): Promise<{ added: number; updated: number }> {
    const at = this.now().toISOString();
    const known = await this.existingIds(people.map((p) => p.id));
    const fromDirectory = (p: RosterEntry) => directory.get((p.email ?? '').toLowerCase()) ?? directory.get((p.upn ?? '').toLowerCase());
    const fresh: Member[] = people
      .filter((p) => !known.has(p.id))
      .map((p) => {
        const entry = fromDirectory(p);
        const bootstrap = this.admins.includes(p.id);
        return {
          type: 'member',
          id: p.id,
          pk: this.partnershipId,
          userId: p.userId,
          name: p.name.slice(0, 200),
          tenantId: p.tenantId ?? seenIn.conversation.tenantId,
          agency: entry?.agency,
          roles: [...new Set([...(entry?.roles ?? []), ...(bootstrap ? (['businessUnit'] as Role[]) : [])])],
          ...(bootstrap ? { bootstrapped: true } : {}),
          ...(entry ? { inDirectory: true } : {}),
          seenIn,
          reachable: true,
          prefs: {},
          email: p.email?.slice(0, 320),
          upn: p.upn?.slice(0, 320),
          teams: [teamId],
          createdAt: at,
          updatedAt: at,
        };
      });
    for (let i = 0; i < fresh.length; i += 100) {
      try {
        const results = await this.members.container.items.bulk(fresh.slice(i, i + 100).map((m) => ({ operationType: 'Create', resourceBody: MemberSchema.parse(m) })) as unknown as OperationInput[]);
        const failed = results.find((r) => r.statusCode !== 201 && r.statusCode !== 409);
        if (failed) throw Object.assign(new Error(`bulk create failed with ${failed.statusCode}`), { code: failed.statusCode });
      } catch (e) {
        throw translate(e);
      }
    }
    let updated = 0;
    for (const p of people.filter((x) => known.has(x.id))) {
      const { changed } = await this.members.mutate(p.id, this.partnershipId, (m) => {
        const entry = fromDirectory(p);
        const inTeam = m.teams.includes(teamId);
        const same = inTeam && !m.leftAt && m.name === p.name.slice(0, 200) && m.userId === p.userId && (m.email ?? undefined) === (p.email ?? undefined) && (!entry || m.inDirectory);
        if (same) return undefined;
        return {
          ...m,
          name: p.name.slice(0, 200) || m.name,
          userId: p.userId,
          email: p.email?.slice(0, 320) ?? m.email,
          upn: p.upn?.slice(0, 320) ?? m.upn,
          teams: inTeam ? m.teams : [...m.teams, teamId],
          leftAt: undefined,
          seenIn: m.seenIn ?? seenIn,
          ...(entry && !m.inDirectory ? { agency: entry.agency, roles: [...new Set([...m.roles, ...entry.roles])], inDirectory: true } : {}),
          updatedAt: at,
        };
      });
      if (changed) updated++;
    }
    return { added: fresh.length, updated };
  }

  /**
   * A member is no longer in a team's roster. With no team left (and not in the business unit's
   * directory) they have left the partnership's teams and stop being a recipient.
   */
  async leaveTeam(id: string, teamId: string) {
    const at = this.now().toISOString();
    return this.members.mutate(id, this.partnershipId, (m) => {
      if (!m.teams.includes(teamId)) return undefined;
      const teams = m.teams.filter((t) => t !== teamId);
      return { ...m, teams, leftAt: teams.length === 0 && !m.inDirectory ? at : m.leftAt, updatedAt: at };
    });
  }

  /** The business unit's member directory, by lower-cased address. */
  async directoryMap(): Promise<Map<string, DirectoryEntry>> {
    const entries = await this.directory.query('c.pk = @pk', [{ name: '@pk', value: this.partnershipId }]);
    return new Map(entries.map((e) => [e.id, e]));
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
        teams: [],
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

  /** Members who are still in the partnership: everyone except those who left its teams. */
  async active() {
    return (await this.all()).filter((m) => !m.leftAt);
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
