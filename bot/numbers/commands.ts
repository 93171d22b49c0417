import type { CommandDef, Services, Turn } from '../core/contract';
import { textFromTeams } from '../shared/teams-text';
import { NUMBERS_ROLES, NUMBERS_TUNING } from './consts';
import { parsePeriod } from './periods';
import { appendixMessages, csvMessage, importFiguresCsv, numbersMessage, parseYear, recordFormFor } from './view';
import { londonDate } from '../shared/time/working-days';

const ROLES = [...NUMBERS_ROLES];

export function createNumbersCommands(services: Services): CommandDef[] {
  /** `numbers csv [year]`, `numbers appendix [year]`, `numbers record [year]`: one year look-up each. */
  const yearCommand = (name: string, description: string, roles: CommandDef['roles'], reply: (turn: Turn, year: Parameters<typeof csvMessage>[1]) => Promise<void>): CommandDef => ({
    feature: 'numbers',
    name,
    usage: `${name} [year]`,
    description,
    roles,
    patterns: [new RegExp(`^${name}(?: (?<year>.+))?$`, 'i')],
    run: async (turn, args) => {
      const y = parseYear(services, args.year ?? '');
      if (!y.ok) return void (await turn.reply(y.message));
      await reply(turn, y.year);
    },
  });

  return [
    yearCommand('numbers csv', 'The data behind every figure for a reporting year, as CSV for the annual report.', ROLES, async (turn, year) => void (await turn.reply(await csvMessage(services, year)))),
    yearCommand('numbers appendix', 'The annual report appendix: attendance by agency and meeting, and the published figures.', ROLES, async (turn, year) => {
      for (const m of await appendixMessages(services, year)) await turn.reply(m);
    }),
    yearCommand('numbers record', 'Record the published figures the bot cannot count (rapid reviews, training, Section 175).', ['businessUnit'], async (turn, year) => void (await turn.reply({ card: await recordFormFor(services, year.arg), summary: `Published figures for ${year.arg}` }))),
    {
      feature: 'numbers',
      name: 'numbers import',
      usage: 'numbers import [year] [CSV]',
      description: 'Record published figures from a CSV (figure,value) pasted after the command.',
      roles: ['businessUnit'],
      // The router flattens line breaks for matching, so the CSV is read from the original text.
      patterns: [/^numbers import(?: .*)?$/i],
      run: async (turn) => {
        // Refused whole rather than cut short: a truncated CSV would record part of what was meant.
        if (turn.text.length > NUMBERS_TUNING.maxCsvChars + 200) return void (await turn.reply(`Nothing was recorded: paste at most ${NUMBERS_TUNING.maxCsvChars.toLocaleString('en-GB')} characters of CSV.`));
        const rest = textFromTeams(turn.text).replace(/^\s*numbers import[ \t]*/i, '');
        const m = /^(\d{4}\s*[/-]\s*\d{2,4})[ \t]*(?:\r?\n|$)/.exec(rest);
        const y = parseYear(services, m ? m[1] : '');
        if (!y.ok) return void (await turn.reply(y.message));
        const csv = m ? rest.slice(m[0].length) : rest;
        if (!csv.trim()) return void (await turn.reply({ card: await recordFormFor(services, y.year.arg), summary: `Published figures for ${y.year.arg}` }));
        const out = await importFiguresCsv(services, turn.member, y.year.arg, csv);
        if (!out.ok) return void (await turn.reply({ card: await recordFormFor(services, y.year.arg, { typed: { csv }, banner: { lines: ['Nothing was recorded.', ...out.problems.slice(0, 8)], tone: 'attention' } }), summary: 'Published figures: nothing recorded' }));
        await turn.reply(`Recorded ${out.changed} published figure${out.changed === 1 ? '' : 's'} for ${y.year.arg} (${out.recorded} recorded for the year). Type **numbers ${y.year.arg}** to see them beside the live figures.`);
      },
    },
    {
      feature: 'numbers',
      name: 'numbers',
      usage: 'numbers [period]',
      description: 'Partnership in numbers: governance, learning into practice, assurance, reach and questions, with charts and a summary. Period: this quarter, 2026 Q3 or 2025/26.',
      roles: ROLES,
      patterns: [/^(?:numbers|partnership in numbers)(?: (?!csv\b|appendix\b|record\b|import\b)(?<period>.+))?$/i],
      run: async (turn, args) => {
        const p = parsePeriod(args.period ?? '', londonDate(services.clock.now()));
        if (!p.ok) return void (await turn.reply(p.message));
        await turn.reply(await numbersMessage(services, turn.member, p.period));
      },
    },
  ];
}
