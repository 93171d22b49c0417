import Ajv from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json';
import schema from './schemas/adaptive-card-1.5.0.json';

/**
 * Checks a card against the official Adaptive Card 1.5 JSON schema (see schemas/README.md). Teams
 * chart elements are outside the schema: check `withChartFallbacks(card)`, which is what a client
 * without charts renders.
 */
const { id, ...rest } = schema as { id: string } & Record<string, unknown>;

export function cardSchemaValidator() {
  const ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  ajv.addMetaSchema(draft6);
  const validate = ajv.compile({ ...rest, $id: id });
  return (card: object): string[] => {
    const { msteams, ...body } = card as Record<string, unknown>;
    void msteams;
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(card)'} ${e.message}`);
  };
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
