import { expandCard, type AdaptiveCard } from '../../cards/expand';
import type { QueriesContent, Topic, GlossaryEntry } from '../../content/schema/queries';
import type { Ticket } from '../../storage/queries/schema';
import { formatDateTime } from '../shared/time/working-days';

export function findTopic(content: QueriesContent, id: string): Topic | undefined {
  return content.topics.find((t) => t.id === id);
}

export function findGlossary(content: QueriesContent, topicId: string): GlossaryEntry | undefined {
  if (!topicId.startsWith('glossary:')) return undefined;
  const acronym = topicId.slice('glossary:'.length);
  return content.glossary.find((g) => g.acronym === acronym);
}

export function topicTitle(content: QueriesContent, id: string): string {
  const g = findGlossary(content, id);
  if (g) return `${g.acronym}: ${g.expansion}`;
  return findTopic(content, id)?.title ?? 'nothing confident';
}

/**
 * The answer card for a topic or glossary entry. Risk topics open with the immediate-danger line,
 * always, because the person reading may be looking at a child in danger.
 */
export function answerCard(content: QueriesContent, topicId: string, queryId: string, opts: { feedbackNote?: string; showFeedback?: boolean } = {}): AdaptiveCard {
  const glossary = findGlossary(content, topicId);
  const topic = findTopic(content, topicId);
  const base = {
    emergency: content.immediateDanger,
    queryId,
    showFeedback: opts.showFeedback ?? true,
    feedbackNote: opts.feedbackNote ?? '',
  };
  if (glossary) {
    return expandCard('queries', 'answer', {
      ...base,
      showEmergency: false,
      title: `${glossary.acronym}: ${glossary.expansion}`,
      summary: glossary.meaning,
      hasStages: false,
      stages: [],
      hasLevels: false,
      levels: [],
      points: [],
      links: [],
      canDecide: false,
    });
  }
  if (!topic) throw new Error(`unknown topic ${topicId}`);
  return expandCard('queries', 'answer', {
    ...base,
    showEmergency: topic.risk,
    title: topic.title,
    summary: topic.summary,
    hasStages: Boolean(topic.stages?.length),
    stages: (topic.stages ?? []).map((s, i) => ({ n: i + 1, title: s.title, text: s.text, timescale: s.timescale ?? '' })),
    hasLevels: Boolean(topic.levels?.length),
    levels: topic.levels ?? [],
    points: topic.points.map((text) => ({ text })),
    links: topic.links,
    canDecide: topic.id === 'levels-of-need',
  });
}

export function suggestCard(content: QueriesContent, queryId: string, options: string[], unknown: boolean): AdaptiveCard {
  return expandCard('queries', 'suggest', {
    emergency: content.immediateDanger,
    heading: unknown || options.length === 0 ? "I don't have an answer for that yet." : "I'm not sure I understood. Did you mean one of these?",
    hint: 'You can send your question to the partnership business unit; their reply will come to you here.',
    queryId,
    options: options.map((topic) => ({ title: topicTitle(content, topic), topic, queryId })),
  });
}

const STATUS_LABEL: Record<Ticket['status'], string> = { unassigned: 'Unassigned', assigned: 'Assigned', answered: 'Answered' };

export function ticketCard(content: QueriesContent, t: Ticket, agencyName: string | undefined, opts: { error?: string; typed?: string } = {}): AdaptiveCard {
  return expandCard('queries', 'ticket', {
    ticketId: t.id,
    question: t.question,
    statusLabel: STATUS_LABEL[t.status],
    agency: agencyName ?? 'not recorded',
    matched: t.matchedTopic === 'unknown' ? 'nothing confident' : topicTitle(content, t.matchedTopic),
    asked: formatDateTime(t.createdAt),
    assignee: t.assigneeName ?? 'nobody yet',
    answer: t.answer ?? '',
    error: opts.error ?? '',
    typed: opts.typed ?? '',
    canAssign: t.status === 'unassigned',
    canReply: t.status !== 'answered',
  });
}
