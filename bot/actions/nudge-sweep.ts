/**
 * The nudge sweep: owner reminders, weekly digests and overdue escalations. It runs under the
 * scheduler's Cosmos lease (one instance at a time), and every message first claims a deterministic
 * notification id with a create, so a nudge for (action, rule, due date) goes once even across
 * instances and restarts. A new due date gives new ids, which restarts the schedule.
 */
import type { OutMessage, Services, SweepDef } from '../core/contract';
import { tellBusinessUnit } from '../members/business-unit';
import { plural } from '../shared/format';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { Action, IndexEntry } from '../../storage/actions/schema';
import type { Notification } from '../../storage/system/schema';
import { deterministicId } from '../../storage/ids';
import { inWorkingHours, londonDate } from '../shared/time/working-days';
import { formatDate } from '../shared/time/working-days';
import { ACTIONS_TUNING, DIGEST_PREF } from './consts';
import { mapLimit } from '../shared/map-limit';
import { describeNudge, digestDueToday, escalationDue, nudgeDueToday, type ScheduledNudge } from './nudge-schedule';
import { isDoneForOwner } from './rag';
import { listCard, byUrgency } from './list-card';
import { Tracker } from './tracker';

interface Claim {
  doc: Notification;
  kind: 'nudge' | 'digest' | 'escalate';
  ownerId: string;
  entry?: IndexEntry;
  nudge?: ScheduledNudge;
}

type Settled = Pick<Notification, 'status' | 'activityId' | 'error'> | 'release';

export function createNudgeSweep(): SweepDef {
  return { feature: 'actions', name: 'nudges', everySeconds: ACTIONS_TUNING.sweepEverySeconds, run: (services, now) => runNudgeSweep(services, now) };
}

export async function runNudgeSweep(services: Services, now: Date): Promise<Record<string, number>> {
  const hours = { start: services.config.WORKING_HOURS_START, end: services.config.WORKING_HOURS_END };
  if (!inWorkingHours(now, hours)) return { outsideWorkingHours: 1 };
  const tracker = new Tracker(services);
  const rules = tracker.rules;
  const today = londonDate(now);
  const recovered = await releaseStaleClaims(services, now);
  const live = (await tracker.repo.allEntries()).filter((e) => !isDoneForOwner(e.status));

  const ownerIds = [...new Set(live.map((e) => e.owner))];
  // One query for everyone is cheaper than a point read per owner, even at a few thousand members.
  const owners = new Map<string, Stored<Member>>((await services.members.all()).map((m) => [m.id, m]));
  const wantsDigest = (id: string) => owners.get(id)?.prefs[DIGEST_PREF] === true;

  const at = now.toISOString();
  const make = (id: string, kind: Claim['kind'], subjectId: string, recipientId: string): Notification => ({
    type: 'notification', id, pk: services.partnershipId, feature: 'actions', kind, subjectId, recipientId, status: 'pending', attempts: 0, createdAt: at,
  });
  const candidates: Claim[] = [];
  for (const e of live) {
    if (!wantsDigest(e.owner)) {
      const n = nudgeDueToday(e, today, rules);
      if (n) candidates.push({ doc: make(deterministicId('actions', 'nudge', e.id, n.key, e.due), 'nudge', e.id, e.owner), kind: 'nudge', ownerId: e.owner, entry: e, nudge: n });
    }
    if (escalationDue(e, today, rules)) candidates.push({ doc: make(deterministicId('actions', 'escalate', e.id, e.due), 'escalate', e.id, 'chair'), kind: 'escalate', ownerId: e.owner, entry: e });
  }
  const week = digestDueToday(today, rules.digestWeekday);
  if (week) {
    for (const id of ownerIds.filter(wantsDigest)) candidates.push({ doc: make(deterministicId('actions', 'digest', id, week.weekStart), 'digest', id, id), kind: 'digest', ownerId: id });
  }

  const claimed = await claimAll(services, candidates);
  const { ok: current, actions } = await verifyAgainstActions(tracker, claimed);
  const settle = new Map<string, Settled>();
  for (const c of claimed) if (!current.includes(c)) settle.set(c.doc.id, { status: 'failed', error: 'no longer applies' });

  const stats = { recovered, open: live.length, candidates: candidates.length, claimed: claimed.length, sent: 0, unreachable: 0, retryLater: 0, escalated: 0, digests: 0 };
  const mark = (cs: Claim[], r: Awaited<ReturnType<Services['messenger']['send']>>) => {
    for (const c of cs) {
      if (r.ok) settle.set(c.doc.id, { status: 'sent', activityId: r.activityId });
      else if (r.kind === 'unreachable') settle.set(c.doc.id, { status: 'unreachable', error: `status ${r.status}` });
      else if (r.kind === 'failed') settle.set(c.doc.id, { status: 'failed', error: `status ${r.status}` });
      else settle.set(c.doc.id, 'release');
    }
    if (r.ok) stats.sent++;
    else if (r.kind === 'unreachable') stats.unreachable++;
    else stats.retryLater++;
  };

  // Owner nudges and digests: one message per owner per sweep, however many actions are due.
  const byOwner = new Map<string, Claim[]>();
  for (const c of current) if (c.kind !== 'escalate') byOwner.set(c.ownerId, [...(byOwner.get(c.ownerId) ?? []), c]);
  await mapLimit([...byOwner], ACTIONS_TUNING.sweepConcurrency, async ([ownerId, cs]) => {
    const owner = owners.get(ownerId);
    if (!owner || owner.reachable === false) return mark(cs, { ok: false, status: 404, kind: 'unreachable' });
    const digest = cs.find((c) => c.kind === 'digest');
    const msg = digest ? digestMessage(tracker, live.filter((e) => e.owner === ownerId), today) : nudgeMessage(tracker, owner, cs, today, actions);
    if (digest) stats.digests++;
    mark(cs, await services.messenger.sendToMember(owner, msg));
  });

  const escalations = current.filter((c) => c.kind === 'escalate');
  if (escalations.length) {
    stats.escalated = escalations.length;
    await sendEscalations(tracker, escalations, owners, actions, today, mark);
  }

  await settleAll(services, claimed, settle);
  return stats;
}

