import { expandCard, listTemplates, sampleData, MAX_CARD_BYTES } from '../../cards/expand';
import { cardSchemaValidator, chartElements, withChartFallbacks } from '../support/card-schema';
import { defaultContentPack } from '../../content/load';
import { figureContext, type History } from '../../bot/numbers/history';
import { reportFrom } from '../../bot/numbers/report';
import { quarter, reportingYear } from '../../bot/numbers/periods';
import { numbersCard, recordForm } from '../../bot/numbers/cards';
import { publishedRows } from '../../bot/numbers/published';

const validate = cardSchemaValidator();
const numbersTemplates = listTemplates().filter((t) => t.feature === 'numbers');

/** Every value a client shows as text: FactSet values, TextBlock text, input values. */
function nonStringValues(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown, path: string) => {
    if (Array.isArray(n)) return n.forEach((x, i) => walk(x, `${path}[${i}]`));
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      const inChart = typeof o.type === 'string' && o.type.startsWith('Chart.');
      if (!inChart) {
        if ('value' in o && o.type !== undefined && typeof o.value !== 'string') out.push(`${path}.value`);
        if ('text' in o && typeof o.text !== 'string') out.push(`${path}.text`);
        if ('title' in o && !('type' in o) && 'value' in o && (typeof o.title !== 'string' || typeof o.value !== 'string')) out.push(`${path} fact`);
      }
      Object.entries(o).forEach(([k, v]) => (inChart && k === 'data' ? undefined : walk(v, `${path}.${k}`)));
    }
  };
  walk(card, '');
  return out;
}

describe('numbers cards', () => {
  it('has the card, the appendix and the record form, each with a sample', () => {
    expect(numbersTemplates.map((t) => t.name)).toEqual(['appendix', 'numbers', 'record']);
  });

  it.each(numbersTemplates.map((t) => [t.name, t] as const))('%s: its sample passes the official Adaptive Card 1.5 schema once each chart is replaced by its fallback', (_name, ref) => {
    const card = expandCard(ref.feature, ref.name, sampleData(ref));
    expect(validate(withChartFallbacks(card))).toEqual([]);
    expect(nonStringValues(card)).toEqual([]);
  });

  it('draws at least two Teams charts, of four kinds, each with a table of the same figures as its fallback', () => {
    const ref = numbersTemplates.find((t) => t.name === 'numbers')!;
    const charts = chartElements(expandCard('numbers', 'numbers', sampleData(ref)));
    expect(charts.map((c) => c.type).sort()).toEqual(['Chart.Donut', 'Chart.HorizontalBar', 'Chart.HorizontalBar', 'Chart.HorizontalBar', 'Chart.Line', 'Chart.VerticalBar']);
    for (const c of charts) {
      const fallback = JSON.stringify(c.fallback);
      const labels = c.type === 'Chart.Line' ? (c.data as { values: { x: string }[] }[])[0].values.map((v) => v.x) : (c.data as { x?: string; legend?: string }[]).map((d) => d.x ?? d.legend!);
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) expect(fallback).toContain(`"title":"${l}"`);
    }
  });

  it('gives the schema checker something to catch: a chart left in, or a numeric fact', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'FactSet', facts: [{ title: 'Held', value: 3 }] }] };
    expect(validate(broken).length).toBeGreaterThan(0);
    expect(() => withChartFallbacks({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Chart.Donut', data: [] }] })).toThrow(/no fallback/);
  });

  it('stays under 28 KB for a busy reporting year with every group, agency, source, grade and topic', () => {
    const pack = defaultContentPack();
    const ctx = figureContext(pack);
    const agencies = pack.partnership.agencies.map((a) => a.id);
    const h: History = { meetings: [], actions: [], rounds: [], checkIns: [], briefings: [], queries: [], tickets: [] };
    for (const [i, s] of ctx.series.entries()) {
      for (let m = 0; m < 12; m++) {
        const day = `${m < 9 ? 2025 : 2026}-${String(((m + 3) % 12) + 1).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}T10:00:00Z`;
        h.meetings.push({ id: `${s.id}-${m}`, seriesId: s.id, startsAt: day, status: m % 5 === 4 ? 'cancelled' : 'held', attendance: agencies.map((agency, k) => ({ agency, present: (k + m) % 3 !== 0 })) });
      }
    }
    pack.actions.sources.forEach((src, i) => {
      for (let k = 0; k < 20; k++) h.actions.push({ id: `a-${i}-${k}`, source: src.id, priority: pack.partnership.priorities[k % 4].id, createdAt: `2025-0${4 + (k % 5)}-1${k % 9}T10:00:00Z`, dueDate: `2026-0${1 + (k % 3)}-15`, status: k % 2 ? 'completed' : 'in_progress', closedOn: k % 2 ? '2026-01-10' : undefined, history: [] });
    });
    pack.audits.templates.forEach((t, i) => {
      h.rounds.push({ id: `r${i}`, code: `R-${i}`, dueDate: '2025-11-20', auditorIds: ['u1', 'u2', 'u3'] });
      t.gradeScale.forEach((g, k) => h.checkIns.push({ roundId: `r${i}`, auditorId: `u${(k % 3) + 1}`, status: 'submitted', grade: g, learningActionIds: [] }));
    });
    for (let b = 0; b < 12; b++) h.briefings.push({ id: `b${b}`, sentAt: `2025-${String(4 + (b % 9)).padStart(2, '0')}-12T10:00:00Z`, rows: agencies.flatMap((agency) => [{ type: 'delivery', status: 'sent', kind: 'personal', agency }, { type: 'response', agency, readAt: '2025-06-01T10:00:00Z', useful: 'yes' }]) });
    pack.queries.topics.forEach((t, i) => {
      for (let k = 0; k <= i; k++) h.queries.push({ id: `q${i}-${k}`, topic: t.id, createdAt: `2025-${String(4 + (k % 9)).padStart(2, '0')}-0${1 + (k % 9)}T10:00:00Z` });
    });
    const published = publishedRows(pack.numbers.publishedFigures, '2025/26', '2024/25');
    const board = ctx.series.find((s) => s.id === ctx.boardSeries)!.name;
    const r = { ...reportFrom(h, ctx, reportingYear(2025), '2026-05-01', published, board), year: reportingYear(2025), previousYear: reportingYear(2024) };
    const card = numbersCard(r, { partnership: 'CESCP', canRecord: true });
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(validate(withChartFallbacks(card))).toEqual([]);
    // The quarter view of the same history, too.
    const q = { ...reportFrom(h, ctx, quarter(2026, 1), '2026-05-01', published, board), year: reportingYear(2025), previousYear: reportingYear(2024) };
    expect(Buffer.byteLength(JSON.stringify(numbersCard(q, { partnership: 'CESCP', canRecord: false })))).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('keeps what was typed in the record form and shows the problem by label', () => {
    const pack = defaultContentPack();
    const card = recordForm({ year: '2025/26', figures: pack.numbers.publishedFigures, typed: { 'f_rapid-reviews': 'four' }, banner: { lines: ['Nothing was saved.', 'Rapid reviews held: please enter a whole number, such as 4.'], tone: 'attention' } });
    expect(JSON.stringify(card)).toContain('"value":"four"');
    expect(JSON.stringify(card)).toContain('Rapid reviews held: please enter a whole number, such as 4.');
    expect(validate(card)).toEqual([]);
  });
});
