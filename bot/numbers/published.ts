/**
 * Published figures: what the pack says the partnership reports, what the business unit recorded
 * for a reporting year, and the year-on-year change. Input from the card and from a pasted CSV goes
 * through the same zod rules, and every problem is told by the figure's label, never its key.
 */
import { z } from 'zod';
import type { PublishedFigure } from '../../content/schema/numbers';
import type { PublishedFigures, RecordedValue } from '../../storage/numbers/schema';
import { readPastedCsv } from '../shared/pasted-csv';
import { describeChange } from './headlines';
import { NUMBERS_TUNING } from './consts';

export const inputId = (figureId: string) => `f_${figureId}`;

/** A value from the card or a CSV cell: "6,499", "84%", " 4 " are fine; blank means not recorded. */
function valueSchema(f: PublishedFigure) {
  return z
    .union([z.string().max(40, 'is too long for a number'), z.number()], { error: 'must be a number' })
    .optional()
    .transform((raw, ctx): number | undefined => {
      const t = String(raw ?? '').trim().replace(/,/g, '').replace(/%$/, '').trim();
      if (t === '') return undefined;
      if (t.length > 12 || !/^\d+(\.\d+)?$/.test(t)) {
        ctx.addIssue({ code: 'custom', message: f.unit === 'percent' ? 'please enter a percentage from 0 to 100, such as 84' : 'please enter a whole number, such as 4' });
        return z.NEVER;
      }
      const v = Number(t);
      if (f.unit === 'count' && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', message: 'please enter a whole number, such as 4' });
      else if (f.unit === 'percent' && v > 100) ctx.addIssue({ code: 'custom', message: 'please enter a percentage from 0 to 100, such as 84' });
      else return v;
      return z.NEVER;
    });
}

export const YearInput = z.string({ error: 'is missing' }).trim().regex(/^\d{4}\/\d{2}$/, 'must be a reporting year such as 2025/26');

/** The record form's data: the year, the ETag it was drawn from, and one field per figure. */
export function recordSchema(figures: readonly PublishedFigure[]) {
  return z.object({
    year: YearInput,
    etag: z.string().max(200).optional().default(''),
    ...Object.fromEntries(figures.map((f) => [inputId(f.id), valueSchema(f)])),
  });
}

export const importSchema = z.object({
  year: YearInput,
  csv: z.string().max(NUMBERS_TUNING.maxCsvChars, `please paste at most ${NUMBERS_TUNING.maxCsvChars.toLocaleString('en-GB')} characters, and split a longer file`),
});

const labelOf = (key: string, figures: readonly PublishedFigure[]) => (key === 'year' ? 'Reporting year' : key === 'csv' ? 'CSV' : figures.find((f) => inputId(f.id) === key)?.label ?? 'This form');

/** Every problem in a plain sentence with the figure's label: "Rapid reviews held: please enter a whole number, such as 4." */
export function describeProblems(error: z.ZodError, figures: readonly PublishedFigure[]): string[] {
  return error.issues.map((i) => `${labelOf(String(i.path[0] ?? ''), figures)}: ${i.message}.`);
}

/** The router's one-line message ('Please check "f_rapid-reviews": ...') with the field's label instead of its key. */
export function relabel(message: string, figures: readonly PublishedFigure[]): string {
  const m = /^Please check "([^"]+)": (.*)$/.exec(message);
  return m ? `${labelOf(m[1], figures)}: ${m[2].replace(/\.?$/, '.')}` : message;
}

/** The values a validated form carries, by figure id (blank fields are absent). */
export function valuesFromForm(data: Record<string, unknown>, figures: readonly PublishedFigure[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of figures) {
    const v = data[inputId(f.id)];
    if (typeof v === 'number') out.set(f.id, v);
  }
  return out;
}