/**
 * A process killed between claiming a nudge and settling it leaves the claim pending for ever, and
 * its 409 would stop every later sweep from sending. Claims pending far longer than any sweep takes
 * are released so this sweep claims them again: nothing is lost, and only a message that was in
 * flight when the process died can go twice.
 */
async function releaseStaleClaims(services: Services, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ACTIONS_TUNING.stalePendingMinutes * 60_000);
  const stale = (await services.notifications.stalePending(cutoff)).filter((n) => n.feature === 'actions');
  for (const n of stale) await services.notifications.repo.delete(n.id, n.pk);
  if (stale.length) services.log.warn({ event: 'actions-stale-claims', count: stale.length }, 'released nudge claims left by an interrupted sweep');
  return stale.length;
}

/** Creates every claim in bulk; a 409 means another sweep already sent it. */
async function claimAll(services: Services, candidates: Claim[]): Promise<Claim[]> {
  const container = services.notifications.repo.container;
  const batches: Claim[][] = [];
  for (let i = 0; i < candidates.length; i += ACTIONS_TUNING.bulkChunk) batches.push(candidates.slice(i, i + ACTIONS_TUNING.bulkChunk));
  const won = await mapLimit(batches, ACTIONS_TUNING.bulkConcurrency, async (batch) => {
    const res = await container.items.bulk(batch.map((c) => ({ operationType: 'Create' as const, resourceBody: c.doc as never })));
    return batch.filter((_, j) => {
      const status = res[j]?.statusCode;
      if (status !== 201 && status !== 409) services.log.warn({ event: 'actions-claim-failed', status }, 'could not claim a nudge');
      return status === 201;
    });
  });
  return won.flat();
}

/**
 * The index can lag an action by one write (a crash between the two), so each claimed action is read
 * before anything is sent; a mismatch repairs the index and the nudge is dropped.
 */
async function verifyAgainstActions(tracker: Tracker, claimed: Claim[]): Promise<{ ok: Claim[]; actions: Map<string, Stored<Action>> }> {
  const withEntry = claimed.filter((c) => c.entry);
  const ids = [...new Set(withEntry.map((c) => c.entry!.id))];
  const actions = await tracker.repo.readMany(ids, ACTIONS_TUNING.bulkChunk);
  const ok: Claim[] = claimed.filter((c) => !c.entry);
  for (const c of withEntry) {
    const a = actions.get(c.entry!.id);
    if (a && a.dueDate === c.entry!.due && a.status === c.entry!.status && a.ownerId === c.entry!.owner) ok.push(c);
    else if (a) await tracker.repo.syncIndexes({ ownerId: c.entry!.owner }, a);
  }
  return { ok, actions };
}

