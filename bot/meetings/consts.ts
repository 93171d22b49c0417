/** Tuning knobs for the meetings feature, in one place. */
export const REMINDER_SWEEP_SECONDS = 15 * 60;
/** How far ahead the reminder sweep looks for meetings. */
export const REMINDER_LOOKAHEAD_DAYS = 21;
export const UPCOMING_LIST_DAYS = 120;
export const MAX_MATTERS_ARISING = 8;
/** 20 items with long titles plus matters arising stay under the 28 KB card limit (measured: about 23 KB). */
export const MAX_ITEMS = 20;
export const MAX_LIST = 15;
