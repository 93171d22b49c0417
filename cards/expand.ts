import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as ACData from 'adaptivecards-templating';

/** An Adaptive Card as plain JSON: what features return and what the bot layer wraps in an attachment. */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const CARDS_DIR = __dirname;
/** Teams refuses messages over about 28 KB; cards are kept under it. */
export const MAX_CARD_BYTES = 28 * 1024;

/**
 * Parsed templates, filled on first use. A memo of a pure function over files that ship with the
 * code: nothing in it can differ between bots, and parsing all of them at start-up would add about
 * 150 ms to a cold start (the templating library itself is loaded on first use for the same reason).
 */
const PARSED_TEMPLATES: Map<string, ACData.Template> = new Map();

function template(feature: string, name: string): ACData.Template {
  const key = `${feature}/${name}`;
  let t = PARSED_TEMPLATES.get(key);
  if (!t) {
    if (!/^[a-z][a-z0-9-]*$/.test(feature) || !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad card name ${key}`);
    const path = join(CARDS_DIR, feature, `${name}.json`);
    if (!existsSync(path)) throw new Error(`card template ${key} does not exist`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Template } = require('adaptivecards-templating') as typeof ACData;
    t = new Template(JSON.parse(readFileSync(path, 'utf8')));
    PARSED_TEMPLATES.set(key, t);
  }
  return t;
}

/**
 * The one function that turns a template (cards/<feature>/<name>.json) and typed data into a card.
 * Data is typed by each feature's card module; the template binds it with ${...}.
 */
export function expandCard<T extends object>(feature: string, name: string, data: T): AdaptiveCard {
  const card = template(feature, name).expand({ $root: data }) as AdaptiveCard;
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > MAX_CARD_BYTES) throw new CardTooLargeError(`card ${feature}/${name} is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte limit`);
  return card;
}

/** A card that would be refused by Teams for its size; callers answer in words instead. */
export class CardTooLargeError extends Error {
  override name = 'CardTooLargeError';
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
