import type { Partnership } from '../../content/schema/partnership';
import { chairFor, type ChairRule } from '../meetings/chair-rota';
import { londonDate } from '../shared/time/working-days';

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
}

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Name (role, agency)" from whatever a person entry holds: a string or an object with a name. */
function person(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (!isObj(v)) return undefined;
  const name = str(v.name) ?? str(v.person) ?? str(v.title);
  const extra = [str(v.role) ?? str(v.jobTitle) ?? str(v.post), str(v.agencyName) ?? str(v.organisation) ?? str(v.agency)].filter((x): x is string => Boolean(x) && x !== name);
  if (!name) return extra.length ? extra.join(', ') : undefined;
  return extra.length ? `${name} (${extra.join(', ')})` : name;
}

/**
 * Lead or Delegated Safeguarding Partners, wherever the pack keeps them: a top-level list
 * (`leadSafeguardingPartners`, `lsps`, ...) or a field on each statutory partner (`lead`, `lsp`, ...).
 */
function partnersOfKind(p: Loose, kind: 'lead' | 'delegated'): string[] {
  const topKeys = kind === 'lead' ? ['leadSafeguardingPartners', 'leadPartners', 'lsps', 'lsp'] : ['delegatedSafeguardingPartners', 'delegatedPartners', 'dsps', 'dsp'];
  for (const k of topKeys) {
    const v = p[k];
    if (Array.isArray(v)) {
      const names = v.map(person).filter((x): x is string => Boolean(x));
      if (names.length) return names;
    }
  }
  const fieldKeys = kind === 'lead' ? ['lead', 'lsp', 'leadSafeguardingPartner', 'leadPartner'] : ['delegate', 'delegated', 'dsp', 'delegatedSafeguardingPartner', 'delegatedPartner'];
  const out: string[] = [];
  for (const sp of Array.isArray(p.statutoryPartners) ? p.statutoryPartners : []) {
    if (!isObj(sp)) continue;
    for (const k of fieldKeys) {
      const who = person(sp[k]);
      if (who) {
        out.push(`${who}${str(sp.name) && !who.includes(str(sp.name)!) ? `, ${str(sp.name)}` : ''}`);
        break;
      }
    }
  }
  return out;
}

export function describeCadence(cadence: unknown): string | undefined {
  if (!isObj(cadence)) return undefined;
  const every = typeof cadence.every === 'number' ? cadence.every : undefined;
  if (cadence.kind === 'weeks' && every) return every === 1 ? 'every week' : `every ${every} weeks`;
  if (cadence.kind === 'months' && every) return every === 1 ? 'every month' : `every ${every} months`;
  if (cadence.kind === 'fixed-months' && Array.isArray(cadence.months) && cadence.months.length) {
    const names = cadence.months.filter((m): m is number => typeof m === 'number' && m >= 1 && m <= 12).map((m) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }));
    return names.length ? `in ${listWords(names)}` : undefined;
  }
  return undefined;
}

function agencyName(p: Loose, id: string): string {
  const a = (Array.isArray(p.agencies) ? p.agencies : []).find((x) => isObj(x) && x.id === id) as Loose | undefined;
  return str(a?.name) ?? id;
}

function describeChair(p: Loose, chair: unknown, today: string): string | undefined {
  if (!isObj(chair)) return undefined;
  const rule = chair.rule;
  const rota = Array.isArray(chair.rota) ? chair.rota.filter((x): x is string => typeof x === 'string') : [];
  if ((rule === 'rota-annual' || rule === 'rota-per-meeting') && rota.length) {
    const names = rota.map((id) => agencyName(p, id));
    const turn = rule === 'rota-annual' ? chairFor({ rule, rota, rotaStart: str(chair.rotaStart) } as ChairRule, today) : undefined;
    const now = turn?.agency ? `; this year the chair comes from ${agencyName(p, turn.agency)}` : '';
    return `The chair rotates ${rule === 'rota-annual' ? 'each year' : 'at each meeting'} between ${listWords(names)}${now}.`;
  }
  const description = str(chair.description) ?? str(chair.name);
  return description ? `Chair: ${description}.` : undefined;
}

