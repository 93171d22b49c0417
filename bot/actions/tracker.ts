import type { OutMessage, Services, Turn, VerbResult } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Action } from '../../storage/actions/schema';
import type { ActionsRepository } from '../../storage/actions/repository';
import { newId } from '../../storage/ids';
import { StaleError } from '../../storage/errors';
import { londonDate } from '../shared/time/working-days';
import { hasAnyRole } from '../core/roles';
import type { Role } from '../../content/schema/partnership';
import type { NewActionInput } from '../../storage/actions/schema';
import { labelsFor } from './labels';
import { actionCard, type ActionCardOptions, type FormKey } from './action-card';
import { listCard } from './list-card';
import type { Actor, Moment, Outcome } from './transitions';
import { authority } from './transitions';

/** Roles that may read the whole tracker (owners always see their own actions). */
export const TRACKER_ROLES: Role[] = ['businessUnit', 'chair', 'dsp', 'lsp'];

/** A problem with what the user asked for, to be shown to them as it is. */
export class TrackerInputError extends Error {}

/**
 * The tracker's operations over the stored actions. It keeps nothing between calls (the documents
 * are in Cosmos, the repository in Services), so commands, verbs, the sweep and the API other
 * features use can each hold their own.
 */
export class Tracker {
  readonly repo: ActionsRepository;
  readonly labels;
  constructor(readonly services: Services) {
    this.repo = services.repos.actions;
    this.labels = labelsFor(services.content);
  }

  get rules() {
    return this.services.content.actions.nudges;
  }
  get amber() {
    return this.services.content.actions.amberWithinWorkingDays;
  }
  today(): string {
    return londonDate(this.services.clock.now());
  }
  moment(): Moment {
    const now = this.services.clock.now();
    return { at: now.toISOString(), today: londonDate(now) };
  }
  actor(m: Stored<Member>): Actor {
    return { id: m.id, name: m.name, roles: m.roles };
  }

  canView(m: Stored<Member>, a: Pick<Action, 'ownerId'>): boolean {
    return a.ownerId === m.id || hasAnyRole(m.roles, TRACKER_ROLES);
  }

