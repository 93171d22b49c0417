import Ajv from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json';
import schema15 from './schemas/adaptive-card-1.5.0.json';

/**
 * The official Adaptive Card JSON schema, as the tests check every card against it.
 *
 * The 1.5 edition (schemas/adaptive-card-1.5.0.json, MIT, from the AdaptiveCards project) is kept in
 * the repo so the tests need nothing outside it. The copy inside the adaptivecards-designer package
 * (lib/adaptive-card-schema.js) is an earlier edition: 30 definitions against 68, no Action.Execute,
 * ActionSet or Table, and lower-case enum values ("medium"), so it rejects every 1.5 card; the
 * designer package is used for Teams' host config instead (test/support/adaptive-cards.ts).
 *
 * Checked as the DESIGN says: `id` renamed `$id`, the draft-06 meta-schema added, ajv strict off.
 * Teams' `msteams` property is outside the schema and is taken off first; a Teams chart element
 * (type "Chart.*") is replaced by its fallback, which is what a client without charts shows.
 */
function compile() {
  const s = JSON.parse(JSON.stringify(schema15)) as Record<string, unknown>;
  s.$id = s.id;
  delete s.id;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addMetaSchema(draft6);
  return ajv.compile(s);
}

export const validateAgainstSchema = compile();

/** The card as a schema-only client sees it: no msteams, charts replaced by their fallback. */
export function forSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forSchema).filter((x) => x !== undefined);
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.type === 'string' && o.type.startsWith('Chart.')) return o.fallback && o.fallback !== 'drop' ? forSchema(o.fallback) : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (k !== 'msteams') out[k] = forSchema(v);
  return out;
}

/** Every schema error as "path: message", empty when the card is valid. */
export function schemaErrors(card: object): string[] {
  const ok = validateAgainstSchema(forSchema(card));
  if (ok) return [];
  return (validateAgainstSchema.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
}

/** The 1.5 schema as a function from card to problems ("path message"); empty when valid. */
export function cardSchemaValidator() {
  return (card: object): string[] => schemaErrors(card);
}

/** Every Teams chart element in a card (type Chart.*), wherever it sits. */
export function chartElements(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Chart.')) out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The card as a client without charts shows it: each chart replaced by its fallback. */
export function withChartFallbacks<T>(card: T): T {
  const swap = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(swap);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Chart.')) {
        if (!o.fallback || typeof o.fallback !== 'object') throw new Error(`${o.type} has no fallback element`);
        return swap(o.fallback);
      }
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, swap(v)]));
    }
    return n;
  };
  return swap(card) as T;
}
