import { z } from 'zod';
import { TOPIC_IDS } from './queries';

/**
 * The phrasing bank (content/phrasings/<topic>.json): how practitioners ask about each topic, mostly
 * as the situations they see, in national safeguarding vocabulary so every partnership's pack can use
 * it (local names such as a front door's name belong in the pack's own phrasings). The matcher indexes
 * it; `npm run eval:queries` measures the matcher on it by k-fold cross-validation.
 */

/** Topics the bot answers that are generated from the pack rather than written in queries.json. */
export const GENERATED_TOPIC_IDS = ['partnership'] as const;
/** Every topic the matcher can answer. */
export const ANSWER_TOPIC_IDS = [...TOPIC_IDS, ...GENERATED_TOPIC_IDS] as const;
export type AnswerTopicId = (typeof ANSWER_TOPIC_IDS)[number];
/** Requests that are not the partnership's business (IT, HR, facilities): a class of its own, never answered. */
export const OFF_TOPIC = 'off-topic';
export const BANK_TOPIC_IDS = [...ANSWER_TOPIC_IDS, OFF_TOPIC] as const;

/** Whose point of view a phrasing is written from. */
export const VOICES = [
  'teacher',
  'gp',
  'health-visitor',
  'midwife',
  'police-officer',
  'youth-worker',
  'social-worker',
  'dentist',
  'sports-coach',
  'school-nurse',
  'early-years',
  'designated-lead',
  'manager',
  'practitioner',
] as const;

export const PhrasingSchema = z.object({
  voice: z.enum(VOICES),
  /** A situation the practitioner describes, or a question that names the topic. */
  kind: z.enum(['situation', 'question']),
  text: z.string().trim().min(3).max(300),
});

export const PhrasingFileSchema = z
  .object({
    topic: z.enum(BANK_TOPIC_IDS),
    /** The topic's signs, indicators and vocabulary: indexed to teach the matcher, never measured. */
    indicators: z.array(z.string().trim().min(2).max(80)).default([]),
    phrasings: z.array(PhrasingSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.phrasings.forEach((p, i) => {
      const key = p.text.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['phrasings', i, 'text'], message: 'appears twice' });
      seen.add(key);
    });
  });
export type PhrasingFile = z.infer<typeof PhrasingFileSchema>;

/** The whole bank: the phrasings (indexed and measured) and the indicators (indexed only). */
export interface PhrasingBank {
  phrasings: BankPhrasing[];
  indicators: { topic: BankPhrasing['topic']; text: string }[];
}

/** One phrasing with its topic, as the matcher and the evaluation see it. */
export interface BankPhrasing {
  topic: (typeof BANK_TOPIC_IDS)[number];
  voice: (typeof VOICES)[number];
  kind: 'situation' | 'question';
  text: string;
}
