import { z } from 'zod';

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

/**
 * Where a fact comes from: a document the pack lists in sources.json (the partnership's own
 * published documents) or a national document (content/national.ts), and where in it.
 */
export const SourceRefSchema = z.object({
  doc: Id,
  /** Section, heading or paragraph, as a reader would look for it: "section 8", "Multi-Agency Audit Programme". */
  at: z.string().min(1).max(160),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** Added when the pack is loaded with the business unit's overrides applied (never written in a pack file). */
export const AppliedOverrideSchema = z.object({
  action: z.enum(['confirm', 'change']),
  byName: z.string(),
  at: z.string(),
});
export type AppliedOverride = z.infer<typeof AppliedOverrideSchema>;

/**
 * Every fact carries its provenance: a source, or `toConfirm` saying what the business unit must
 * confirm (or both, when a source exists but may be out of date). The loader accepts a fact with
 * neither so that `pack:check` can list every gap at once; the pack tests fail on it.
 */
export const provenance = {
  source: SourceRefSchema.optional(),
  toConfirm: z.string().min(10).max(400).optional(),
  override: AppliedOverrideSchema.optional(),
};
export interface Provenance {
  source?: SourceRef;
  toConfirm?: string;
  override?: AppliedOverride;
}

/** A single value with its provenance: a phone number, an e-mail address, a web address. */
export const TextFactSchema = z.object({ value: z.string().min(1).max(400).optional(), ...provenance });
export type TextFact = z.infer<typeof TextFactSchema>;

/** A document a pack cites. */
export const SourceDocumentSchema = z.object({
  id: Id,
  /** local: the partnership's own document; national: statutory guidance or legislation. */
  kind: z.enum(['local', 'national']),
  title: z.string().min(5).max(200),
  /** How the Source line on a card names it. */
  short: z.string().min(3).max(80),
  /** When it was published or which year it covers, so a reader can judge how current it is. */
  date: z.string().min(4).max(40),
  url: z.url().optional(),
  /** The file in the seeds folder this was taken from, when there is one. */
  seed: z.string().optional(),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

export const SourcesSchema = z.object({
  documents: z.array(SourceDocumentSchema).min(1),
  /**
   * Names that identify this partnership and no other (its name, front door, threshold document):
   * `pack:check` and the tests look for them in every other pack's words and cards.
   */
  ownWords: z.array(z.string().min(3)).min(1),
  /** Another partnership's words this pack may use, with why (a pan-Cheshire group that names its members). */
  allowedForeignWords: z.array(z.object({ word: z.string().min(3), why: z.string().min(10) })).default([]),
});
export type Sources = z.infer<typeof SourcesSchema>;
