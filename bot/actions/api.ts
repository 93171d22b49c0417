/**
 * What other features (meetings, audits) may ask of the action tracker. The actions feature owns the
 * implementation; callers depend only on this interface.
 */
import { DateTime } from 'luxon';
import type { Services } from '../core/contract';
import { trackerFor, TrackerInputError } from './tracker';
import { byUrgency } from './list-card';
import { isClosedStatus, isOverdue, ragFor } from './rag';
import { mapLimit } from '../shared/map-limit';
import { childIdentifyingMessage } from './free-text';
import type { Labels } from './labels';

export { TrackerInputError };

export type ActionSource = 'rapid-review' | 'lcspr' | 'learning-review' | 'multi-agency-audit' | 'section-11-175-audit' | 'meeting' | 'inspection';
export type ActionStatus = 'open' | 'acknowledged' | 'in_progress' | 'completed_pending_evidence' | 'completed' | 'blocked' | 'cancelled';
export type Rag = 'red' | 'amber' | 'green' | 'complete' | 'cancelled';

export interface NewActionInput {
  /** e.g. LCSPR-2025-01/R3; generated from source and date when omitted. */
  reference?: string;
  title: string;
  description?: string;
  source: ActionSource;
  /** Id of what created it (meeting id, audit round id, review reference). */
  sourceRef?: string;
  /** Priority id from the content pack, or undefined for none. */
  priority?: string;
  /** Member id (Entra object id) of the owner. */
  ownerId: string;
  ownerAgency?: string;
  /** Meeting series id of the group that owns the action (for matters arising and escalation). */
  group?: string;
  /** ISO date (yyyy-mm-dd), Europe/London. */
  dueDate: string;
}

export interface ActionBrief {
  id: string;
  reference: string;
  title: string;
  ownerId: string;
  ownerName?: string;
  ownerAgency?: string;
  dueDate: string;
  status: ActionStatus;
  rag: Rag;
  overdue: boolean;
}

export interface ActionsApi {
  /** Creates an action and notifies its owner; returns its id and reference. */
  createAction(input: NewActionInput, actorId: string): Promise<{ id: string; reference: string }>;
  /** Open and overdue actions that belong to a group, most urgent first. */
  mattersArising(groupId: string, today: string): Promise<ActionBrief[]>;
}

/**
 * The tracker as other features see it. createAction checks its input the same way the card form does
 * (owner known, a real due date that is not in the past, no child-identifying text) and throws
 * TrackerInputError with a message fit to show the user.
 */
export function actionsApi(services: Services): ActionsApi {
  const tracker = trackerFor(services);
  return {
    async createAction(input, actorId) {
      const problem = checkNewAction(input, tracker.today(), tracker.labels);
      if (problem) throw new TrackerInputError(problem);
      const actor = await services.members.get(actorId);
      const { action } = await tracker.create(input, { id: actorId, name: actor?.name ?? '' });
      return { id: action.id, reference: action.reference };
    },
    async mattersArising(groupId, today) {
      const entries = (await tracker.repo.allEntries()).filter((e) => e.group === groupId && !isClosedStatus(e.status)).sort(byUrgency(today, tracker.amber));
      const names = new Map<string, string>();
      await mapLimit([...new Set(entries.map((e) => e.owner))], 16, async (id) => {
        const m = await services.members.get(id);
        if (m) names.set(id, m.name);
      });
      return entries.map((e) => ({
        id: e.id,
        reference: e.ref,
        title: e.title,
        ownerId: e.owner,
        ownerName: names.get(e.owner),
        ownerAgency: e.agency,
        dueDate: e.due,
        status: e.status,
        rag: ragFor(e, today, tracker.amber),
        overdue: isOverdue(e, today),
      }));
    },
  };
}

function checkNewAction(input: NewActionInput, today: string, labels: Labels): string | undefined {
  if (!input.title?.trim()) return 'An action needs a title.';
  if (input.title.length > 200) return 'The action title is longer than 200 characters.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate) || !DateTime.fromISO(input.dueDate).isValid) return 'The due date is not a date.';
  if (input.dueDate < today) return 'The due date is in the past.';
  if (input.priority && !labels.isPriority(input.priority)) return `"${input.priority}" is not a partnership priority.`;
  if (input.group && !labels.isGroup(input.group)) return `"${input.group}" is not a partnership group.`;
  for (const text of [input.title, input.description ?? '']) {
    const flagged = childIdentifyingMessage(text);
    if (flagged) return flagged;
  }
  return undefined;
}