/** The partnership's main board: the series called the partnership board, else the first "board". */
function findBoard(series: Loose[]): Loose | undefined {
  return (
    series.find((s) => s.id === 'partnership-board') ??
    series.find((s) => /^partnership board$/i.test(str(s.name) ?? '')) ??
    series.find((s) => /board/i.test(str(s.name) ?? '') && !/education/i.test(str(s.name) ?? ''))
  );
}

/**
 * The `partnership` topic, generated from the pack's partnership.json each time it is asked, so it
 * can never drift from the data the meetings and quorum rules use. Fields are read defensively: what
 * the pack does not hold is said to be not published yet, never invented.
 */
export function partnershipTopic(partnership: Partnership, now: Date): GeneratedTopic {
  const p = partnership as unknown as Loose;
  const today = londonDate(now);
  const name = str(p.name) ?? 'The safeguarding children partnership';
  const short = str(p.shortName);
  const partners = (Array.isArray(p.statutoryPartners) ? p.statutoryPartners : []).map((s) => (isObj(s) ? str(s.name) : undefined)).filter((x): x is string => Boolean(x));
  const points: string[] = [];
  points.push(partners.length ? `Statutory safeguarding partners: ${listWords(partners)}.` : 'The statutory safeguarding partners are not recorded in the partnership pack yet.');
  const leads = partnersOfKind(p, 'lead');
  points.push(leads.length ? `Lead Safeguarding Partners: ${leads.join('; ')}.` : 'Lead Safeguarding Partners: not yet published in the bot; ask the business unit.');
  const delegated = partnersOfKind(p, 'delegated');
  points.push(delegated.length ? `Delegated Safeguarding Partners: ${delegated.join('; ')}.` : 'Delegated Safeguarding Partners: not yet published in the bot; ask the business unit.');
  const priorities = (Array.isArray(p.priorities) ? p.priorities : []).map((x) => (isObj(x) ? str(x.name) : str(x))).filter((x): x is string => Boolean(x));
  if (priorities.length) points.push(`Priorities: ${listWords(priorities)}.`);
  const series = (Array.isArray(p.meetingSeries) ? p.meetingSeries : []).filter(isObj);
  const board = findBoard(series);
  if (board) {
    const cadence = describeCadence(board.cadence);
    points.push(`${str(board.name) ?? 'The board'}${str(board.purpose) ? `: ${str(board.purpose)!.replace(/\.$/, '')}` : ''}. ${cadence ? `It meets ${cadence}.` : 'How often it meets is not recorded yet.'}`);
    const chair = describeChair(p, board.chair, today);
    points.push(chair ?? 'Who chairs the board is not recorded yet; ask the business unit.');
    const groups = series.filter((s) => s.reportsTo === board.id).map((s) => str(s.name)).filter((x): x is string => Boolean(x));
    if (groups.length) points.push(`Groups reporting to the board: ${listWords(groups)}.`);
    const above = series.find((s) => s.id === board.reportsTo);
    if (above && str(above.name)) {
      const cadence2 = describeCadence(above.cadence);
      points.push(`The board reports to the ${str(above.name)}${cadence2 ? `, which meets ${cadence2}` : ''}.`);
    }
  } else {
    points.push('The board and how often it meets are not recorded in the partnership pack yet.');
  }
  const site = isObj(p.links) && isObj(p.links.website) ? (p.links.website as Loose) : undefined;
  const links = site && str(site.url) && str(site.title) ? [{ title: str(site.title)!, url: str(site.url)! }] : str(p.website) ? [{ title: `${short ?? 'Partnership'} website`, url: str(p.website)! }] : [];
  return {
    id: PARTNERSHIP_TOPIC_ID,
    title: `${name}${short ? ` (${short})` : ''}`,
    risk: false,
    summary: `${short ?? name} is how the statutory safeguarding partners in ${str(p.area) ?? 'the area'} work together, with other agencies, to keep children safe.`,
    points,
    links,
  };
}
