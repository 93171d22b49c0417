/** Tuning of the members feature: roster sync and the member directory, in one place. */

/** A team's roster is re-read daily (and when the bot is added to a team, and on `sync members`). */
export const ROSTER_SYNC_EVERY_SECONDS = 24 * 60 * 60;

/** One instance syncs a team at a time; a sync that dies frees the team after this long. */
export const ROSTER_LEASE_MS = 10 * 60_000;

/** Rows in one directory CSV (a Teams message holds about 28 KB, so the whole partnership may take a few). */
export const DIRECTORY_MAX_ROWS = 1_000;

/** Longest directory CSV read from one message. */
export const DIRECTORY_MAX_CHARS = 20_000;

/** Teams messages carry about 28 KB; exports are split into parts of this size. */
export const EXPORT_PART_CHARS = 20_000;

/** Names listed by `members without agency` (the count is always given). */
export const LIST_NAMES = 40;
