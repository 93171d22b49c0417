/** A share with what it was counted from, so every percentage on the card can show its "n of d". */
export interface Ratio {
  n: number;
  d: number;
}

export const ratio = (n: number, d: number): Ratio => ({ n, d });

/** Whole percent, or undefined when there is nothing to divide by (shown as "no figure", never 0%). */
export function pct(r: Ratio): number | undefined {
  return r.d > 0 ? Math.round((100 * r.n) / r.d) : undefined;
}

/** The middle value (mean of the two middle values for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Counts by key, in first-seen order. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
