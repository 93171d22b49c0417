import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as plain JSON: what features return and what the bot layer wraps in an attachment. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const CARDS_DIR = __dirname;
/** Teams refuses messages over about 28 KB; cards are kept under it. */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * Every template, parsed once when this module loads and never changed afterwards: the files ship
 * with the code, so there is nothing to refresh and nothing one bot could change for another.
 */
const TEMPLATES: ReadonlyMap<string, ACData.Template> = new Map(
  listTemplates().map((t) => [`${t.feature}/${t.name}`, new ACData.Template(JSON.parse(readFileSync(t.path, 'utf8')))]),
);

function template(feature: string, name: string): ACData.Template {
  const t = TEMPLATES.get(`${feature}/${name}`);
  if (!t) throw new Error(`card template ${feature}/${name} does not exist`);
  return t;
}

/**
 * The one function that turns a template (cards/<feature>/<name>.json) and typed data into a card.
 * Data is typed by each feature's card module; the template binds it with ${...}.
 */
export function expandCard<T extends object>(feature: string, name: string, data: T): AdaptiveCard {
  const card = template(feature, name).expand({ $root: data }) as AdaptiveCard;
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) {
    throw new Error(`card ${feature}/${name} is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  }
  return card;
}

export interface TemplateRef {
  feature: string;
  name: string;
  path: string;
  samplePath: string;
}

/** Every template with its sample data file (`<name>.sample.json` beside it). */
export function listTemplates(): TemplateRef[] {
  const out: TemplateRef[] = [];
  for (const feature of readdirSync(CARDS_DIR, { withFileTypes: true })) {
    if (!feature.isDirectory()) continue;
    for (const file of readdirSync(join(CARDS_DIR, feature.name))) {
      if (!file.endsWith('.json') || file.endsWith('.sample.json')) continue;
      const name = file.slice(0, -'.json'.length);
      out.push({
        feature: feature.name,
        name,
        path: join(CARDS_DIR, feature.name, file),
        samplePath: join(CARDS_DIR, feature.name, `${name}.sample.json`),
      });
    }
  }
  return out.sort((a, b) => `${a.feature}/${a.name}`.localeCompare(`${b.feature}/${b.name}`));
}

export function sampleData(ref: TemplateRef): object {
  return JSON.parse(readFileSync(ref.samplePath, 'utf8'));
}
