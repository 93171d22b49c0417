import { ContentPackError, PACK_FILES, checkPackFile, listPacks, loadContentPack, packDir, readPackFile, type ContentPack } from './load';
import { packFacts, sourceKind, type Fact } from './facts';
import { documentsOf } from './describe';
import type { Sources } from './schema/provenance';

export interface ForeignWord {
  file: string;
  path: string;
  word: string;
  /** The pack the word belongs to. */
  pack: string;
}

/** What `pack:check` finds in one pack. A pack passes when every list but `toConfirm` and `warnings` is empty. */
export interface PackCheck {
  pack: string;
  /** Files missing, not JSON, or not matching the schema: one sentence each. */
  errors: string[];
  /** Facts with neither a source nor `toConfirm`. */
  missing: Fact[];
  /** Facts citing a document that is neither in sources.json nor national. */
  unknownSources: { fact: Fact; doc: string }[];
  /** References between files that do not resolve. */
  references: string[];
  /** Words that name another partnership. */
  foreign: ForeignWord[];
  /** Facts the business unit still has to confirm. */
  toConfirm: Fact[];
  /** Gaps that do not fail the check but that people will notice. */
  warnings: string[];
  facts: number;
}

export function passes(c: PackCheck): boolean {
  return !c.errors.length && !c.missing.length && !c.unknownSources.length && !c.references.length && !c.foreign.length;
}

/** Every string in a JSON value with its path ("topics.3.points.1.text"). */
function strings(value: unknown, path: string, out: { path: string; text: string }[] = []) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds another pack's own words in a text, after taking out the phrases this pack may use. */
export function foreignWordsIn(text: string, words: readonly { word: string; pack: string }[], allowed: readonly string[]): { word: string; pack: string }[] {
  let t = text;
  for (const a of allowed) t = t.replace(new RegExp(escape(a), 'gi'), ' ');
  return words.filter((w) => new RegExp(`(^|[^A-Za-z0-9])${escape(w.word)}([^A-Za-z0-9]|$)`, 'i').test(t));
}

/** The words that name each other pack, as this pack must not use them. */
export function otherPacksWords(pack: string): { word: string; pack: string }[] {
  const out: { word: string; pack: string }[] = [];
  for (const other of listPacks()) {
    if (other === pack) continue;
    try {
      const sources = readPackFile(packDir(other), 'sources') as Sources;
      for (const word of sources.ownWords ?? []) out.push({ word, pack: other });
    } catch {
      // A broken neighbour is reported when that pack is checked.
    }
  }
  return out;
}

function references(p: ContentPack): string[] {
  const out: string[] = [];
  const series = new Set(p.partnership.meetingSeries.map((s) => s.id));
  for (const s of p.actions.sources) if (s.defaultGroup && !series.has(s.defaultGroup)) out.push(`actions.json: source "${s.id}" goes to group "${s.defaultGroup}", which is not in partnership.json.`);
  for (const o of p.meetings.cadenceOverrides) if (!series.has(o.series)) out.push(`meetings.json: a cadence override names group "${o.series}", which is not in partnership.json.`);
  const ids = p.sources.documents.map((d) => d.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && out.push(`sources.json: document "${id}" appears twice.`));
  return out;
}

function warnings(p: ContentPack): string[] {
  const out: string[] = [];
  const fd = p.partnership.frontDoor;
  if (!fd.phone?.value) out.push(`The front door (${fd.shortName}) has no phone number: cards say it is to be confirmed.`);
  const main = p.partnership.meetingSeries.find((s) => s.main);
  if (main && !main.chair) out.push(`The main group (${main.name}) has no chair rule.`);
  if (main && !main.cadence) out.push(`The main group (${main.name}) has no cadence, so attendance reports cannot count meetings planned.`);
  return out;
}

/** Checks a pack by folder name: schema, provenance, references, and words of other partnerships. */
export function checkPack(pack: string): PackCheck {
  const result: PackCheck = { pack, errors: [], missing: [], unknownSources: [], references: [], foreign: [], toConfirm: [], warnings: [], facts: 0 };
  let dir: string;
  try {
    dir = packDir(pack);
  } catch (e) {
    result.errors.push((e as Error).message);
    return result;
  }
  const raws: Partial<Record<(typeof PACK_FILES)[number], unknown>> = {};
  for (const key of PACK_FILES) {
    try {
      raws[key] = readPackFile(dir, key);
      result.errors.push(...checkPackFile(key, raws[key]));
    } catch (e) {
      result.errors.push(e instanceof ContentPackError ? e.message : String(e));
    }
  }
  const own = raws.sources as Partial<Sources> | undefined;
  const allowed = (own?.allowedForeignWords ?? []).map((a) => a.word);
  const words = otherPacksWords(pack);
  for (const key of PACK_FILES) {
    for (const s of strings(raws[key], '')) for (const w of foreignWordsIn(s.text, words, allowed)) result.foreign.push({ file: `${key}.json`, path: s.path, word: w.word, pack: w.pack });
  }
  if (result.errors.length) return result;
  const p = loadContentPack(dir);
  const docs = new Set(documentsOf(p).map((d) => d.id));
  const facts = packFacts(p);
  result.facts = facts.length;
  for (const f of facts) {
    if (sourceKind(p, f) === 'missing') result.missing.push(f);
    if (f.holder.source && !docs.has(f.holder.source.doc)) result.unknownSources.push({ fact: f, doc: f.holder.source.doc });
    if (f.holder.toConfirm) result.toConfirm.push(f);
  }
  result.references = references(p);
  result.warnings = warnings(p);
  return result;
}
