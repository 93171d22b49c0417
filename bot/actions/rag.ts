import type { ActionStatus, Rag } from '../../storage/actions/schema';

import { addWorkingDays } from '../shared/time/working-days';

export const isClosedStatus = (s: ActionStatus) => s === 'completed' || s === 'cancelled';
/** Work is finished from the owner's side (closed, or waiting for sign-off). */
export const isDoneForOwner = (s: ActionStatus) => isClosedStatus(s) || s === 'completed_pending_evidence';

export function isOverdue(a: { status: ActionStatus; due: string }, today: string): boolean {
  return !isDoneForOwner(a.status) && today > a.due;
}

/**
 * RAG is derived, never typed in: red when blocked or past due; amber when due within the amber window
 * (working days); green otherwise; completed work (including awaiting sign-off) counts as complete.
 */
export function ragFor(a: { status: ActionStatus; due: string }, today: string, amberWithinWorkingDays: number): Rag {
  if (a.status === 'cancelled') return 'cancelled';
  if (a.status === 'completed' || a.status === 'completed_pending_evidence') return 'complete';
  if (a.status === 'blocked' || today > a.due) return 'red';
  return today >= addWorkingDays(a.due, -amberWithinWorkingDays) ? 'amber' : 'green';
}

export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', complete: 'Complete', cancelled: 'Cancelled' };
/**
 * Adaptive Card container styles for each RAG value: the label sits on a tinted background in the
 * default text colour. Yellow ("Warning") text on white is too faint to read, so no RAG uses a text colour.
 */
export const RAG_STYLES: Record<Rag, 'attention' | 'warning' | 'good' | 'accent' | 'default'> = {
  red: 'attention',
  amber: 'warning',
  green: 'good',
  complete: 'accent',
  cancelled: 'default',
};
/** Most urgent first when lists are sorted. */
export const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2, complete: 3, cancelled: 4 };

export const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open (not yet acknowledged)',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  blocked: 'Blocked',
  completed_pending_evidence: 'Completed, awaiting sign-off',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
