import type { ContentPack } from './load';
import type { Chair, FrontDoor, MeetingSeries } from './schema/partnership';
import type { Provenance, SourceRef, TextFact, SourceDocument } from './schema/provenance';
import { DateTime } from 'luxon';
import { NATIONAL_DOCUMENTS } from './national';

/**
 * Plain-English renderings of pack facts, shared by the cards, the `content` command and the
 * report, so a rule reads the same everywhere. Pure functions over a loaded pack.
 */

export const TO_BE_CONFIRMED = 'to be confirmed';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function list(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
}

/** A contact value people can act on: only when it is there and nobody still has to confirm it. */
export function confirmedValue(fact: TextFact | undefined): string | undefined {
  return fact?.value && !fact.toConfirm ? fact.value : undefined;
}

/** "ChECS on 0300 ..." or "ChECS (phone number to be confirmed)": never an unconfirmed number shown as fact. */
export function frontDoorContact(fd: FrontDoor): string {
  const phone = confirmedValue(fd.phone);
  const ooh = confirmedValue(fd.outOfHoursPhone);
  if (!phone) return `${fd.shortName} (${fd.name}; phone number ${TO_BE_CONFIRMED})`;
  return `${fd.shortName} on ${phone}${ooh ? ` (out of hours ${ooh})` : ''}`;
}

/** The line every risk card, the help card and every briefing lead with. */
export function emergencyLine(pack: ContentPack): string {
  return `If a child is in immediate danger, call 999. For urgent concerns contact ${frontDoorContact(pack.partnership.frontDoor)}.`;
}

export function describeCadence(c: MeetingSeries['cadence']): string {
  if (!c) return `not set by the partnership (${TO_BE_CONFIRMED})`;
  switch (c.kind) {
    case 'weeks':
      return c.every === 1 ? 'every week' : `every ${c.every} weeks`;
    case 'months':
      return c.every === 1 ? 'every month' : c.every === 2 ? 'every two months' : c.every === 3 ? 'every quarter' : `every ${c.every} months`;
    case 'fixed-months':
      return `in ${list((c.months ?? []).map((m) => MONTHS[m - 1]))}`;
    case 'as-needed':
      return 'when needed';
  }
}

export function agencyLabel(pack: ContentPack, id: string): string {
  const a = pack.partnership.agencies.find((x) => x.id === id);
  return a?.shortName ?? a?.name ?? id;
}

export function partnerLabel(pack: ContentPack, id: string): string {
  return [...pack.partnership.statutoryPartners, ...pack.partnership.localPartners].find((p) => p.id === id)?.label ?? id;
}

/** Who chairs, in a sentence fragment: "the Independent Chair (Gill Frame)", "the DSPs in turn, changing each year". */
export function describeChair(pack: ContentPack, chair: Chair | undefined): string {
  if (!chair) return `not set by the partnership (${TO_BE_CONFIRMED})`;
  switch (chair.kind) {
    case 'rota':
      return `${chair.who} in turn (${list(chair.among.map((a) => agencyLabel(pack, a)))}), changing ${chair.every === 'year' ? 'each year' : 'at each meeting'}`;
    case 'independent': {
      const person = pack.partnership.people.find((p) => p.id === chair.person);
      const name = person?.name && !person.toConfirm ? ` (${person.name})` : '';
      return `the ${person?.title ?? 'independent chair'}${name}`;
    }
    case 'elected':
      return `elected by ${chair.by}`;
    case 'role':
      return `the ${chair.role}${chair.agency ? ` (${agencyLabel(pack, chair.agency)})` : ''}`;
  }
}

/** Short form for choice lists: "Independent Chair", "chair rotates yearly". */
export function chairShort(pack: ContentPack, chair: Chair | undefined): string | undefined {
  if (!chair) return undefined;
  if (chair.kind === 'rota') return `chair rotates ${chair.every === 'year' ? 'yearly' : 'each meeting'}`;
  if (chair.kind === 'independent') return pack.partnership.people.find((p) => p.id === chair.person)?.title ?? 'independent chair';
  if (chair.kind === 'elected') return 'elected chair';
  return chair.role;
}

export function describeQuorum(pack: ContentPack, q: MeetingSeries['quorum']): string {
  if (!q) return 'no quorum rule set by the partnership';
  return `quorate only with ${list(q.partners.map((p) => partnerLabel(pack, p)))} represented`;
}

/** Every document a pack may cite: its own, then the national ones. */
export function documentsOf(pack: Pick<ContentPack, 'sources'>): SourceDocument[] {
  return [...pack.sources.documents, ...NATIONAL_DOCUMENTS];
}

export function describeSource(pack: Pick<ContentPack, 'sources'>, ref: SourceRef): string {
  const doc = documentsOf(pack).find((d) => d.id === ref.doc);
  return `${doc?.short ?? ref.doc}, ${ref.at}`;
}

/** "29 Nov 2026", the day in the UK. */
const londonDay = (at: string) => DateTime.fromISO(at, { zone: 'utc' }).setZone('Europe/London').toFormat('d LLL yyyy');

/**
 * The "Source:" line of an answer card: the distinct documents behind what the card shows, a note
 * when any of it is still to be confirmed, and the business unit's own changes.
 */
export function sourceLine(pack: Pick<ContentPack, 'sources'>, items: readonly Provenance[]): string {
  const docs = documentsOf(pack);
  const byDoc = new Map<string, string[]>();
  for (const it of items) {
    if (!it.source) continue;
    const at = byDoc.get(it.source.doc) ?? [];
    if (!at.includes(it.source.at)) at.push(it.source.at);
    byDoc.set(it.source.doc, at);
  }
  const parts = [...byDoc].map(([id, at]) => `${docs.find((d) => d.id === id)?.short ?? id} (${at.slice(0, 2).join('; ')}${at.length > 2 ? '; …' : ''})`);
  const shown = parts.length > 3 ? [...parts.slice(0, 3), `${parts.length - 3} more`] : parts;
  const changed = items.filter((i) => i.override?.action === 'change');
  const notes = [
    ...(changed.length ? [`Updated by the business unit (${changed[changed.length - 1].override!.byName}, ${londonDay(changed[changed.length - 1].override!.at)})`] : []),
    ...(items.some((i) => i.toConfirm) ? ['Parts marked "to be confirmed" are awaiting the partnership'] : []),
  ];
  const line = [shown.join('; '), ...notes].filter(Boolean).join('. ');
  // A sentence on the card: closed with a full stop unless it already ends in one.
  return line && !/[.!?]$/.test(line) ? `${line}.` : line;
}

/** A statement as a card shows it: marked when the partnership has still to confirm it. */
export function statementText(s: { text: string } & Provenance): string {
  return s.toConfirm ? `${s.text} (${TO_BE_CONFIRMED})` : s.text;
}

/**
 * An agency of a kind, preferring one that counts for a statutory partner ("the council's children's
 * services", "the police", "the health partner"): lets demo data and examples follow any pack.
 */
export function agencyOfKind(pack: Pick<ContentPack, 'partnership'>, kind: 'local-authority' | 'police' | 'health' | 'education'): string | undefined {
  const all = pack.partnership.agencies.filter((a) => a.kind === kind);
  return (all.find((a) => a.statutoryPartner) ?? all[0])?.id;
}
