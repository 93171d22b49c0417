import { isPrivacyAsk } from '../shared/privacy/purpose';

/**
 * The one place a validation failure becomes words for people: the field's label and a plain
 * sentence, never a field key ("key2") or the library's wording ("Too big: expected string to have
 * <=1000 characters"). Verbs give their fields' labels (VerbDef.labels); the router calls this.
 */

/** A zod issue as far as this needs it (zod 4's issue shapes). */
export interface Issue {
  code?: string;
  path: PropertyKey[];
  message: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  expected?: string;
  input?: unknown;
  params?: unknown;
}

export interface Explained {
  message: string;
  /** The child-details guard is asking, not refusing: the form should offer "I have checked". */
  privacyAsk: boolean;
}

/** Keys a card carries to say which record it is about: a problem with one means the card is out of date. */
const RECORD_KEYS = /^(id|etag|meetingId|briefingId|ticketId|queryId|roundId|checkInId|seriesId)$/;
/**
 * The one rule for a date that must not be in the past, however it was entered. Date inputs carry no
 * `min`: a client blanks or clamps a typed date below it without a word, but says something when one
 * is picked, so the server checks both the same way and says this.
 */
export const PAST_DATE = 'That date is in the past: please choose today or a later date.';

export const OUT_OF_DATE = 'This card is out of date. Please open it again from the latest message, or type help.';

/** zod's own wording starts like this; such a message is replaced by a sentence from the issue's code. */
const LIBRARY_WORDING = /^(Too (big|small)|Invalid|Expected|Required|Unrecognized|Unrecognised|String must|Number must)\b/;

const n = (v: number | bigint | undefined) => new Intl.NumberFormat('en-GB').format(Number(v ?? 0));

/** A full sentence for one issue, in our words. */
export function sentenceFor(issue: Issue): string {
  if (issue.message && !LIBRARY_WORDING.test(issue.message)) return finish(issue.message);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' ? `Please keep it to ${n(issue.maximum)} characters or fewer.` : `Please give a number no bigger than ${n(issue.maximum)}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Please fill this in.' : `Please write at least ${n(issue.minimum)} characters.`;
      return `Please give a number of at least ${n(issue.minimum)}.`;
    case 'invalid_type':
      return issue.input === undefined ? 'Please fill this in.' : 'Please check what you entered here.';
    case 'invalid_value':
    case 'invalid_union':
      return 'Please choose one of the options.';
    case 'invalid_format':
      return 'Please check the format of what you entered.';
    default:
      return 'Please check what you entered here.';
  }
}

/** Capital first letter, one full stop at the end, however the pieces were written. */
export function finish(sentence: string): string {
  const t = sentence.trim().replace(/[.\s]+$/, '');
  if (!t) return '';
  const body = t[0].toUpperCase() + t.slice(1);
  return /[!?]$/.test(body) ? body : `${body}.`;
}

/** "<Label>: <sentence>" for the first issue; an unknown key is never shown. */
export function explainInvalid(error: { issues: readonly Issue[] }, labels: Readonly<Record<string, string>> = {}): Explained {
  const issue = error.issues[0];
  if (!issue) return { message: 'Please check the form.', privacyAsk: false };
  const key = String(issue.path[0] ?? '');
  if (RECORD_KEYS.test(key) && !labels[key]) return { message: OUT_OF_DATE, privacyAsk: false };
  const label = labels[key];
  const sentence = sentenceFor(issue);
  return { message: label ? `${label}: ${sentence}` : `Please check the form. ${sentence}`, privacyAsk: isPrivacyAsk(issue) };
}
