import { parse } from 'csv-parse/sync';
import { textFromTeams } from './teams-text';

/**
 * CSV pasted into a Teams message (which may arrive as HTML), read into rows the same way for every
 * import: blank lines skipped, cells trimmed, ragged rows allowed (each importer checks its columns).
 * A text that is not CSV gives one plain sentence instead of the parser's message.
 */
export function readPastedCsv(text: string): { ok: true; rows: string[][] } | { ok: false; problem: string } {
  try {
    return { ok: true, rows: parse(textFromTeams(text), { skip_empty_lines: true, relax_column_count: true, trim: true, bom: true }) };
  } catch (e) {
    return { ok: false, problem: `The text is not valid CSV (${(e as Error).message.split('\n')[0]}).` };
  }
}
