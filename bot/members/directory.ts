import { z } from 'zod';
import type { Role, Services } from '../core/contract';
import type { DirectoryEntry } from '../../storage/members/schema';
import { readPastedCsv } from '../shared/pasted-csv';
import { parseRole } from './parse-role';
import { DIRECTORY_MAX_ROWS } from './consts';

export interface DirectoryRowError {
  row: number;
  message: string;
}

export type DirectoryParse = { ok: true; rows: { email: string; agency: string; roles: Role[] }[] } | { ok: false; errors: DirectoryRowError[] };

export const DIRECTORY_COLUMNS = 'email, agency, roles';
const EMAIL = z.email();

/**
 * Reads the business unit's member directory: a header row naming the columns e-mail (or UPN),
 * agency and roles, then one person a row. Every row is checked; one bad row refuses the whole file,
 * with a plain sentence per problem naming the row and the column.
 */
export function parseDirectory(csvText: string, agencies: readonly { id: string; name: string; shortName?: string }[]): DirectoryParse {
  const read = readPastedCsv(csvText);
  if (!read.ok) return { ok: false, errors: [{ row: 0, message: read.problem }] };
  const records = read.rows;
  if (records.length < 2) return { ok: false, errors: [{ row: 0, message: `Paste a header row and at least one person. Columns: ${DIRECTORY_COLUMNS}.` }] };
  const header = records[0].map((h) => h.trim().toLowerCase().replace(/[\s_-]+/g, ''));
  const col = {
    email: header.findIndex((h) => ['email', 'emailaddress', 'upn', 'userprincipalname', 'mail'].includes(h)),
    agency: header.indexOf('agency'),
    roles: header.findIndex((h) => h === 'roles' || h === 'role'),
  };
  if (col.email < 0 || col.agency < 0) return { ok: false, errors: [{ row: 1, message: `The header row needs the columns email and agency (roles is optional). Columns: ${DIRECTORY_COLUMNS}.` }] };
  const body = records.slice(1);
  if (body.length > DIRECTORY_MAX_ROWS) return { ok: false, errors: [{ row: 0, message: `At most ${DIRECTORY_MAX_ROWS} people per load; this has ${body.length}. Split the file.` }] };
  const norm = (s: string) => s.trim().toLowerCase();
  const errors: DirectoryRowError[] = [];
  const rows: { email: string; agency: string; roles: Role[] }[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const email = norm(cells[col.email] ?? '');
    if (!EMAIL.safeParse(email).success || email.length > 320) errors.push({ row, message: `E-mail: "${(cells[col.email] ?? '').slice(0, 80)}" is not an e-mail address.` });
    else if (seen.has(email)) errors.push({ row, message: `E-mail: ${email} is already on row ${seen.get(email)}.` });
    else seen.set(email, row);
    const agencyCell = norm(cells[col.agency] ?? '');
    const agency = agencies.find((a) => norm(a.id) === agencyCell || norm(a.name) === agencyCell || (a.shortName && norm(a.shortName) === agencyCell));
    if (!agency) errors.push({ row, message: `Agency: "${(cells[col.agency] ?? '').slice(0, 80)}" is not one of the partnership's agencies.` });
    const roleWords = col.roles >= 0 ? (cells[col.roles] ?? '').split(/[;|/]/).map((w) => w.trim()).filter(Boolean) : [];
    const roles: Role[] = [];
    for (const w of roleWords) {
      const role = parseRole(w);
      if (role) roles.push(role);
      else errors.push({ row, message: `Roles: "${w.slice(0, 40)}" is not a role (roles are business unit, dsp, lsp, chair or practitioner; separate several with ;).` });
    }
    if (agency) rows.push({ email, agency: agency.id, roles: [...new Set(roles)] });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

/**
 * Stores the directory (all or nothing has already been decided) and applies it to the members the
 * bot knows by that address: their agency, and their roles (the person loading it keeps the business
 * unit role, so nobody can lock the business unit out by mistake). Returns how many members matched.
 */
export async function applyDirectory(services: Services, rows: { email: string; agency: string; roles: Role[] }[], actor: { id: string }): Promise<{ stored: number; matched: number }> {
  const at = services.clock.now().toISOString();
  const entries: DirectoryEntry[] = rows.map((r) => ({ type: 'directoryEntry', id: r.email, pk: services.partnershipId, email: r.email, agency: r.agency, roles: r.roles, loadedBy: actor.id, loadedAt: at }));
  for (const e of entries) await services.members.directory.upsert(e);
  const byAddress = new Map(entries.map((e) => [e.id, e]));
  let matched = 0;
  for (const m of await services.members.all()) {
    const entry = byAddress.get((m.email ?? '').toLowerCase()) ?? byAddress.get((m.upn ?? '').toLowerCase());
    if (!entry) continue;
    matched++;
    const roles = m.id === actor.id && m.roles.includes('businessUnit') ? [...new Set<Role>([...entry.roles, 'businessUnit'])] : entry.roles;
    await services.members.members.mutate(m.id, m.pk, (x) => ({ ...x, agency: entry.agency, roles, inDirectory: true, leftAt: undefined, updatedAt: at }));
  }
  await services.audit.record({ actorId: actor.id, feature: 'members', action: 'directory-load', entityType: 'directory', entityId: services.partnershipId, detail: { rows: entries.length, matched } });
  return { stored: entries.length, matched };
}
