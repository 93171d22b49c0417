import type { ItemType } from '../../storage/meetings/schema';

export interface QuickItem {
  title: string;
  presenter: string;
  agency: string;
  minutes: number;
  kind: ItemType;
  paperUrl: string;
}

const KINDS: ItemType[] = ['decision', 'assurance', 'information', 'discussion'];

/**
 * The quick text format for agenda items, one per line, fields split by "|":
 * `title | presenter | agency | minutes | type | paper link` (only the title is required).
 * Every line is checked; any problem means no item is taken, so a half-pasted agenda is never stored.
 */
/** An agency as people write it: its id, its full name or the short name the bot itself shows. */
export interface AgencyName {
  id: string;
  name: string;
  shortName?: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');

export function findAgency(agencies: readonly AgencyName[], text: string): AgencyName | undefined {
  const t = norm(text);
  return agencies.find((a) => norm(a.id) === t || norm(a.name) === t || (a.shortName !== undefined && norm(a.shortName) === t));
}

export function parseQuickAgenda(text: string, agencies: readonly AgencyName[]): { items: QuickItem[]; errors: string[] } {
  const items: QuickItem[] = [];
  const errors: string[] = [];
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((line, i) => {
      if (!line) return;
      const [title = '', presenter = '', agency = '', minutes = '', kind = '', paperUrl = ''] = line.split('|').map((p) => p.trim());
      const n = i + 1;
      if (!title) return void errors.push(`Line ${n}: an agenda item needs a title.`);
      const mins = minutes ? Number(minutes) : 15;
      if (!Number.isInteger(mins) || mins < 1 || mins > 480) return void errors.push(`Line ${n}: minutes must be a whole number from 1 to 480.`);
      const k = (kind || 'information').toLowerCase() as ItemType;
      if (!KINDS.includes(k)) return void errors.push(`Line ${n}: type must be one of ${KINDS.join(', ')}.`);
      const found = agency ? findAgency(agencies, agency) : undefined;
      if (agency && !found) return void errors.push(`Line ${n}: "${agency}" is not an agency I know. Agencies: ${agencies.map((a) => a.shortName ?? a.name).join(', ')}.`);
      if (paperUrl && !/^https:\/\/\S+$/i.test(paperUrl)) return void errors.push(`Line ${n}: the paper link must start with https://.`);
      items.push({ title: title.slice(0, 200), presenter: presenter.slice(0, 120), agency: found?.id ?? '', minutes: mins, kind: k, paperUrl });
    });
  return { items, errors };
}
