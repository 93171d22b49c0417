/** What people see when something fails on our side: never a stack trace, always a reference to quote. */
export const APOLOGY = (ref: string) =>
  `Sorry, something went wrong on our side and nothing was changed. Please try again in a minute (reference ${ref}).`;
export const STORAGE_APOLOGY = (ref: string) =>
  `Sorry, the partnership bot cannot reach its storage just now, so nothing was changed. Please try again in a few minutes (reference ${ref}).`;
