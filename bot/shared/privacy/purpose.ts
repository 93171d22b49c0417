import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { describeKinds, detectKinds, guardMessage, isValidNhsNumber, type Kind } from './child-identifying';
import { listOf } from '../format';

/**
 * The child-details guard, decided by what a field is for. The patterns live in child-identifying.ts;
 * this layer says which of them matter for a field, and when to ask rather than refuse.
 *
 * - `narrative`: text that could describe a case (descriptions, updates, evidence, reflections,
 *   questions, answers, decisions, titles). Every identifier is refused; a likely child's name or a
 *   likely NHS number whose check digit fails is asked about.
 * - `person`: an adult professional's name or role (chair, presenter, deputy). Identifiers are
 *   refused; names are what the field is for.
 * - `venue`: where a meeting is held. A postcode, a street address or a phone number is the point
 *   of the field; a date of birth or an NHS number is still refused.
 * - `link`: a web address. Not a record of anything: the digits in it are ids, not numbers.
 */
export type FieldPurpose = 'narrative' | 'person' | 'venue' | 'link';

/** What the guard is unsure about, so it asks. */
export type Concern = 'possible_nhs_number' | 'possible_child_name';

export type Verdict =
  | { outcome: 'ok' }
  | { outcome: 'refuse'; kinds: Kind[]; message: string }
  | { outcome: 'ask'; concerns: Concern[]; message: string };

const ALLOWED: Record<FieldPurpose, readonly Kind[]> = {
  narrative: [],
  person: [],
  venue: ['postcode', 'address', 'phone', 'email'],
  link: ['dob', 'nhs_number', 'postcode', 'address', 'phone', 'email'],
};

/** Longest text the extra checks look at; fields are capped well below this before they get here. */
const MAX_CHECKED = 20_000;

/** The word NHS, then ten digits as an NHS number is written (3-3-4, spaces or hyphens optional). */
const NHS_MENTION = /\bNHS\b[^\d\n]{0,20}?(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)/gi;

/**
 * A first name where a child is being described: "a boy called Jamie", "Jamie (7)", "Jamie, aged 7",
 * "Jamie is 7 years old", "Jamie's mum". Conventional anonymised labels (Child A, Family B) are fine.
 * Each pattern is a fixed sequence with bounded gaps, so it runs in linear time.
 */
const NAME = String.raw`([A-Z][a-z]{1,20}(?:[ -][A-Z][a-z]{1,20})?)`;
/** Either case of the first letter, as a sentence may start with the word. */
const words = (list: readonly string[]) => list.map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');
const CHILD_WORDS = words(['child', 'boy', 'girl', 'baby', 'toddler', 'infant', 'son', 'daughter', 'sibling', 'brother', 'sister', 'pupil', 'student', 'teenager', 'young person', 'kid']);
const CHILD_NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:${CHILD_WORDS})\s+(?:called|named|known as)\s+${NAME}`),
  new RegExp(String.raw`\b(?:${CHILD_WORDS})\s+${NAME}\s*(?:\(|,\s*)?(?:aged?\s*)?\d{1,2}\b`),
  new RegExp(String.raw`\b${NAME}\s*\(\s*(?:aged?\s*)?\d{1,2}\s*(?:y(?:ea)?rs?(?: old)?|yo)?\s*\)`),
  new RegExp(String.raw`\b${NAME},?\s+aged?\s+\d{1,2}\b`),
  new RegExp(String.raw`\b${NAME}\s+(?:is|was|turned)\s+\d{1,2}\s+(?:years?|months?)\s+old\b`),
  new RegExp(String.raw`\b${NAME}'s\s+(?:mum|mother|dad|father|parents?|carers?|school|nursery|class|teacher|social worker|foster carers?|siblings?)\b`),
];
/** Capitalised words the name patterns meet that are not names. */
const NOT_NAMES: ReadonlySet<string> = new Set(['Child', 'Children', 'Family', 'Young', 'Baby', 'The', 'This', 'That', 'Our', 'Their', 'His', 'Her', 'Year', 'Key', 'Stage', 'Level', 'Section', 'Page', 'Item', 'Table', 'Figure', 'Appendix', 'Recommendation', 'Priority', 'Question', 'Round', 'Review', 'Phase', 'Step', 'Part', 'Group', 'Team', 'School', 'Class', 'Ward']);

function possibleNhsNumber(text: string): boolean {
  for (const m of text.matchAll(NHS_MENTION)) {
    // A valid number is refused by the patterns already; one that fails the check digit may be a typo.
    if (!isValidNhsNumber(m[1] + m[2] + m[3])) return true;
  }
  return false;
}

function possibleChildName(text: string): boolean {
  return CHILD_NAME_PATTERNS.some((re) => {
    const m = re.exec(text);
    if (!m) return false;
    const first = m[1].split(/[ -]/)[0];
    // "Child A" and "Family B" are how reviews anonymise; a single letter is never a name here.
    return !NOT_NAMES.has(first) && !/^(?:Child|Family|Sibling) [A-Z]$/.test(m[0].trim());
  });
}

const CONCERN_WORDS: Record<Concern, string> = {
  possible_nhs_number: 'an NHS number',
  possible_child_name: "a child's name",
};