async function settleAll(services: Services, claimed: Claim[], settle: Map<string, Settled>) {
  const container = services.notifications.repo.container;
  const release = claimed.filter((c) => settle.get(c.doc.id) === 'release');
  const keep = claimed.filter((c) => settle.get(c.doc.id) && settle.get(c.doc.id) !== 'release');
  const sentAt = services.clock.now().toISOString();
  const ops = [
    ...keep.map((c) => {
      const s = settle.get(c.doc.id) as Exclude<Settled, 'release'>;
      return { operationType: 'Upsert' as const, resourceBody: { ...c.doc, ...s, attempts: 1, ...(s.status === 'sent' ? { sentAt } : {}) } as never };
    }),
    // A throttled or failed send gives the claim back so the next sweep tries again.
    ...release.map((c) => ({ operationType: 'Delete' as const, id: c.doc.id, partitionKey: c.doc.pk })),
  ];
  const batches: (typeof ops)[] = [];
  for (let i = 0; i < ops.length; i += ACTIONS_TUNING.bulkChunk) batches.push(ops.slice(i, i + ACTIONS_TUNING.bulkChunk));
  await mapLimit(batches, ACTIONS_TUNING.bulkConcurrency, (batch) => container.items.bulk(batch as never));
}

function nudgeMessage(tracker: Tracker, owner: Stored<Member>, cs: Claim[], today: string, actions: Map<string, Stored<Action>>): OutMessage {
  if (cs.length === 1) {
    const c = cs[0];
    const a = actions.get(c.entry!.id);
    if (a) {
      const tone = c.nudge!.kind === 'overdue' ? 'error' : 'info';
      return { card: tracker.card(a, owner, { banner: { text: `Reminder: this action is ${describeNudge(c.nudge!)} (${formatDate(a.dueDate)}).`, tone } }), summary: `Reminder: ${a.reference} is ${describeNudge(c.nudge!)}` };
    }
  }
  const rows = cs.map((c) => ({ entry: c.entry!, note: `Reminder: ${describeNudge(c.nudge!)}` })).sort((x, y) => byUrgency(today, tracker.amber)(x.entry, y.entry));
  return {
    card: listCard({ heading: 'Action reminders', intro: `${cs.length} of your actions need attention. Open one to update it, mark it complete or ask for more time. Prefer one weekly message? Type **digest on**.`, rows, today, amberWithinWorkingDays: tracker.amber, refreshVerb: 'actions.mine', limit: ACTIONS_TUNING.reminderLimit }),
    summary: `${cs.length} action reminders`,
  };
}

function digestMessage(tracker: Tracker, entries: IndexEntry[], today: string): OutMessage {
  const rows = [...entries].sort(byUrgency(today, tracker.amber)).map((entry) => ({ entry }));
  return {
    card: listCard({ heading: 'Your weekly actions digest', intro: `You have ${rows.length} open action${rows.length === 1 ? '' : 's'}, most urgent first. Type **digest off** for separate reminders instead.`, rows, today, amberWithinWorkingDays: tracker.amber, refreshVerb: 'actions.mine' }),
    summary: 'Weekly actions digest',
  };
}

/**
 * One card per recipient listing the newly escalated actions: chairs of the owning groups (a chair's
 * `chairOf` preference names their groups; without one, every chair) and the business unit.
 */
async function sendEscalations(
  tracker: Tracker,
  escalations: Claim[],
  owners: Map<string, Stored<Member>>,
  actions: Map<string, Stored<Action>>,
  today: string,
  mark: (cs: Claim[], r: Awaited<ReturnType<Services['messenger']['send']>>) => void,
) {
  const services = tracker.services;
  const chairs = await services.members.withRole('chair');
  const card = (cs: Claim[]) => ({
    card: listCard({
      heading: 'Overdue actions escalated',
      intro: `${cs.length} action${cs.length === 1 ? ' is' : 's are'} more than ${tracker.rules.escalateAfter} working days overdue. The owners have been reminded; please follow up with their agencies.`,
      rows: cs.map((c) => ({ entry: c.entry!, ownerName: `${owners.get(c.ownerId)?.name || actions.get(c.entry!.id)?.ownerName || 'Unknown'} (${tracker.labels.agency(c.entry!.agency)})`, note: tracker.labels.group(c.entry!.group) })),
      today,
      amberWithinWorkingDays: tracker.amber,
      showOwner: true,
      refreshVerb: 'actions.summary',
    }),
    summary: `${plural(cs.length, 'overdue action')} escalated`,
  });
  const sent: { ok: boolean }[] = [];
  for (const chair of chairs) {
    const chairOf = Array.isArray(chair.prefs.chairOf) ? (chair.prefs.chairOf as string[]) : undefined;
    const mine = escalations.filter((c) => !chairOf || (c.entry!.group && chairOf.includes(c.entry!.group)));
    if (mine.length === 0 || chair.reachable === false) continue;
    sent.push(await services.messenger.sendToMember(chair, card(mine)));
  }
  let buOk = true;
  try {
    await tellBusinessUnit(services, card(escalations));
  } catch {
    buOk = false;
  }
  // The business unit copy is the record of escalation; chairs who cannot be reached show in the summary.
  mark(escalations, buOk || sent.some((s) => s.ok) ? { ok: true } : { ok: false, status: 0, kind: 'retryable' });
}
