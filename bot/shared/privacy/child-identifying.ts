import { z } from 'zod';

/**
 * The one guard every free-text field passes. The bot is for partnership business, not case records,
 * so text that looks like it identifies a child or family is refused before it is stored.
 * It errs towards refusing: a practitioner can always rephrase, but a stored identifier cannot be unseen.
 */
export const KINDS = ['dob', 'nhs_number', 'postcode', 'address', 'phone', 'email'] as const;
export type Kind = (typeof KINDS)[number];

export interface GuardResult {
  flagged: boolean;
  kinds: Kind[];
  message?: string;
}

const KIND_WORDS: Record<Kind, string> = {
  dob: 'a date of birth',
  nhs_number: 'an NHS number',
  postcode: 'a postcode',
  address: 'a street address',
  phone: 'a phone number',
  email: 'an e-mail address',
};

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DATE = new RegExp(
  [
    String.raw`\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\.?,?\s+\d{2,4}\b`,
    String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`,
  ].join('|'),
  'gi',
);
const BIRTH_CONTEXT = /\b(?:born|birth|birthday|dob|d\.\s?o\.\s?b\.?|b\.)(?=\W|$)|\bdate\s+of\s+birth\b/i;

const NHS_CANDIDATE = /(?<![\d\-/])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d\-/])/g;
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKS-UW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2})\b/i;
const STREET_SUFFIX =
  'road|rd|street|st|lane|ln|avenue|ave|close|cl|drive|dr|crescent|cres|way|grove|gr|court|ct|place|pl|gardens|gdns|terrace|tce|walk|row|square|sq|mews|rise|view|parade|green|hill|park|wharf|yard|boulevard';
const ADDRESS = new RegExp(
  String.raw`\b\d{1,4}[a-z]?,?\s+(?:[a-z][a-z'\-]+\s+){1,3}(?:${STREET_SUFFIX})\b\.?|\b(?:flat|apartment|apt)\s+\d+[a-z]?\b`,
  'i',
);
const PHONE_CANDIDATE = /(?:\+\s?44|\b0044|(?<![\d])\(?0)[\d\s\-()]{8,16}\d/g;

/** NHS numbers end in a modulus-11 check digit; numbers that fail it are not NHS numbers. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[9]);
}

function hasDateOfBirth(text: string): boolean {
  for (const m of text.matchAll(DATE)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 25);
    if (BIRTH_CONTEXT.test(before) || /^\s*\(?\s*(?:dob|d\.o\.b\.?|date of birth)\b/i.test(after)) return true;
  }
  return false;
}

function hasNhsNumber(text: string): boolean {
  for (const m of text.matchAll(NHS_CANDIDATE)) {
    if (isValidNhsNumber(m[1] + m[2] + m[3])) return true;
  }
  return false;
}

/** UK numbers: 01/02/03 landlines, 07 mobiles, 08 freephone; 10 or 11 digits with the leading 0. */
function hasPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    let digits = m[0].replace(/\D/g, '');
    if (digits.startsWith('0044')) digits = `0${digits.slice(4)}`;
    else if (digits.startsWith('44') && m[0].trim().startsWith('+')) digits = `0${digits.slice(2)}`;
    if (/^0[1-37-9]\d{8,9}$/.test(digits)) return true;
  }
  return false;
}

const LOCAL_PART = /[A-Za-z0-9._%+-]/;
const DOMAIN_PART = /[A-Za-z0-9.-]/;
const WORD_START = /[A-Za-z0-9]/;

/**
 * An e-mail address: something@domain.tld. Found from each '@' by scanning a bounded distance either
 * side, because the obvious pattern (/[..]+@[..]+\.[a-z]{2,}/) backtracks quadratically on text such
 * as "a.a.a.a..." with no '@' in it: 40,000 characters took 1.5 s.
 */
function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && LOCAL_PART.test(text[start - 1])) start--;
    if (start === at || !WORD_START.test(text[start])) continue;
    let end = at + 1;
    while (end < text.length && end - at <= 253 && DOMAIN_PART.test(text[end])) end++;
    const domain = text.slice(at + 1, end);
    // A dot followed by at least two letters that end the run of letters (".uk", ".org").
    for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
      let letters = dot + 1;
      while (letters < domain.length && /[A-Za-z]/.test(domain[letters])) letters++;
      const next = letters < domain.length ? domain[letters] : text[end] ?? '';
      if (letters - dot - 1 >= 2 && !/[A-Za-z0-9_]/.test(next) && dot > 0) return true;
    }
  }
  return false;
}

export function detectKinds(text: string): Kind[] {
  const found = new Set<Kind>();
  if (hasDateOfBirth(text)) found.add('dob');
  if (hasNhsNumber(text)) found.add('nhs_number');
  if (POSTCODE.test(text)) found.add('postcode');
  if (ADDRESS.test(text)) found.add('address');
  if (hasPhone(text)) found.add('phone');
  if (hasEmail(text)) found.add('email');
  return KINDS.filter((k) => found.has(k));
}

export function describeKinds(kinds: readonly Kind[]): string {
  const words = kinds.map((k) => KIND_WORDS[k]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : (words[0] ?? '');
}

export function guardMessage(kinds: readonly Kind[]): string {
  return (
    `This looks like it contains ${describeKinds(kinds)}. The partnership bot is for partnership business, not case records, ` +
    `so details that could identify a child or family must not be stored here. Please take them out (case details belong in your ` +
    `agency's case record) and try again; everything else you entered has been kept.`
  );
}

export function checkChildIdentifying(text: string): GuardResult {
  if (!text) return { flagged: false, kinds: [] };
  const kinds = detectKinds(text.normalize('NFKC'));
  return kinds.length ? { flagged: true, kinds, message: guardMessage(kinds) } : { flagged: false, kinds: [] };
}

/** The refusal for text the guard flags, or undefined when it is fine (CSV rows, APIs, dialogs). */
export function childIdentifyingMessage(text: string): string | undefined {
  if (!text) return undefined;
  const check = checkChildIdentifying(text);
  return check.flagged ? check.message : undefined;
}

/**
 * The one zod entry point for free text from a card: trimmed, length-limited, then passed through
 * the guard, so every card submit gets the same refusal wording. The guard runs only on text that is
 * already within the limit (a pipe stops at the first failure), so an over-long field costs nothing.
 */
export function guardedText(max: number, opts: { required?: boolean } = {}) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .max(max, `is too long (at most ${max} characters)`);
  const text = opts.required === false ? base : base.min(1, 'is required');
  return text.pipe(
    z.string().superRefine((value, ctx) => {
      const result = checkChildIdentifying(value);
      if (result.flagged) ctx.addIssue({ code: 'custom', message: result.message!, params: { kinds: result.kinds } });
    }),
  );
}
