/**
 * What each button does to an action, as pure functions: who may do it, from which statuses, and the
 * next state with its history line. Handlers load, call one of these, then save with the card's ETag.
 */
import { randomUUID } from 'node:crypto';
import type { Action, HistoryEntry } from '../../storage/actions/schema';
import type { Role } from '../../content/schema/partnership';
import { isClosedStatus } from './rag';

export interface Actor {
  id: string;
  name: string;
  roles: readonly Role[];
}

export interface Moment {
  /** ISO instant. */
  at: string;
  /** London date. */
  today: string;
}

export type Outcome = { ok: true; next: Action; what: string } | { ok: false; message: string };

export const NOT_YOURS =
  'Only the owner of this action, the business unit or the chair can change it. Nothing has been changed. If it should be yours, ask the partnership business unit to reassign it.';

export function authority(a: Pick<Action, 'ownerId'>, actor: Actor) {
  const bu = actor.roles.includes('businessUnit');
  const chair = actor.roles.includes('chair');
  const owner = a.ownerId === actor.id;
  return { owner, bu, chair, manager: bu || chair, any: owner || bu || chair };
}

function withHistory(a: Action, actor: Actor, m: Moment, what: string, detail: HistoryEntry['detail'] = {}): Action {
  return { ...a, updatedAt: m.at, history: [...a.history, { at: m.at, by: actor.id, byName: actor.name, what, detail }] };
}

const closedMessage = (a: Action) => `This action is already ${a.status === 'cancelled' ? 'cancelled' : 'completed'}, so it cannot be changed.`;
const pendingExtension = (a: Action) => a.extensions.find((e) => !e.decision);

export function acknowledge(a: Action, actor: Actor, m: Moment): Outcome {
  if (!authority(a, actor).owner) return { ok: false, message: 'Only the owner can acknowledge an action. Nothing has been changed.' };
  if (a.status !== 'open') return { ok: false, message: 'You have already acknowledged this action.' };
  return { ok: true, what: 'acknowledged', next: withHistory({ ...a, status: 'acknowledged' }, actor, m, 'acknowledged', { from: a.status, to: 'acknowledged' }) };
}

export function addUpdate(a: Action, actor: Actor, m: Moment, input: { note: string; progress: 'in_progress' | 'blocked' }): Outcome {
  const who = authority(a, actor);
  if (!who.any) return { ok: false, message: NOT_YOURS };
  if (isClosedStatus(a.status)) return { ok: false, message: closedMessage(a) };
  // An update on work awaiting sign-off is information, not a change of status.
  const status = a.status === 'completed_pending_evidence' ? a.status : input.progress;
  const next = { ...a, status, notes: [...a.notes, { at: m.at, by: actor.id, byName: actor.name, text: input.note }] };
  return { ok: true, what: 'update', next: withHistory(next, actor, m, 'update', { from: a.status, to: status }) };
}

export function complete(a: Action, actor: Actor, m: Moment, input: { evidence?: string; evidenceLink?: string; impact?: string }): Outcome {
  const who = authority(a, actor);
  if (!who.any) return { ok: false, message: NOT_YOURS };
  if (isClosedStatus(a.status)) return { ok: false, message: closedMessage(a) };
  if (a.status === 'completed_pending_evidence' && !who.manager) return { ok: false, message: 'This action is already marked complete and is waiting for sign-off.' };
  if (!input.evidence && !input.evidenceLink) return { ok: false, message: 'Evidence is needed to complete an action: describe what was done or give a link.' };
  // The business unit and chair sign off; an owner's completion waits for them.
  const status = who.manager ? 'completed' : 'completed_pending_evidence';
  const next: Action = {
    ...a,
    status,
    evidence: { text: input.evidence ?? '', link: input.evidenceLink || undefined, at: m.at, by: actor.id },
    impact: input.impact ? { text: input.impact, at: m.at, by: actor.id } : a.impact,
    closedOn: status === 'completed' ? m.today : undefined,
  };
  return { ok: true, what: 'complete', next: withHistory(next, actor, m, 'complete', { from: a.status, to: status, link: Boolean(input.evidenceLink), impact: Boolean(input.impact) }) };
}

export function requestExtension(a: Action, actor: Actor, m: Moment, input: { newDueDate: string; reason: string }): Outcome {
  const who = authority(a, actor);
  if (!who.owner) return { ok: false, message: who.manager ? 'As business unit or chair you can change the due date directly with Edit.' : NOT_YOURS };
  if (isClosedStatus(a.status) || a.status === 'completed_pending_evidence') return { ok: false, message: 'This action is complete, so it needs no extension.' };
  if (pendingExtension(a)) return { ok: false, message: 'An extension request for this action is already waiting for a decision.' };
  if (input.newDueDate <= a.dueDate) return { ok: false, message: `The new due date must be after the current one (${a.dueDate}).` };
  const ext = { id: randomUUID(), requestedAt: m.at, by: actor.id, byName: actor.name, fromDue: a.dueDate, toDue: input.newDueDate, reason: input.reason };
  return { ok: true, what: 'extension-requested', next: withHistory({ ...a, extensions: [...a.extensions, ext] }, actor, m, 'extension-requested', { from: a.dueDate, to: input.newDueDate }) };
}

