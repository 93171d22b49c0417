import type { VerbDef } from './contract';

/** Keys that must never reach feature code from a card payload. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Copies card data into a null-prototype object, dropping prototype-pollution keys and the
 * routing fields, so zod sees only what the user submitted.
 */
export function cleanCardData(data: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (FORBIDDEN_KEYS.has(k) || k === 'verb' || k === 'msteams') continue;
    out[k] = v;
  }
  return out;
}

export class VerbRegistry {
  private readonly verbs = new Map<string, VerbDef>();
  register(def: VerbDef): void {
    if (this.verbs.has(def.verb)) throw new Error(`verb ${def.verb} registered twice`);
    if (!def.verb.startsWith(`${def.feature}.`)) throw new Error(`verb ${def.verb} must start with "${def.feature}."`);
    this.verbs.set(def.verb, def);
  }
  get(verb: unknown): VerbDef | undefined {
    return typeof verb === 'string' ? this.verbs.get(verb) : undefined;
  }
  all(): VerbDef[] {
    return [...this.verbs.values()];
  }
}
