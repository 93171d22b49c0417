/** Tuning knobs for the numbers feature, in one place. */
export const NUMBERS_TUNING = {
  /** How often the quarterly sweep looks (it posts only on the first working day of a quarter, once). */
  sweepEverySeconds: 15 * 60,
  /** A quarterly-post claim still pending after this long was interrupted (a crash): it is released and retried. */
  staleClaimMinutes: 30,
  /** Reads in flight when loading check-ins and briefing reach rows. */
  readConcurrency: 4,
  /** Topics and agencies shown on the card's charts; the rest are summed as "Other" (the CSV has them all). */
  maxChartRows: 8,
  /** Meetings shown as columns of the appendix table on the card (the CSV has them all). */
  maxAppendixColumns: 10,
  /**
   * A pasted CSV of published figures is refused above this size, before it is parsed. Eleven figures
   * take about 500 characters; the limit matches the router's longest typed field, so the form shown
   * again with the CSV in it stays under Teams' card size.
   */
  maxCsvChars: 4_000,
  maxCsvRows: 60,
} as const;

/** Who may see the figures: the business unit, chairs and the safeguarding partners. */
export const NUMBERS_ROLES = ['businessUnit', 'chair', 'dsp', 'lsp'] as const;
