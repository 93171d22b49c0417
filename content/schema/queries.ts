import { z } from 'zod';

/** Topic ids are part of the interface (`npm run ask`, cards, logs): never rename one. */
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

const Link = z.object({ title: z.string().min(2), url: z.url() });

export const TopicSchema = z.object({
  id: z.enum(TOPIC_IDS),
  title: z.string().min(3),
  /** Topics that touch risk to a child start their card with the immediate-danger line. */
  risk: z.boolean(),
  summary: z.string().min(20),
  points: z.array(z.string().min(5)).default([]),
  /** escalation-route: the stages, with timescales the business unit fills in. */
  stages: z
    .array(z.object({ title: z.string().min(3), text: z.string().min(10), timescale: z.string().optional() }))
    .optional(),
  /** levels-of-need: the four levels. */
  levels: z
    .array(z.object({ level: z.number().int().min(1).max(4), name: z.string(), meaning: z.string(), lead: z.string(), assessment: z.string() }))
    .optional(),
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
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const QueriesContentSchema = z
  .object({
    immediateDanger: z.string().min(20),
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
  });
export type QueriesContent = z.infer<typeof QueriesContentSchema>;
