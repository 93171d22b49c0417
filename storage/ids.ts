import { createHash, randomUUID } from 'node:crypto';

/** Cosmos ids may not contain / \ ? #; Teams conversation ids can be long, so hash them. */
export function idFromExternal(prefix: string, external: string): string {
  return `${prefix}-${createHash('sha256').update(external).digest('hex').slice(0, 32)}`;
}

/** A deterministic id from parts, for documents that must exist at most once (nudges, deliveries). */
export function deterministicId(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
}

export function newId(): string {
  return randomUUID();
}
