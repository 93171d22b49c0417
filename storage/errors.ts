/** Storage failures the feature code can act on, independent of the Cosmos SDK's error shapes. */
export class StorageError extends Error {}
export class NotFoundError extends StorageError {}
export class ConflictError extends StorageError {}
/** Someone else changed the document since it was read (HTTP 412 on IfMatch). */
export class StaleError extends StorageError {}
export class StorageUnavailableError extends StorageError {}

export function statusOf(e: unknown): number | undefined {
  const code = (e as { code?: unknown; statusCode?: unknown })?.code ?? (e as { statusCode?: unknown })?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Maps a Cosmos SDK error onto ours; anything without an HTTP status means the store is unreachable. */
export function translate(e: unknown): Error {
  if (e instanceof StorageError) return e;
  const status = statusOf(e);
  if (status === 404) return new NotFoundError('not found');
  if (status === 409) return new ConflictError('already exists');
  if (status === 412) return new StaleError('changed by someone else');
  if (status === undefined || status === 408 || status === 503 || status >= 500) {
    return new StorageUnavailableError('storage unavailable');
  }
  return e instanceof Error ? e : new StorageError(String(e));
}
