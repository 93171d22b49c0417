import { z } from 'zod';
import { Id, provenance } from './provenance';

/** Topic ids are part of the interface (`npm run ask`, cards, logs, every pack): never rename one. */
export const TOPIC_IDS = [
  'immediate-danger',
  'escalation-route',
  'levels-of-need',
  'front-door',
  'early-help',
  'lado',
  'exploitation',
  'neglect',
  'sexual-abuse',
  'missing-education',
  'missing-from-home',
  'serious-incident',
  'information-sharing',
  'domestic-abuse',
  'self-harm',
  'training',
  'briefings',
] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

const Link = z.object({ title: z.string().min(2), url: z.url(), ...provenance });

/** One statement on an answer card, with its own source. */
export const StatementSchema = z.object({ id: Id, text: z.string().min(5), ...provenance });
export type Statement = z.infer<typeof StatementSchema>;

/**
 * A level of need in the partnership's own framework ("Right Help, Right Time", "Continuum of Need").
 * `band` says which answer of the "help me decide" questions points to it, so the dialog works with
 * any partnership's names and number of levels.
 */
export const LevelSchema = z.object({
  id: Id,
  /** Shown as "Level 3" when the partnership numbers its levels. */
  number: z.number().int().min(1).max(9).optional(),
  name: z.string().min(3),
  meaning: z.string().min(10),
  lead: z.string().min(3).optional(),
  assessment: z.string().min(3).optional(),
  band: z.enum(['universal', 'additional', 'multi-agency', 'statutory']),
  ...provenance,
});
export type Level = z.infer<typeof LevelSchema>;

export const TopicSchema = z.object({
  id: z.enum(TOPIC_IDS),
  title: z.string().min(3),
  /** Topics that touch risk to a child start their card with the immediate-danger line. */
  risk: z.boolean(),
  summary: z.string().min(20),
  /** Provenance of the title and summary. */
  ...provenance,
  points: z.array(StatementSchema).default([]),
  /** escalation-route: the stages, with timescales the business unit fills in. */
  stages: z.array(z.object({ id: Id, title: z.string().min(3), text: z.string().min(10), timescale: z.string().optional(), ...provenance })).optional(),
  /** levels-of-need: the partnership's framework and its levels, least to most serious. */
  framework: z.object({ name: z.string().min(3), ...provenance }).optional(),
  levels: z.array(LevelSchema).optional(),
  links: z.array(Link).default([]),
  /** How people ask: used by the matcher and its tests. */
  phrasings: z.array(z.string().min(3)).min(3),
  keywords: z.array(z.string()).default([]),
});
export type Topic = z.infer<typeof TopicSchema>;

export const GlossaryEntrySchema = z.object({
  acronym: z.string().regex(/^[A-Z][A-Z0-9]{1,7}$/, 'upper-case letters and digits only'),
  expansion: z.string().min(3),
  meaning: z.string().min(10),
  ...provenance,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const QueriesContentSchema = z
  .object({
    immediateDanger: z.string().min(20),
    immediateDangerProvenance: z.object(provenance).default({}),
    topics: z.array(TopicSchema),
    glossary: z.array(GlossaryEntrySchema).min(40),
  })
  .superRefine((c, ctx) => {
    for (const id of TOPIC_IDS) {
      if (!c.topics.some((t) => t.id === id)) ctx.addIssue({ code: 'custom', path: ['topics'], message: `topic "${id}" is missing` });
    }
    const seen = new Set<string>();
    c.glossary.forEach((g, i) => {
      if (seen.has(g.acronym)) ctx.addIssue({ code: 'custom', path: ['glossary', i, 'acronym'], message: `${g.acronym} appears twice` });
      seen.add(g.acronym);
    });
    c.topics.forEach((t, i) => {
      const ids = [...t.points.map((p) => p.id), ...(t.stages ?? []).map((s) => s.id), ...(t.levels ?? []).map((l) => l.id)];
      ids.forEach((id, j) => ids.indexOf(id) !== j && ctx.addIssue({ code: 'custom', path: ['topics', i], message: `statement id "${id}" appears twice in ${t.id}` }));
    });
    const levels = c.topics.find((t) => t.id === 'levels-of-need');
    if (levels && (!levels.levels?.length || !levels.framework)) ctx.addIssue({ code: 'custom', path: ['topics'], message: 'levels-of-need needs its framework and levels' });
  });
export type QueriesContent = z.infer<typeof QueriesContentSchema>;
