import type { Services } from '../core/contract';
import type { ContentPack } from '../../content/load';
import type { Stored } from '../../storage/repository';
import type { ContentOverride } from '../../storage/content/schema';
import { packFacts, sourceKind, type Fact } from '../../content/facts';
import { describeSource } from '../../content/describe';
import { formatDate } from '../shared/time/working-days';
import { MOST_ASKED_COUNT, MOST_ASKED_WINDOW } from './consts';

/** A topic id from the query log as the fact that holds its answer: `topic.<id>` or `glossary.<ACRONYM>`. */
export function factIdForTopic(topic: string): string {
  return topic.startsWith('glossary:') ? `glossary.${topic.slice('glossary:'.length)}` : `topic.${topic}`;
}

export function findFact(pack: ContentPack, id: string): Fact | undefined {
  return packFacts(pack).find((f) => f.id === id);
}

/** The facts still to be confirmed, in pack order. */
export function factsToConfirm(pack: ContentPack): Fact[] {
  return packFacts(pack).filter((f) => f.holder.toConfirm);
}

/** Counts by kind of source, for the list card and the report. */
export function sourceCounts(pack: ContentPack): Record<'local' | 'national' | 'toConfirm' | 'missing', number> & { total: number } {
  const out = { local: 0, national: 0, toConfirm: 0, missing: 0, total: 0 };
  for (const f of packFacts(pack)) {
    out[sourceKind(pack, f)]++;
    out.total++;
  }
  return out;
}

/** The answers people ask about most, from the newest questions in the log. */
export async function mostAsked(services: Services): Promise<{ topic: string; count: number }[]> {
  const repo = services.repos.queries;
  const logs = await repo.logs.query('c.pk = @pk AND c.type = @t', [{ name: '@pk', value: repo.pk }, { name: '@t', value: 'query' }], { orderBy: 'c.createdAt DESC', top: MOST_ASKED_WINDOW });
  return countAsked(logs, services.content.queries.topics.map((t) => t.id));
}

/**
 * The answers most asked about, from the newest questions' topics. Only the pack's answer topics
 * count: an unanswered, off-topic or glossary question has no answer the business unit could review.
 */
export function countAsked(logs: readonly { topic: string }[], answerTopics: readonly string[]): { topic: string; count: number }[] {
  const known = new Set(answerTopics);
  const counts = new Map<string, number>();
  for (const l of logs) if (known.has(l.topic)) counts.set(l.topic, (counts.get(l.topic) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MOST_ASKED_COUNT).map(([topic, count]) => ({ topic, count }));
}

/** One override in words: "Confirmed by Ann on 29 Nov 2026", "Changed by Ann on 29 Nov 2026: "..."". */
export function overrideLine(o: Pick<ContentOverride, 'kind' | 'action' | 'value' | 'note' | 'createdByName' | 'createdAt' | 'status' | 'revertedAt'>): string {
  const what = o.kind === 'phrasing' ? `Phrasing taught` : o.action === 'confirm' ? 'Confirmed' : 'Changed';
  const value = o.value ? `: "${o.value.length > 160 ? `${o.value.slice(0, 157)}...` : o.value}"` : '';
  const note = o.note ? ` (why: ${o.note})` : '';
  const reverted = o.status === 'reverted' ? ` Reverted${o.revertedAt ? ` on ${formatDate(o.revertedAt.slice(0, 10))}` : ''}.` : '';
  return `${what} by ${o.createdByName || 'the business unit'} on ${formatDate(o.createdAt.slice(0, 10))}${value}${note}.${reverted}`;
}

/** The label of an override's target, from the pack (a fact) or the query topic (a taught phrasing). */
export function overrideLabel(pack: ContentPack, o: Stored<ContentOverride>): string {
  if (o.kind === 'phrasing') return `Query topic: ${pack.queries.topics.find((t) => t.id === o.target)?.title ?? o.target}`;
  return findFact(pack, o.target)?.label ?? `${o.target} (no longer in the pack)`;
}

/** Where a fact comes from, for the fact card. */
export function factSource(pack: ContentPack, f: Fact): string {
  if (f.holder.source) return describeSource(pack, f.holder.source);
  return f.holder.override ? 'the business unit' : 'none given';
}
