/**
 * What the commands, the buttons and the quarterly sweep show: the card for a period, the CSV and
 * the appendix for a reporting year, and the form for the published figures (with saving it).
 */
import type { AdaptiveCard, Member, OutMessage, Services } from '../core/contract';
import type { Stored } from '../../storage/repository';
import { ConflictError, StaleError } from '../../storage/errors';
import { londonDate } from '../shared/time/working-days';
import { appendixCard, numbersCard, recordForm } from './cards';
import { appendixCsv, figuresCsv } from './csv';
import { attendanceMatrix } from './appendix';
import { computeFigures } from './figures';
import { figureContext } from './history';
import { mergeValues, parseFiguresCsv, publishedRows } from './published';
import { parsePeriod, previousPeriod, quarter, reportingYearContaining, type Period } from './periods';
import { loadHistory } from './records';
import { buildReport } from './report';
import { NUMBERS_TUNING } from './consts';

const today = (services: Services) => londonDate(services.clock.now());

/** A reporting year from what was typed ("" = this reporting year); a quarter is not a year. */
export function parseYear(services: Services, text: string): { ok: true; year: Period } | { ok: false; message: string } {
  if (!text.trim()) return { ok: true, year: reportingYearContaining(today(services)) };
  const p = parsePeriod(text, today(services));
  if (!p.ok) return p;
  if (p.period.kind !== 'year') return { ok: false, message: `This is for a reporting year (April to March), such as ${reportingYearContaining(today(services)).arg}.` };
  return { ok: true, year: p.period };
}

export async function numbersMessage(services: Services, member: Pick<Member, 'roles'>, period: Period): Promise<{ card: AdaptiveCard; summary: string }> {
  const report = await buildReport(services, period);
  return { card: numbersCard(report, { partnership: services.content.partnership.shortName, canRecord: member.roles.includes('businessUnit') }), summary: `Partnership in numbers: ${period.label}` };
}

async function published(services: Services, year: Period) {
  const before = previousPeriod(year);
  const [stored, storedBefore] = await Promise.all([services.repos.numbers.year(year.arg), services.repos.numbers.year(before.arg)]);
  return publishedRows(services.content.numbers.publishedFigures, year.arg, before.arg, stored, storedBefore);
}

/** The data behind every figure for a reporting year and each of its quarters started so far. */
export async function csvMessage(services: Services, year: Period): Promise<string> {
  const ctx = figureContext(services.content);
  const t = today(services);
  const startYear = Number(year.from.slice(0, 4));
  const quarters = [quarter(startYear, 2), quarter(startYear, 3), quarter(startYear, 4), quarter(startYear + 1, 1)].filter((q) => q.from <= t);
  const [history, rows] = await Promise.all([loadHistory(services, year.from, year.to), published(services, year)]);
  const periods = [year, ...quarters].map((p) => computeFigures(history, ctx, p, t));
  const csv = figuresCsv(periods, ctx, rows, year.arg, previousPeriod(year).arg);
  return `**Partnership in numbers, ${year.arg}** (CSV: the year, then each quarter, then the published figures). Copy the block below into a file named \`partnership-numbers-${year.arg.replace('/', '-')}.csv\`.\n\n\`\`\`csv\n${csv}\`\`\``;
}

/** The appendix card, then its tables meeting by meeting as CSV. */
export async function appendixMessages(services: Services, year: Period): Promise<OutMessage[]> {
  const ctx = figureContext(services.content);
  const [history, rows] = await Promise.all([loadHistory(services, year.from, year.to), published(services, year)]);
  const matrices = attendanceMatrix(history.meetings, ctx, year);
  const card = appendixCard({ year, previousYear: previousPeriod(year).arg, matrices, board: ctx.boardSeries, published: rows, maxColumns: NUMBERS_TUNING.maxAppendixColumns });
  const csv = appendixCsv(matrices);
  return [
    { card, summary: `Appendix: partnership figures ${year.arg}` },
    csv ? `**Attendance by agency and meeting, ${year.arg}** (CSV, one block per group; ✓ attended, ✗ absent, – not on the list). Copy it into a file named \`attendance-${year.arg.replace('/', '-')}.csv\`.\n\n\`\`\`csv\n${csv}\`\`\`` : `No meetings were recorded as held in ${year.arg}, so there is no attendance table yet.`,
  ];
}

export async function recordFormFor(services: Services, year: string, extra: Omit<Parameters<typeof recordForm>[0], 'year' | 'figures' | 'stored'> = {}) {
  const stored = await services.repos.numbers.year(year);
  return recordForm({ year, figures: services.content.numbers.publishedFigures, stored, ...extra });
}

export type SaveOutcome = { ok: true; changed: number; recorded: number } | { ok: false; stale: true };

/**
 * Saves a year's figures in one ETag-guarded write (all or nothing), then records who changed what
 * in the audit log. `etag` is what the form was drawn from; '' means the year had no record yet.
 */
export async function saveFigures(services: Services, member: Stored<Member>, year: string, etag: string | undefined, values: Map<string, number>, mode: 'replace' | 'merge'): Promise<SaveOutcome> {
  const repo = services.repos.numbers;
  const current = await repo.year(year);
  // An import has no form ETag: it builds on whatever is stored now, still guarded by that ETag.
  const base = mode === 'merge' ? current?._etag ?? '' : etag ?? '';
  if ((current?._etag ?? '') !== base) return { ok: false, stale: true };
  const at = services.clock.now().toISOString();
  const merged = mergeValues(current?.values ?? {}, values, mode, { id: member.id, name: member.name }, at);
  try {
    const saved = await repo.save(year, base, { values: merged.values, updatedBy: member.id, updatedByName: member.name, createdAt: current?.createdAt ?? at, updatedAt: at });
    await services.audit.record({ actorId: member.id, feature: 'numbers', action: mode === 'merge' ? 'import-published' : 'record-published', entityType: 'publishedFigures', entityId: saved.id, beforeEtag: current?._etag, afterEtag: saved._etag, detail: { year, changed: merged.changed, recorded: Object.keys(merged.values).length } });
    return { ok: true, changed: merged.changed, recorded: Object.keys(merged.values).length };
  } catch (e) {
    if (e instanceof StaleError || e instanceof ConflictError) return { ok: false, stale: true };
    throw e;
  }
}

export const STALE_FIGURES = 'Someone else changed these figures while you were editing. Nothing was saved: your entries are below, so check them and save again.';

/** A pasted CSV for one year, checked whole and then merged into the year's record in one write. */
export async function importFiguresCsv(services: Services, member: Stored<Member>, year: string, csv: string): Promise<{ ok: true; changed: number; recorded: number } | { ok: false; problems: string[] }> {
  if (!csv.trim()) return { ok: false, problems: ['CSV: paste a header row (figure,value) and at least one figure.'] };
  if (csv.length > NUMBERS_TUNING.maxCsvChars) return { ok: false, problems: [`CSV: it is longer than ${NUMBERS_TUNING.maxCsvChars.toLocaleString('en-GB')} characters.`] };
  const parsed = parseFiguresCsv(csv, services.content.numbers.publishedFigures, year, NUMBERS_TUNING.maxCsvRows);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const saved = await saveFigures(services, member, year, undefined, parsed.values, 'merge');
  return saved.ok ? saved : { ok: false, problems: [STALE_FIGURES] };
}

/** "3 changes, 4 figures recorded for 2025/26." */
export const savedSummary = (s: { changed: number; recorded: number }, year: string) => `${s.changed} change${s.changed === 1 ? '' : 's'}, ${s.recorded} figure${s.recorded === 1 ? '' : 's'} recorded for ${year}.`;
