/** Resolves after `ms` milliseconds (at once for zero or less). */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