export interface CsvResult {
  ok: boolean;
  values: Map<string, number>;
  problems: string[];
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/**
 * A pasted CSV with a header row `figure,value` (and optionally `year`). Every row is checked before
 * anything is kept: one problem and nothing is recorded. Rows for another year are refused, so one
 * import is one reporting year and one all-or-nothing write.
 */
export function parseFiguresCsv(text: string, figures: readonly PublishedFigure[], year: string, maxRows: number): CsvResult {
  const fail = (problems: string[]): CsvResult => ({ ok: false, values: new Map(), problems });
  const read = readPastedCsv(text);
  if (!read.ok) return fail([read.problem]);
  const records = read.rows;
  if (records.length < 2) return fail(['Paste a header row (figure,value) and at least one figure.']);
  if (records.length - 1 > maxRows) return fail([`At most ${maxRows} rows per import; this has ${records.length - 1}.`]);
  const header = records[0].map(norm);
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const fig = col('figure', 'id', 'label', 'name');
  const val = col('value', 'figure value', 'count');
  const yr = col('year', 'reporting year');
  if (fig < 0 || val < 0) return fail(['Row 1: the header row needs the columns figure and value (and year if you like).']);
  const problems: string[] = [];
  const values = new Map<string, number>();
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = cells[fig] ?? '';
    const f = figures.find((x) => norm(x.id) === norm(cell) || norm(x.label) === norm(cell));
    if (!f) return void problems.push(`Row ${row}: "${cell.slice(0, 60)}" is not a figure the partnership reports. Use one of: ${figures.map((x) => x.id).join(', ')}.`);
    if (yr >= 0 && (cells[yr] ?? '').trim() && YearInput.safeParse(cells[yr]).data !== year) return void problems.push(`Row ${row}, ${f.label}: the year ${cells[yr].trim().slice(0, 12)} is not ${year}; import one reporting year at a time.`);
    if (seen.has(f.id)) return void problems.push(`Row ${row}, ${f.label}: already given on row ${seen.get(f.id)}.`);
    seen.set(f.id, row);
    const parsed = valueSchema(f).safeParse(cells[val] ?? '');
    if (!parsed.success) return void problems.push(`Row ${row}, ${f.label}: ${parsed.error.issues[0].message}.`);
    if (parsed.data === undefined) return void problems.push(`Row ${row}, ${f.label}: the value is empty.`);
    values.set(f.id, parsed.data);
  });
  return problems.length ? fail(problems) : { ok: true, values, problems: [] };
}

export interface PublishedRow {
  id: string;
  label: string;
  section: PublishedFigure['section'];
  unit: PublishedFigure['unit'];
  meaning: string;
  value?: number;
  previous?: number;
  change: string;
  /** Where the value comes from: who recorded it and when, or the document it was published in. */
  provenance: string;
  previousProvenance: string;
  toConfirm?: string;
}

/** A year's value: the business unit's record wins over the figure shipped in the pack. */
export function valueFor(f: PublishedFigure, year: string, stored?: Pick<PublishedFigures, 'values'>): { value?: number; provenance: string; recorded?: RecordedValue } {
  const recorded = stored?.values[f.id];
  if (recorded) return { value: recorded.value, provenance: `recorded by ${recorded.byName || 'the business unit'} on ${recorded.at.slice(0, 10)}`, recorded };
  const shipped = f.published.find((p) => p.year === year);
  if (shipped) return { value: shipped.value, provenance: `${shipped.source.document}, ${shipped.source.section}` };
  return { provenance: 'not recorded' };
}

export function publishedRows(figures: readonly PublishedFigure[], year: string, previousYear: string, stored?: Pick<PublishedFigures, 'values'>, storedBefore?: Pick<PublishedFigures, 'values'>): PublishedRow[] {
  return figures.map((f) => {
    const now = valueFor(f, year, stored);
    const before = valueFor(f, previousYear, storedBefore);
    return {
      id: f.id,
      label: f.label,
      section: f.section,
      unit: f.unit,
      meaning: f.meaning,
      value: now.value,
      previous: before.value,
      change: now.value === undefined ? 'not recorded yet' : describeChange(f.unit, now.value, before.value),
      provenance: now.provenance,
      previousProvenance: before.provenance,
      toConfirm: f.toConfirm,
    };
  });
}

/** The year's new values: the form replaces the whole year; an import changes only the figures it lists. */
export function mergeValues(current: Record<string, RecordedValue>, incoming: Map<string, number>, mode: 'replace' | 'merge', by: { id: string; name: string }, at: string): { values: Record<string, RecordedValue>; changed: number } {
  const out: Record<string, RecordedValue> = mode === 'merge' ? { ...current } : {};
  let changed = 0;
  for (const [id, value] of incoming) {
    const before = current[id];
    if (before && before.value === value) out[id] = before;
    else {
      out[id] = { value, by: by.id, byName: by.name, at };
      changed++;
    }
  }
  if (mode === 'replace') changed += Object.keys(current).filter((id) => !incoming.has(id)).length;
  return { values: out, changed };
}
