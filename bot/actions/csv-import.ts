/**
 * Turns a pasted CSV of recommendations into validated action inputs. Every row is checked before
 * anything is written: one bad row means nothing is imported, and every problem is reported by row.
 */
import { readPastedCsv } from '../shared/pasted-csv';
import { DateTime } from 'luxon';
import type { ActionSource, NewActionInput } from '../../storage/actions/schema';
import type { Labels } from './labels';
import { childIdentifyingMessage } from '../shared/privacy/child-identifying';

export interface ImportLookups {
  labels: Labels;
  sources: { id: ActionSource; name: string; prefix: string }[];
  priorities: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  agencies: { id: string; name: string; shortName?: string }[];
  /** Resolves an owner cell (member id or unique name) to a member, or explains why not. */
  owner(cell: string): { id: string; agency?: string } | string;
  today: string;
  maxRows: number;
}

export interface RowError {
  row: number;
  message: string;
}

export type ImportResult = { ok: true; rows: NewActionInput[] } | { ok: false; errors: RowError[] };

const HEADERS: Record<string, keyof Row> = {
  reference: 'reference', ref: 'reference',
  title: 'title', recommendation: 'title', action: 'title',
  description: 'description', detail: 'description', details: 'description',
  source: 'source',
  priority: 'priority', 'partnership priority': 'priority',
  owner: 'owner', 'owner id': 'owner', 'owner name': 'owner',
  'owner agency': 'ownerAgency', agency: 'ownerAgency', owner_agency: 'ownerAgency',
  group: 'group', 'owning group': 'group',
  due: 'due', 'due date': 'due', due_date: 'due', deadline: 'due',
};

interface Row {
  reference: string;
  title: string;
  description: string;
  source: string;
  priority: string;
  owner: string;
  ownerAgency: string;
  group: string;
  due: string;
}

/** Accepts 2026-03-31 and the UK 31/03/2026. */
export function parseDueDate(cell: string): string | undefined {
  const t = cell.trim();
  const iso = DateTime.fromFormat(t, 'yyyy-MM-dd');
  if (iso.isValid) return iso.toISODate()!;
  const uk = DateTime.fromFormat(t, 'd/M/yyyy');
  return uk.isValid ? uk.toISODate()! : undefined;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, ' ');

function findBy<T extends { id: string; name: string }>(list: T[], cell: string, extra?: (t: T) => string[]): T | undefined {
  const c = norm(cell);
  return list.find((x) => norm(x.id) === c || norm(x.name) === c || (extra?.(x) ?? []).some((e) => norm(e) === c));
}

export const CSV_COLUMNS = 'reference, title, description, source, priority, owner, owner agency, group, due date';

export function parseImport(csvText: string, look: ImportLookups): ImportResult {
  const read = readPastedCsv(csvText);
  if (!read.ok) return { ok: false, errors: [{ row: 0, message: read.problem }] };
  const records = read.rows;
  if (records.length < 2) return { ok: false, errors: [{ row: 0, message: `Paste a header row and at least one action. Columns: ${CSV_COLUMNS}.` }] };
  const header = records[0].map((h) => HEADERS[norm(h)] ?? HEADERS[h.trim().toLowerCase()]);
  const missing = (['title', 'source', 'owner', 'due'] as const).filter((k) => !header.includes(k));
  if (missing.length) return { ok: false, errors: [{ row: 1, message: `The header row needs these columns: ${missing.join(', ')} (recognised columns: ${CSV_COLUMNS}).` }] };
  const body = records.slice(1);
  if (body.length > look.maxRows) return { ok: false, errors: [{ row: 0, message: `At most ${look.maxRows} actions per import; this has ${body.length}. Split the file.` }] };

  const errors: RowError[] = [];
  const rows: NewActionInput[] = [];
  const seenRefs = new Map<string, number>();
  body.forEach((cells, i) => {
    const rowNo = i + 2;
    const r = {} as Row;
    header.forEach((key, col) => {
      if (key) r[key] = cells[col] ?? '';
    });
    const problems: string[] = [];
    const title = (r.title ?? '').trim();
    if (!title) problems.push('title is empty');
    if (title.length > 200) problems.push('title is longer than 200 characters');
    const source = findBy(look.sources, r.source ?? '', (s) => [s.prefix]);
    if (!source) problems.push(`source "${r.source ?? ''}" is not one of ${look.sources.map((s) => s.prefix).join(', ')}`);
    const priority = (r.priority ?? '').trim() && !/^none$/i.test(r.priority.trim()) ? findBy(look.priorities, r.priority) : undefined;
    if ((r.priority ?? '').trim() && !/^none$/i.test(r.priority.trim()) && !priority) problems.push(`priority "${r.priority}" is not a partnership priority`);
    const group = (r.group ?? '').trim() ? findBy(look.groups, r.group) : undefined;
    if ((r.group ?? '').trim() && !group) problems.push(`group "${r.group}" is not a partnership group`);
    const agency = (r.ownerAgency ?? '').trim() ? findBy(look.agencies, r.ownerAgency, (a) => (a.shortName ? [a.shortName] : [])) : undefined;
    if ((r.ownerAgency ?? '').trim() && !agency) problems.push(`owner agency "${r.ownerAgency}" is not a partner agency`);
    const owner = (r.owner ?? '').trim() ? look.owner(r.owner.trim()) : 'owner is empty';
    if (typeof owner === 'string') problems.push(owner);
    const due = parseDueDate(r.due ?? '');
    if (!due) problems.push(`due date "${r.due ?? ''}" is not a date (use 2026-03-31 or 31/03/2026)`);
    else if (due < look.today) problems.push(`due date ${due} is in the past`);
    const reference = (r.reference ?? '').trim();
    if (reference && !/^[A-Za-z0-9][A-Za-z0-9\/_.-]{0,39}$/.test(reference)) problems.push(`reference "${reference}" may use letters, digits and / - _ . only (up to 40)`);
    if (reference) {
      const key = reference.toUpperCase();
      if (seenRefs.has(key)) problems.push(`reference ${reference} is also on row ${seenRefs.get(key)}`);
      else seenRefs.set(key, rowNo);
    }
    for (const [name, value] of [['title', title], ['description', r.description ?? '']] as const) {
      const flagged = childIdentifyingMessage(value);
      if (flagged) problems.push(`${name}: ${flagged}`);
    }
    if (problems.length) {
      errors.push({ row: rowNo, message: problems.join('; ') });
      return;
    }
    rows.push({
      reference: reference || undefined,
      title,
      description: (r.description ?? '').trim().slice(0, 2000),
      source: source!.id,
      priority: priority?.id,
      ownerId: (owner as { id: string }).id,
      ownerAgency: agency?.id ?? (owner as { agency?: string }).agency,
      group: group?.id,
      dueDate: due!,
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
