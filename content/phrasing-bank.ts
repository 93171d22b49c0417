import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ContentPackError, describeIssue } from './load';
import { PhrasingFileSchema, type PhrasingBank } from './schema/phrasings';

export const DEFAULT_PHRASINGS_DIR = resolve(__dirname, 'phrasings');

/** Reads every content/phrasings/<topic>.json; names the first bad field of a bad file. */
export function loadPhrasingBank(dir: string = DEFAULT_PHRASINGS_DIR): PhrasingBank {
  const out: PhrasingBank = { phrasings: [], indicators: [] };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      throw new ContentPackError(`Phrasing file ${name} is not valid JSON: ${(e as Error).message}.`);
    }
    const parsed = PhrasingFileSchema.safeParse(raw);
    if (!parsed.success) throw new ContentPackError(describeIssue(`phrasings/${name}`, parsed.error).replace('Content pack file', 'Phrasing file'));
    if (`${parsed.data.topic}.json` !== name) throw new ContentPackError(`Phrasing file ${name} holds topic "${parsed.data.topic}": name the file after its topic.`);
    const topic = parsed.data.topic;
    for (const p of parsed.data.phrasings) out.phrasings.push({ topic, ...p });
    for (const text of parsed.data.indicators) out.indicators.push({ topic, text });
  }
  return out;
}
