/**
 * An action as it stood at the end of a given day, read back from its append-only history, so a
 * period's figures ("overdue at the end of the quarter") stay the same when the action moves on later.
 */
import type { ActionStatus } from '../../storage/actions/schema';
import type { ActionFigureRow } from '../../storage/actions/repository';
import { ActionStatusSchema } from '../../storage/actions/schema';
import { londonDay } from './periods';

type Row = Pick<ActionFigureRow, 'dueDate' | 'history' | 'status' | 'closedOn'>;

const isStatus = (v: unknown): v is ActionStatus => ActionStatusSchema.safeParse(v).success;

/** The agreed due date at the end of `date`: due-date changes made after it are undone. */
export function dueOn(a: Row, date: string): string {
  let due = a.dueDate;
  for (let i = a.history.length - 1; i >= 0; i--) {
    const h = a.history[i];
    if (londonDay(h.at) <= date) break;
    if (h.what === 'extension-approved' && typeof h.detail.from === 'string') due = h.detail.from;
    else if ((h.what === 'edited' || h.what === 'reassigned') && typeof h.detail.fromDue === 'string') due = h.detail.fromDue;
  }
  return due;
}

/**
 * The status at the end of `date`: the current status with every later change undone (each status
 * change records where it came from). A reassignment records no status, but it never changes whether
 * the owner's work was done, which is what the figures ask.
 */
export function statusOn(a: Row, date: string): ActionStatus {
  let s: ActionStatus = a.status;
  for (let i = a.history.length - 1; i >= 0; i--) {
    const h = a.history[i];
    if (londonDay(h.at) <= date) break;
    if (!h.what.startsWith('extension-') && isStatus(h.detail.from)) s = h.detail.from;
  }
  return s;
}

/** Signed off as completed (the London day), if it was. Completed actions cannot change again. */
export const completedOn = (a: Row) => (a.status === 'completed' ? a.closedOn : undefined);

/** Nothing more is needed from the owner at the end of `date`: completed, cancelled or awaiting sign-off. */
export function doneOn(a: Row, date: string): boolean {
  const s = statusOn(a, date);
  return s === 'completed' || s === 'cancelled' || s === 'completed_pending_evidence';
}

/** Times the action was returned to its owner after being marked complete ("reopened"), by day. */
export const returnedDays = (a: Row) => a.history.filter((h) => h.what === 'returned').map((h) => londonDay(h.at));
