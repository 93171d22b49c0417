/** Every tuning knob of the actions feature in one place. */
export const ACTIONS_TUNING = {
  /** Seconds between nudge sweeps (each instance tries; the lease lets one run). */
  sweepEverySeconds: 300,
  /** A claim still pending after this long belongs to a sweep that died mid-send; it is released and sent again. */
  stalePendingMinutes: 10,
  /** Parallel point reads / sends inside a sweep; the Bot Connector allows far more, Cosmos is the limit. */
  sweepConcurrency: 16,
  /** Bulk operations per request (the Cosmos bulk limit is 100). */
  bulkChunk: 100,
  /** Rows shown in list cards before "and N more", to stay under Teams' card size limit. */
  listLimit: 25,
  /** Rows in a reminder card: a long list is noise; "my actions" has the rest. */
  reminderLimit: 10,
  /** Bulk requests in flight at once during a sweep. */
  bulkConcurrency: 4,
  /** Overdue rows on the summary card. */
  summaryOverdueLimit: 15,
  /** Notes shown on an action card (newest first); the rest stay in the record. */
  notesShown: 3,
  /** Rows accepted in one CSV import. */
  importMaxRows: 500,
  /** Owner choices offered in the create/edit forms. */
  ownerChoices: 150,
} as const;

/** Member preference key for the weekly digest. */
export const DIGEST_PREF = 'actionsDigest';
