/**
 * What other features (meetings, audits) may ask of the action tracker. The actions feature owns the
 * implementation; callers depend only on this interface.
 */
import { DateTime } from 'luxon';
import type { ActionsApi, Services } from '../core/contract';
import type { NewActionInput } from '../../storage/actions/schema';
import { Tracker, TrackerInputError } from './tracker';
import { byUrgency } from './list-card';
import { isClosedStatus, isOverdue, ragFor } from './rag';
import { mapLimit } from '../shared/map-limit';
import { childIdentifyingMessage } from '../shared/privacy/child-identifying';
import type { Labels } from './labels';

export { TrackerInputError };

/**
 * The tracker as other features see it. createAction checks its input the same way the card form does
 * (owner known, a real due date that is not in the past, no child-identifying text) and throws
 * TrackerInputError with a message fit to show the user.
 */
export function createActionsApi(services: Services): ActionsApi {
  const tracker = new Tracker(services);
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
