import { z } from 'zod';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import { sendToAuthor } from '../briefings/author-chat';
import { NUMBERS_ROLES } from './consts';
import { parsePeriod } from './periods';
import { describeProblems, importSchema, recordSchema, relabel, valuesFromForm, YearInput } from './published';
import { appendixMessages, csvMessage, importFiguresCsv, numbersMessage, parseYear, recordFormFor, saveFigures, savedSummary, STALE_FIGURES } from './view';
import { londonDate } from '../shared/time/working-days';

const ROLES = [...NUMBERS_ROLES];

export function createNumbersVerbs(services: Services): VerbDef[] {
  const figures = services.content.numbers.publishedFigures;
  const RecordSchema = recordSchema(figures);
  const yearOf = (raw: Record<string, unknown>) => (YearInput.safeParse(raw.year).success ? String(raw.year).trim() : undefined);

  /**
   * The form again with what was typed and every problem by the figure's label (the router's own
   * message would name the field's key), so a mistake loses nothing.
   */
  const invalidForm = (schema: z.ZodType, lead: string) => async (_turn: Turn, raw: Record<string, unknown>, message: string): Promise<VerbResult> => {
    const year = yearOf(raw);
    const parsed = schema.safeParse(raw);
    // What was typed comes back cut to the longest field a form allows, so it may now pass: then the router's reason stands.
    const lines = parsed.success ? [relabel(message, figures)] : describeProblems(parsed.error, figures);
    if (!year) return { message: lines[0] ?? 'Reporting year: must be a reporting year such as 2025/26.' };
    return { card: await recordFormFor(services, year, { typed: raw, banner: { lines: [lead, ...lines.slice(0, 8)], tone: 'attention' } }) };
  };

  /** A year from a button: checked as typed text would be, so a stale or forged value gets a plain answer. */
  const withYear = async (text: string, then: (year: Parameters<typeof csvMessage>[1]) => Promise<VerbResult>): Promise<VerbResult> => {
    const y = parseYear(services, text);
    return y.ok ? then(y.year) : { message: y.message };
  };

  /** CSV and appendix go to the presser's own chat: the card may be in the board's channel. */
  const toMyChat = async (turn: Turn, messages: Parameters<typeof sendToAuthor>[2][]): Promise<VerbResult> => {
    for (const m of messages) await sendToAuthor(services, turn, m);
    return { message: turn.conversation.kind === 'personal' ? 'Sent below.' : 'Sent to your chat with me.' };
  };

  return [
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.show',
      roles: ROLES,
      schema: z.object({ period: z.string().max(40).optional().default('') }),
      run: async (turn, d) => {
        const p = parsePeriod(d.period, londonDate(services.clock.now()));
        if (!p.ok) return { message: p.message };
        return { card: (await numbersMessage(services, turn.member, p.period)).card };
      },
    }),
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.csv',
      roles: ROLES,
      schema: z.object({ year: z.string().max(20) }),
      run: (turn, d) => withYear(d.year, async (year) => toMyChat(turn, [await csvMessage(services, year)])),
    }),
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.appendix',
      roles: ROLES,
      schema: z.object({ year: z.string().max(20) }),
      run: (turn, d) => withYear(d.year, async (year) => toMyChat(turn, await appendixMessages(services, year))),
    }),
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.record.open',
      roles: ['businessUnit'],
      schema: z.object({ year: z.string().max(20) }),
      run: (_turn, d) => withYear(d.year, async (year) => ({ card: await recordFormFor(services, year.arg) })),
    }),
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.record',
      roles: ['businessUnit'],
      schema: RecordSchema,
      invalid: invalidForm(RecordSchema, 'Nothing was saved.'),
      run: async (turn, d) => {
        const y = parseYear(services, d.year);
        if (!y.ok) return { message: y.message };
        const raw = d as Record<string, unknown>;
        const saved = await saveFigures(services, turn.member, y.year.arg, d.etag, valuesFromForm(raw, figures), 'replace');
        if (!saved.ok) return { card: await recordFormFor(services, y.year.arg, { typed: rawForForm(raw), banner: { lines: [STALE_FIGURES], tone: 'attention' } }) };
        return { card: await recordFormFor(services, y.year.arg, { banner: { lines: [`Saved: ${savedSummary(saved, y.year.arg)}`], tone: 'good' } }) };
      },
    }),
    defineVerb({
      feature: 'numbers',
      verb: 'numbers.import',
      roles: ['businessUnit'],
      schema: importSchema,
      labels: { year: 'Reporting year', csv: 'CSV' },
      invalid: invalidForm(importSchema, 'Nothing was recorded.'),
      run: async (turn, d) => {
        const y = parseYear(services, d.year);
        if (!y.ok) return { message: y.message };
        const out = await importFiguresCsv(services, turn.member, y.year.arg, d.csv);
        if (!out.ok) return { card: await recordFormFor(services, y.year.arg, { typed: { ...d }, banner: { lines: ['Nothing was recorded.', ...out.problems.slice(0, 8)], tone: 'attention' } }) };
        return { card: await recordFormFor(services, y.year.arg, { banner: { lines: [`Imported: ${savedSummary(out, y.year.arg)}`], tone: 'good' } }) };
      },
    }),
  ];
}

/** The form's values as typed, for re-showing them: numbers back to text. */
function rawForForm(d: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v === undefined ? '' : String(v)]));
}