/** The question the guard asks; how to answer it (a tick-box, a button, typing it again) is the caller's to add. */
export function askMessage(concerns: readonly Concern[]): string {
  return (
    `This may contain ${listOf(concerns.map((c) => CONCERN_WORDS[c]), 'or')}. If it does, please take it out: details that could identify a child ` +
    `or family belong in your agency's case record, not here. If it does not, confirm and it will be kept as you wrote it.`
  );
}

/** The refusal for a typed question, which has no form to keep: nothing was stored or passed on. */
export function chatRefusal(kinds: readonly Kind[]): string {
  return (
    `This looks like it contains ${describeKinds(kinds)}. The partnership bot is for partnership business, not case records, so I have not ` +
    `kept or passed on your message. Please ask again without those details: case details belong in your agency's case record.`
  );
}

/** How to confirm on a form. */
export const CONFIRM_ON_FORM = 'To keep it, tick "I have checked" below and press the button again.';

/**
 * The verdict for one piece of text written for a purpose. `confirmed` is the writer's answer to an
 * earlier question: it turns an ask into ok, never a refusal into ok. By default it is read from the
 * turn in progress (withPrivacyConsent), so zod schemas need not carry it.
 */
export function judgeText(text: string | undefined, purpose: FieldPurpose, opts: { confirmed?: boolean } = {}): Verdict {
  if (!text || purpose === 'link') return { outcome: 'ok' };
  const t = text.slice(0, MAX_CHECKED).normalize('NFKC');
  const kinds = detectKinds(t).filter((k) => !ALLOWED[purpose].includes(k));
  if (kinds.length) return { outcome: 'refuse', kinds, message: guardMessage(kinds).replace(/\.\s*$/, '.') };
  if (opts.confirmed ?? privacyConsented()) return { outcome: 'ok' };
  const concerns: Concern[] = [];
  if (possibleNhsNumber(t)) concerns.push('possible_nhs_number');
  if (purpose === 'narrative' && possibleChildName(t)) concerns.push('possible_child_name');
  return concerns.length ? { outcome: 'ask', concerns, message: askMessage(concerns) } : { outcome: 'ok' };
}

/** Several labelled fields at once: the first one that needs changing or confirming, by label. */
export function judgeFields(fields: readonly { label: string; text: string | undefined; purpose: FieldPurpose }[], opts: { confirmed?: boolean } = {}): { label: string; verdict: Exclude<Verdict, { outcome: 'ok' }> } | undefined {
  let ask: { label: string; verdict: Exclude<Verdict, { outcome: 'ok' }> } | undefined;
  for (const f of fields) {
    const verdict = judgeText(f.text, f.purpose, opts);
    if (verdict.outcome === 'refuse') return { label: f.label, verdict };
    if (verdict.outcome === 'ask' && !ask) ask = { label: f.label, verdict };
  }
  return ask;
}

/**
 * The writer's "I have checked" for the turn in progress. The router runs a card's validation and
 * handler inside withPrivacyConsent, so a schema's guardedText sees the answer without every schema
 * carrying the tick-box. The store belongs to one call chain: nothing is shared between turns or bots.
 */
const CONSENT = new AsyncLocalStorage<{ confirmed: boolean }>();

export function withPrivacyConsent<T>(confirmed: boolean, fn: () => T): T {
  return CONSENT.run({ confirmed }, fn);
}

export function privacyConsented(): boolean {
  return CONSENT.getStore()?.confirmed ?? false;
}

/** The tick-box's value from a card submit ("true" from Input.Toggle, true from older clients). */
export function confirmedIn(data: Record<string, unknown> | undefined): boolean {
  const v = data?.privacyConfirmed;
  return v === true || v === 'true';
}

/** Marks a zod issue as the guard asking, so a form can show the "I have checked" tick-box. */
export const ASK_PARAM = 'privacyAsk';
export function isPrivacyAsk(issue: { params?: unknown } | undefined): boolean {
  return Boolean(issue && typeof issue.params === 'object' && issue.params && (issue.params as Record<string, unknown>)[ASK_PARAM]);
}

/** Plain sentences for the length and presence rules every text field shares. */
export const TEXT_REQUIRED = 'Please fill this in.';
export const tooLong = (max: number) => `Please keep it to ${new Intl.NumberFormat('en-GB').format(max)} characters or fewer.`;

/**
 * The zod entry point for free text from a card: trimmed, length-limited, then judged for its purpose.
 * The guard runs only on text within the limit (a pipe stops at the first failure), so an over-long
 * field costs nothing. A refusal and an ask are both issues; an ask carries ASK_PARAM.
 */
export function guardedText(max: number, purpose: FieldPurpose, opts: { required?: boolean } = {}) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? TEXT_REQUIRED : 'Please enter text here.') })
    .trim()
    .max(max, tooLong(max));
  const text = opts.required === false ? base : base.min(1, TEXT_REQUIRED);
  return text.pipe(
    z.string().superRefine((value, ctx) => {
      const verdict = judgeText(value, purpose);
      if (verdict.outcome === 'refuse') ctx.addIssue({ code: 'custom', message: verdict.message, params: { kinds: verdict.kinds } });
      else if (verdict.outcome === 'ask') ctx.addIssue({ code: 'custom', message: `${verdict.message} ${CONFIRM_ON_FORM}`, params: { [ASK_PARAM]: true, concerns: verdict.concerns } });
    }),
  );
}
