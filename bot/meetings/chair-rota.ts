import { DateTime } from 'luxon';
import { ZONE } from '../shared/time/working-days';
import type { Chair, Person } from '../../content/schema/partnership';

export interface ChairSuggestion {
  /** Agency whose representative should chair, when the rule is a rota (or a post in one agency). */
  agency?: string;
  /** Who chairs, when the rule names them: "Gill Frame, Independent Chair" or just the post. */
  name?: string;
  /** Why: "annual rota: turn 2 of 3, year from 1 Jun 2025" or the rule in words. */
  reason: string;
}

const TBC = 'to be confirmed';

/**
 * Who is due to chair a group's meeting on a date, from the pack's chair rule. Annual rotas turn over
 * on the anniversary of `start`; per-meeting rotas on each meeting (meetingIndex counts from 0). An
 * annual rota without a start date cannot say whose turn it is, and says so. A rule the partnership
 * has still to confirm is marked in the reason.
 */
export function chairFor(chair: Chair | undefined, isoDate: string, meetingIndex = 0, people: readonly Person[] = []): ChairSuggestion {
  if (!chair) return { reason: `who chairs is not set by the partnership (${TBC})` };
  const unconfirmed = chair.toConfirm ? `; ${chair.kind === 'rota' ? 'rota order' : 'rule'} ${TBC}` : '';
  switch (chair.kind) {
    case 'rota': {
      const n = chair.among.length;
      if (chair.every === 'meeting') {
        const i = ((meetingIndex % n) + n) % n;
        return { agency: chair.among[i], reason: `rota: meeting ${meetingIndex + 1}, turn ${i + 1} of ${n}${unconfirmed}` };
      }
      if (!chair.start) return { reason: `${chair.who} take turns each year; whose turn it is is ${TBC}` };
      const start = DateTime.fromISO(chair.start, { zone: ZONE });
      const years = Math.floor(DateTime.fromISO(isoDate, { zone: ZONE }).diff(start, 'years').years);
      const i = ((years % n) + n) % n;
      return { agency: chair.among[i], reason: `annual rota: turn ${i + 1} of ${n}, year from ${start.plus({ years }).toFormat('d LLL yyyy')}${unconfirmed}` };
    }
    case 'independent': {
      const person = people.find((p) => p.id === chair.person);
      const title = person?.title ?? 'Independent chair';
      const name = person?.name && !person.toConfirm ? `${person.name}, ${title}` : title;
      return { name, reason: `chaired by the ${title.toLowerCase()}${person?.name && person.toConfirm ? ` (name ${TBC})` : ''}${unconfirmed}` };
    }
    case 'elected':
      return { reason: `the chair is elected by ${chair.by}${unconfirmed}` };
    case 'role':
      return { agency: chair.agency, name: chair.role, reason: `chaired by the ${chair.role}${unconfirmed}` };
  }
}