export function decideExtension(a: Action, actor: Actor, m: Moment, input: { decision: 'approve' | 'refuse'; note?: string }): Outcome {
  if (!authority(a, actor).manager) return { ok: false, message: 'Only the business unit or the chair can decide extension requests. Nothing has been changed.' };
  const ext = pendingExtension(a);
  if (!ext) return { ok: false, message: 'There is no extension request waiting for a decision on this action.' };
  const outcome = input.decision === 'approve' ? 'approved' : 'refused';
  const extensions = a.extensions.map((e) => (e.id === ext.id ? { ...e, decision: { outcome, by: actor.id, byName: actor.name, at: m.at, note: input.note ?? '' } as const } : e));
  // An approved date restarts the nudge schedule from today.
  const next: Action = outcome === 'approved' ? { ...a, extensions, dueDate: ext.toDue, dueSetOn: m.today } : { ...a, extensions };
  return { ok: true, what: `extension-${outcome}`, next: withHistory(next, actor, m, `extension-${outcome}`, { from: ext.fromDue, to: ext.toDue }) };
}

export function signOff(a: Action, actor: Actor, m: Moment, input: { decision: 'accept' | 'return'; note?: string; impact?: string }): Outcome {
  if (!authority(a, actor).manager) return { ok: false, message: 'Only the business unit or the chair can sign off an action. Nothing has been changed.' };
  if (a.status !== 'completed_pending_evidence') return { ok: false, message: 'This action is not waiting for sign-off.' };
  if (input.decision === 'return') {
    if (!input.note) return { ok: false, message: 'Please say what is still needed when returning an action to its owner.' };
    const next = { ...a, status: 'in_progress' as const, notes: [...a.notes, { at: m.at, by: actor.id, byName: actor.name, text: input.note }] };
    return { ok: true, what: 'returned', next: withHistory(next, actor, m, 'returned', { from: a.status, to: 'in_progress' }) };
  }
  const next: Action = { ...a, status: 'completed', closedOn: m.today, impact: input.impact ? { text: input.impact, at: m.at, by: actor.id } : a.impact };
  return { ok: true, what: 'signed-off', next: withHistory(next, actor, m, 'signed-off', { from: a.status, to: 'completed' }) };
}

export interface EditInput {
  title: string;
  description: string;
  dueDate: string;
  priority?: string;
  group?: string;
  ownerId: string;
  ownerName: string;
  ownerAgency?: string;
}

export function edit(a: Action, actor: Actor, m: Moment, input: EditInput): Outcome {
  if (!authority(a, actor).bu) return { ok: false, message: 'Only the business unit can edit or reassign an action. Nothing has been changed.' };
  if (isClosedStatus(a.status)) return { ok: false, message: closedMessage(a) };
  const reassigned = input.ownerId !== a.ownerId;
  const dueChanged = input.dueDate !== a.dueDate;
  const next: Action = {
    ...a,
    title: input.title,
    description: input.description,
    priority: input.priority || undefined,
    group: input.group || undefined,
    ownerId: input.ownerId,
    ownerName: input.ownerName,
    ownerAgency: input.ownerAgency || undefined,
    dueDate: input.dueDate,
    dueSetOn: dueChanged || reassigned ? m.today : a.dueSetOn,
    // A new owner has to acknowledge it afresh.
    status: reassigned && a.status !== 'completed_pending_evidence' ? 'open' : a.status,
  };
  const changed = (['title', 'description', 'priority', 'group', 'ownerId', 'ownerAgency', 'dueDate'] as const).filter((k) => (a[k] ?? '') !== (next[k] ?? ''));
  if (changed.length === 0) return { ok: false, message: 'Nothing was different, so nothing has been changed.' };
  const what = reassigned ? 'reassigned' : 'edited';
  return { ok: true, what, next: withHistory(next, actor, m, what, { fields: changed.join(','), ...(dueChanged ? { fromDue: a.dueDate, toDue: input.dueDate } : {}), ...(reassigned ? { fromOwner: a.ownerId, toOwner: input.ownerId } : {}) }) };
}

export function cancel(a: Action, actor: Actor, m: Moment, input: { reason: string }): Outcome {
  if (!authority(a, actor).bu) return { ok: false, message: 'Only the business unit can cancel an action. Nothing has been changed.' };
  if (isClosedStatus(a.status)) return { ok: false, message: closedMessage(a) };
  const next: Action = { ...a, status: 'cancelled', closedOn: m.today, notes: [...a.notes, { at: m.at, by: actor.id, byName: actor.name, text: `Cancelled: ${input.reason}` }] };
  return { ok: true, what: 'cancelled', next: withHistory(next, actor, m, 'cancelled', { from: a.status, to: 'cancelled' }) };
}
