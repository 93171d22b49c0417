import type { ContentPack } from '../../content/load';
import type { Person } from '../../content/schema/partnership';
import type { Provenance } from '../../content/schema/provenance';
import { TO_BE_CONFIRMED, describeCadence, describeChair, describeQuorum } from '../../content/describe';

export const PARTNERSHIP_TOPIC_ID = 'partnership';
export const PARTNERSHIP_TOPIC_TITLE = 'The safeguarding partnership: partners, priorities and the board';

/** The answer card's shape for a generated topic (the same fields a pack topic has). */
export interface GeneratedTopic {
  id: string;
  title: string;
  risk: boolean;
  summary: string;
  points: string[];
  links: { title: string; url: string }[];
  /** The pack facts it was generated from, for its "Source:" line. */
  provenance: Provenance[];
}

export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A named person, or the role alone when the name is still to be confirmed. */
function personLine(p: Person): string {
  return p.name && !p.toConfirm ? `${p.name}, ${p.title}` : `${p.title} (name ${TO_BE_CONFIRMED})`;
}

/**
 * The `partnership` topic, generated from the pack each time it is asked, so it can never drift from
 * the data the meetings and quorum rules use: the statutory partners, the Lead and Delegated
 * Safeguarding Partners, the priorities, the main board, who chairs it and how often it meets. What
 * the pack does not hold is said to be not set, never invented.
 */
export function partnershipTopic(pack: ContentPack): GeneratedTopic {
  const p = pack.partnership;
  const provenance: Provenance[] = [p, ...p.statutoryPartners];
  const points: string[] = [`Statutory safeguarding partners: ${listWords(p.statutoryPartners.map((s) => s.name))}.`];
  if (p.localPartners.length) points.push(`Also named as partners locally: ${listWords(p.localPartners.map((s) => s.name))}.`);
  const leads = p.people.filter((x) => x.role === 'lead-partner');
  const delegated = p.people.filter((x) => x.role === 'delegated-partner');
  provenance.push(...leads, ...delegated);
  points.push(leads.length ? `Lead Safeguarding Partners: ${leads.map(personLine).join('; ')}.` : `Lead Safeguarding Partners: ${TO_BE_CONFIRMED}; ask the business unit.`);
  points.push(delegated.length ? `Delegated Safeguarding Partners: ${delegated.map(personLine).join('; ')}.` : `Delegated Safeguarding Partners: ${TO_BE_CONFIRMED}; ask the business unit.`);
  if (p.priorities.length) {
    points.push(`Priorities: ${listWords(p.priorities.map((x) => x.name))}.`);
    provenance.push(...p.priorities);
  }
  const board = p.meetingSeries.find((s) => s.main);
  if (board) {
    provenance.push(board);
    points.push(`${board.name}: ${board.purpose.replace(/\.$/, '')}. It meets ${describeCadence(board.cadence)}; it is chaired by ${describeChair(pack, board.chair)}, and is ${describeQuorum(pack, board.quorum)}.`);
    const groups = p.meetingSeries.filter((s) => s.reportsTo === board.id).map((s) => s.name);
    if (groups.length) points.push(`Groups reporting to it: ${listWords(groups)}.`);
  }
  return {
    id: PARTNERSHIP_TOPIC_ID,
    title: `${p.name} (${p.shortName})`,
    risk: false,
    summary: `${p.shortName} is how the statutory safeguarding partners in ${p.area} work together, with other agencies, to keep children safe.`,
    points,
    links: [{ title: `${p.shortName} website`, url: p.website }],
    provenance,
  };
}
