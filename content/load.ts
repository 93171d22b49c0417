import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PartnershipSchema, type Partnership } from './schema/partnership';
import { ActionsContentSchema, type ActionsContent } from './schema/actions';
import { MeetingsContentSchema, type MeetingsContent } from './schema/meetings';
import { BriefingsContentSchema, type BriefingsContent } from './schema/briefings';
import { AuditsContentSchema, type AuditsContent } from './schema/audits';
import { QueriesContentSchema, type QueriesContent } from './schema/queries';
import { NumbersContentSchema, type NumbersContent } from './schema/numbers';
import { SourcesSchema, type Sources } from './schema/provenance';

export interface ContentPack {
  /** The documents this pack cites, and the words that name this partnership. */
  sources: Sources;
  partnership: Partnership;
  actions: ActionsContent;
  meetings: MeetingsContent;
  briefings: BriefingsContent;
  audits: AuditsContent;
  queries: QueriesContent;
  numbers: NumbersContent;
}

export class ContentPackError extends Error {
  override name = 'ContentPackError';
}

const files = {
  sources: SourcesSchema,
  partnership: PartnershipSchema,
  actions: ActionsContentSchema,
  meetings: MeetingsContentSchema,
  briefings: BriefingsContentSchema,
  audits: AuditsContentSchema,
  queries: QueriesContentSchema,
  numbers: NumbersContentSchema,
} as const;

export const PACK_FILES = Object.keys(files) as (keyof typeof files)[];

export const PACKS_DIR = resolve(__dirname, 'packs');
export const DEFAULT_PACK = 'cheshire-east';
export const DEFAULT_PACK_DIR = join(PACKS_DIR, DEFAULT_PACK);

/** Every pack shipped with the bot (a folder under content/packs with a partnership.json). */
export function listPacks(): string[] {
  return readdirSync(PACKS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PACKS_DIR, d.name, 'partnership.json')))
    .map((d) => d.name)
    .sort();
}

/** The folder of a pack by name; refuses names that are not a plain folder name. */
export function packDir(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new ContentPackError(`"${name}" is not a content pack name (use the folder name under content/packs).`);
  const dir = join(PACKS_DIR, name);
  if (!existsSync(join(dir, 'partnership.json'))) throw new ContentPackError(`There is no content pack "${name}". Packs: ${listPacks().join(', ')}.`);
  return dir;
}

/** Names the first failing field so whoever edits the pack knows exactly what to fix. */
export function describeIssue(file: string, error: z.ZodError): string {
  return describeIssues(file, error)[0];
}

/** Every failing field, one sentence each (pack:check prints them all). */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `Content pack file ${file} is invalid at "${issue.path.length ? issue.path.join('.') : '(root)'}": ${issue.message}.`);
}

export function parsePackFile<K extends keyof typeof files>(key: K, raw: unknown, file = `${key}.json`): ContentPack[K] {
  const result = files[key].safeParse(raw);
  if (!result.success) throw new ContentPackError(describeIssue(file, result.error));
  return result.data as ContentPack[K];
}

export function loadContentPack(dir: string = DEFAULT_PACK_DIR): ContentPack {
  const out: Partial<Record<keyof ContentPack, unknown>> = {};
  for (const key of PACK_FILES) out[key] = parsePackFile(key, readPackFile(dir, key));
  return out as ContentPack;
}

/** One file of a pack as parsed JSON, or a ContentPackError naming the file. */
export function readPackFile(dir: string, key: keyof typeof files): unknown {
  const path = join(dir, `${key}.json`);
  if (!existsSync(path)) throw new ContentPackError(`Content pack file ${key}.json is missing from ${dir}.`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ContentPackError(`Content pack file ${key}.json is not valid JSON: ${(e as Error).message}.`);
  }
}

/** Validates one file and returns every problem (empty when it is valid). */
export function checkPackFile(key: keyof typeof files, raw: unknown): string[] {
  const result = files[key].safeParse(raw);
  return result.success ? [] : describeIssues(`${key}.json`, result.error);
}

/** A pack by its folder name. */
export function loadPackByName(name: string): ContentPack {
  return loadContentPack(packDir(name));
}

/** The default pack (CLIs and tests). */
export function defaultContentPack(): ContentPack {
  return loadContentPack();
}
