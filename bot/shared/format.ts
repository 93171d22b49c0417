/**
 * How numbers, counts, dates and placeholders are written for people: the one place cards and replies
 * take them from. Card values must be strings (Adaptive Cards show a number in a FactSet as a blank),
 * so everything here returns a string.
 */
import { DateTime } from 'luxon';
import { ZONE, formatDate, formatDateTime } from './time/working-days';

export { formatDate, formatDateTime };

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A whole number as people read it: 7, 1,250. */
export function count(n: number): string {
  return Number.isFinite(n) ? GROUPED.format(n) : '0';
}

/**
 * The one pluraliser: "1 person", "2 people", "1 briefing", "0 briefings". The plural defaults to the
 * word with an "s"; irregular ones are given ("person", "people"). Never "(s)".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** The word alone, for sentences where the number is written elsewhere ("1 of 3 owners was"). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A share as a whole percentage ("45%"), or "n/a" when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : 'n/a';
}

/** A short date for lists: "24 Nov 2026" (London). Empty for no date. */
export function formatDay(iso: string | undefined): string {
  return iso ? DateTime.fromISO(iso).setZone(ZONE).toFormat('d LLL yyyy') : '';
}

/** A London clock time from an instant: "14:05". */
export function formatTime(iso: string, format = 'HH:mm'): string {
  return DateTime.fromISO(iso).setZone(ZONE).toFormat(format);
}

/**
 * The one way a placeholder is written in help, usage lines and banners: "[person]". Angle brackets
 * ("<person>") are swallowed by Teams as an HTML tag, so "add <person> to group" reads "add to group".
 */
export function placeholder(name: string): string {
  return `[${name}]`;
}

/** Fills a usage pattern written with {name} slots: usage('add {person} to group {group}'). */
export function usage(pattern: string): string {
  return pattern.replace(/\{([a-z][a-z ]*)\}/g, (_m, name: string) => placeholder(name));
}

/** "a, b and c". */
export function listOf(items: readonly string[], last = 'and'): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}` : (items[0] ?? '');
}

/** Markdown emphasis and code marks taken out, for places that show text as it is (a card action's reply). */
export function plainText(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2').replace(/`([^`]+)`/g, '$1');
}
