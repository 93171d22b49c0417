/**
 * Whether the store answered recently, per Cosmos client. When it is down, turns fail fast with an
 * apology instead of waiting out the SDK's retries, and the first successful call marks it up again.
 */
export class StorageHealth {
  down = false;
  downSince = 0;
  markDown(now = Date.now()) {
    if (!this.down) this.downSince = now;
    this.down = true;
  }
  markUp() {
    this.down = false;
    this.downSince = 0;
  }
}

/** Each storage call gives up after this long, so a turn answers within Teams' time budget. */
export const STORAGE_TIMEOUT_MS = 4000;

export function storageTimeout(ms = STORAGE_TIMEOUT_MS): { abortSignal: AbortSignal } {
  return { abortSignal: AbortSignal.timeout(ms) };
}