  async ownerChoices(): Promise<{ title: string; value: string }[]> {
    const all = await this.services.members.all();
    return all
      .filter((m) => m.name)
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, 150)
      .map((m) => ({ title: `${m.name}${m.agency ? ` (${this.labels.agency(m.agency)})` : ''}`, value: m.id }));
  }

  card(a: Stored<Action>, viewer: Stored<Member>, o: Partial<ActionCardOptions> = {}) {
    return actionCard(a, { viewer: this.actor(viewer), today: this.today(), amberWithinWorkingDays: this.amber, labels: this.labels, refreshUserIds: viewer.id === a.ownerId ? [viewer.userId] : [], ...o });
  }

  notFoundCard(what = 'that action') {
    return listCard({ heading: `I cannot find ${what}`, intro: 'It may have been removed, or the card is out of date. Type **my actions** or **tracker** to see the current list.', rows: [], today: this.today(), amberWithinWorkingDays: this.amber });
  }

  /** Creates an action, records it and sends the owner their card. */
  async create(input: NewActionInput, actor: { id: string; name: string }, opts: { notify?: boolean } = {}): Promise<{ action: Stored<Action>; delivered: boolean }> {
    const owner = await this.services.members.get(input.ownerId);
    if (!owner) throw new TrackerInputError('I do not know the owner yet: they need to have said hello to the bot first.');
    const m = this.moment();
    const reference = input.reference?.trim() || (await this.repo.nextReference(this.labels.sourcePrefix(input.source), Number(m.today.slice(0, 4))));
    const action: Action = {
      type: 'action',
      id: newId(),
      pk: this.services.partnershipId,
      reference,
      title: input.title.trim(),
      description: input.description?.trim() ?? '',
      source: input.source,
      sourceRef: input.sourceRef,
      priority: input.priority || undefined,
      ownerId: owner.id,
      ownerName: owner.name,
      ownerAgency: input.ownerAgency || owner.agency,
      group: input.group || this.labels.defaultGroup(input.source),
      dueDate: input.dueDate,
      dueSetOn: m.today,
      status: 'open',
      notes: [],
      extensions: [],
      history: [{ at: m.at, by: actor.id, byName: actor.name, what: 'created', detail: { source: input.source, due: input.dueDate } }],
      createdAt: m.at,
      createdBy: actor.id,
      updatedAt: m.at,
    };
    const saved = await this.repo.create(action);
    await this.services.audit.record({ actorId: actor.id, feature: 'actions', action: 'create', entityType: 'action', entityId: saved.id, afterEtag: saved._etag, detail: { source: saved.source, due: saved.dueDate } });
    if (opts.notify === false) return { action: saved, delivered: false };
    const delivered = await this.sendToOwner(saved, owner, `New action for you from ${actor.name || 'the partnership business unit'}. Please acknowledge it.`);
    return { action: saved, delivered };
  }

  /** Sends an action's card to its owner in their 1:1 chat; false when they cannot be reached. */
  async sendToOwner(a: Stored<Action>, owner?: Stored<Member>, banner?: string): Promise<boolean> {
    const member = owner ?? (await this.services.members.get(a.ownerId));
    if (!member) return false;
    const result = await this.services.messenger.sendToMember(member, { card: this.card(a, member, banner ? { banner: { text: banner, tone: 'info' } } : {}), summary: `${a.reference}: ${a.title}` });
    if (!result.ok) this.services.log.info({ event: 'actions-owner-unreachable', kind: result.kind }, 'could not send an action card to its owner');
    return result.ok;
  }

  /**
   * Loads an action, applies one change from a card with the card's ETag, records it and answers with
   * the refreshed card. Refusals and rule failures change nothing and keep what the user typed.
   */
  async change(
    turn: Turn,
    args: { id: string; etag?: string; form?: FormKey; values?: Record<string, unknown>; done: string },
    op: (a: Action, actor: Actor, m: Moment) => Outcome,
    after?: (saved: Stored<Action>, before: Stored<Action>) => Promise<void>,
  ): Promise<VerbResult> {
    const current = await this.repo.get(args.id);
    if (!current) return { card: this.notFoundCard() };
    const viewer = turn.member;
    if (!this.canView(viewer, current) && !authority(current, this.actor(viewer)).any) {
      return { message: 'Only the owner of this action, the business unit or the chair can change it. Nothing has been changed.' };
    }
    if (args.etag !== undefined && args.etag !== current._etag) {
      return { card: this.card(current, viewer, { banner: { text: STALE_MESSAGE, tone: 'error' }, open: args.form, values: args.values }) };
    }
    const out = op(current, this.actor(viewer), this.moment());
    if (!out.ok) return { card: this.card(current, viewer, { banner: { text: out.message, tone: 'error' }, open: args.form, values: args.values }) };
    let saved: Stored<Action>;
    try {
      saved = await this.repo.replaceChecked(current, out.next);
    } catch (e) {
      if (e instanceof StaleError) {
        const fresh = (await this.repo.get(args.id)) ?? current;
        return { card: this.card(fresh, viewer, { banner: { text: STALE_MESSAGE, tone: 'error' }, open: args.form, values: args.values }) };
      }
      throw e;
    }
    await this.services.audit.record({ actorId: viewer.id, feature: 'actions', action: out.what, entityType: 'action', entityId: saved.id, beforeEtag: current._etag, afterEtag: saved._etag, detail: { from: current.status, to: saved.status } });
    if (after) {
      try {
        await after(saved, current);
      } catch (e) {
        this.services.log.warn({ event: 'actions-after-change', err: { message: (e as Error)?.message } }, 'follow-up after an action change failed');
      }
    }
    return { card: this.card(saved, viewer, { banner: { text: args.done, tone: 'good' } }) };
  }
}

export const STALE_MESSAGE = 'Someone else changed this action while you were working on it, so nothing was saved. It is shown below as it is now, with what you typed kept: check it and submit again.';
