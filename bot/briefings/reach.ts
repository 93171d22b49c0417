import { stringify } from 'csv-stringify/sync';
import type { Agency, Role } from '../../content/schema/partnership';
import { ROLE_LABELS } from '../core/roles';

export interface ReachRow {
  type: string;
  status?: string;
  kind?: string;
  agency?: string;
  roles?: string[];
  readAt?: string;
  useful?: string;
  reflection?: string;
}

export interface ReachGroup {
  key: string;
  name: string;
  delivered: number;
  read: number;
  yes: number;
  partly: number;
  no: number;
}

export interface Reach {
  delivered: number;
  channels: number;
  notDelivered: number;
  pending: number;
  read: number;
  readPersonal: number;
  useful: { yes: number; partly: number; no: number };
  reflections: number;
  byAgency: ReachGroup[];
  byRole: ReachGroup[];
}

const NO_AGENCY = 'none';

/** Spreadsheets run cells that start with = + - @ as formulas; free text must never do that. */
export function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The committee's figures for one briefing, from deliveries and responses. Pure, so it is tested as a table. */
export function computeReach(rows: readonly ReachRow[], agencies: readonly Agency[]): Reach {
  const agencyName = (id: string) => (id === NO_AGENCY ? 'Agency not recorded' : agencies.find((a) => a.id === id)?.name ?? id);
  const roleName = (id: string) => ROLE_LABELS[id as Role] ?? id;
  const byAgency = new Map<string, ReachGroup>();
  const byRole = new Map<string, ReachGroup>();
  const group = (m: Map<string, ReachGroup>, key: string, name: (k: string) => string) => {
    let g = m.get(key);
    if (!g) m.set(key, (g = { key, name: name(key), delivered: 0, read: 0, yes: 0, partly: 0, no: 0 }));
    return g;
  };
  const r: Reach = { delivered: 0, channels: 0, notDelivered: 0, pending: 0, read: 0, readPersonal: 0, useful: { yes: 0, partly: 0, no: 0 }, reflections: 0, byAgency: [], byRole: [] };
  for (const row of rows) {
    if (row.type === 'delivery') {
      if (row.status === 'sent') {
        if (row.kind === 'personal') {
          r.delivered++;
          group(byAgency, row.agency ?? NO_AGENCY, agencyName).delivered++;
          for (const role of row.roles ?? []) group(byRole, role, roleName).delivered++;
        } else r.channels++;
      } else if (row.status === 'failed' || row.status === 'unreachable') r.notDelivered++;
      else r.pending++;
    } else if (row.type === 'response') {
      const groups = [group(byAgency, row.agency ?? NO_AGENCY, agencyName), ...(row.roles ?? []).map((role) => group(byRole, role, roleName))];
      if (row.readAt) {
        r.read++;
        groups.forEach((g) => g.read++);
      }
      if (row.useful === 'yes' || row.useful === 'partly' || row.useful === 'no') {
        r.useful[row.useful]++;
        groups.forEach((g) => g[row.useful as 'yes' | 'partly' | 'no']++);
      }
      if (row.reflection) r.reflections++;
    }
  }
  r.readPersonal = r.read;
  const sort = (m: Map<string, ReachGroup>) => [...m.values()].sort((a, b) => b.delivered - a.delivered || a.name.localeCompare(b.name));
  r.byAgency = sort(byAgency);
  r.byRole = sort(byRole);
  return r;
}

/**
 * The same figures as the reach card, as CSV. Free text (practice reflections) only when asked, and
 * then without names or member ids: the reflection, the agency and the rating.
 */
export function reachCsv(briefing: { code: string; title: string }, reach: Reach, rows: readonly ReachRow[], agencies: readonly Agency[], withReflections: boolean): string {
  const out: (string | number)[][] = [['briefing', 'title', 'group', 'name', 'delivered', 'read', 'useful_yes', 'useful_partly', 'useful_no']];
  out.push([briefing.code, briefing.title, 'total', 'all', reach.delivered, reach.read, reach.useful.yes, reach.useful.partly, reach.useful.no]);
  for (const g of reach.byAgency) out.push([briefing.code, briefing.title, 'agency', g.name, g.delivered, g.read, g.yes, g.partly, g.no]);
  for (const g of reach.byRole) out.push([briefing.code, briefing.title, 'role', g.name, g.delivered, g.read, g.yes, g.partly, g.no]);
  let csv = stringify(out);
  if (withReflections) {
    const name = (id?: string) => agencies.find((a) => a.id === id)?.name ?? 'Agency not recorded';
    const refl = rows.filter((r) => r.type === 'response' && r.reflection).map((r) => [briefing.code, name(r.agency), r.useful ?? '', inert(r.reflection ?? '')]);
    csv += '\n' + stringify([['briefing', 'agency', 'useful', 'how_will_you_use_this'], ...refl]);
  }
  return csv;
}
