import type { QueriesContent } from '../../content/schema/queries';
import { OFF_TOPIC, type PhrasingBank } from '../../content/schema/phrasings';
import type { ContentOverride } from '../../storage/content/schema';
import { PARTNERSHIP_TOPIC_TITLE } from './partnership-topic';

/** One phrasing the matcher indexes, with where it came from. */
export interface Example {
  topic: string;
  text: string;
  /** pack: titles, phrasings and keywords of the pack; indicator: the bank's signs and vocabulary; bank: the bank's phrasings. */
  source: 'pack' | 'indicator' | 'bank' | 'taught';
}

/** The pack's own words for its topics: titles and the pack's phrasings (local names live here). */
export function packExamples(content: QueriesContent): Example[] {
  return [
    ...content.topics.flatMap((t) => [t.title, ...t.phrasings, ...t.keywords].map((text) => ({ topic: t.id, text, source: 'pack' as const }))),
    { topic: 'partnership', text: PARTNERSHIP_TOPIC_TITLE, source: 'pack' },
  ];
}

/** Indexed in every cross-validation fold, never measured: the pack's words and the bank's indicators. */
export function fixedExamples(content: QueriesContent, bank: PhrasingBank): Example[] {
  return [...packExamples(content), ...bank.indicators.map((i) => ({ topic: i.topic, text: i.text, source: 'indicator' as const }))];
}

export function bankExamples(bank: PhrasingBank): Example[] {
  return bank.phrasings.map((p) => ({ topic: p.topic, text: p.text, source: 'bank' }));
}

/** Active phrasings the business unit taught in Teams (content overrides of kind `phrasing`). */
export function taughtExamples(active: readonly Pick<ContentOverride, 'kind' | 'action' | 'target' | 'value' | 'status'>[]): Example[] {
  return active
    .filter((o) => o.kind === 'phrasing' && o.action === 'teach' && o.status === 'active' && o.value)
    .map((o) => ({ topic: o.target, text: o.value!, source: 'taught' }));
}

/** Everything the bot indexes; off-topic examples are a class of their own. */
export function allExamples(content: QueriesContent, bank: PhrasingBank, taught: readonly Example[] = []): Example[] {
  return [...fixedExamples(content, bank), ...bankExamples(bank), ...taught];
}

export const isAnswerTopic = (topic: string) => topic !== OFF_TOPIC && topic !== 'unknown';
