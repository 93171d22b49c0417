import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PartnershipSchema, type Partnership } from './schema/partnership';
import { ActionsContentSchema, type ActionsContent } from './schema/actions';
import { MeetingsContentSchema, type MeetingsContent } from './schema/meetings';
import { BriefingsContentSchema, type BriefingsContent } from './schema/briefings';
import { AuditsContentSchema, type AuditsContent } from './schema/audits';
import { QueriesContentSchema, type QueriesContent } from './schema/queries';
import { NumbersContentSchema, type NumbersContent } from './schema/numbers';

export interface ContentPack {
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
  partnership: PartnershipSchema,
  actions: ActionsContentSchema,
  meetings: MeetingsContentSchema,
  briefings: BriefingsContentSchema,
  audits: AuditsContentSchema,
  queries: QueriesContentSchema,
  numbers: NumbersContentSchema,
} as const;

export const DEFAULT_PACK_DIR = resolve(__dirname, 'packs', 'cheshire-east');

/** Names the first failing field so whoever edits the pack knows exactly what to fix. */
export function describeIssue(file: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `Content pack file ${file} is invalid at "${path}": ${issue.message}.`;
}

export function parsePackFile<K extends keyof typeof files>(key: K, raw: unknown, file = `${key}.json`): ContentPack[K] {
  const result = files[key].safeParse(raw);
  if (!result.success) throw new ContentPackError(describeIssue(file, result.error));
  return result.data as ContentPack[K];
}

export function loadContentPack(dir: string = DEFAULT_PACK_DIR): ContentPack {
  const out: Partial<Record<keyof ContentPack, unknown>> = {};
  for (const key of Object.keys(files) as (keyof typeof files)[]) {
    const path = join(dir, `${key}.json`);
    if (!existsSync(path)) throw new ContentPackError(`Content pack file ${key}.json is missing from ${dir}.`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new ContentPackError(`Content pack file ${key}.json is not valid JSON: ${(e as Error).message}.`);
    }
    out[key] = parsePackFile(key, raw);
  }
  return out as ContentPack;
}

/** The default pack (CLIs and tests). */
export function defaultContentPack(): ContentPack {
  return loadContentPack();
}
