import { expandCard, type AdaptiveCard } from '../../cards/expand';
import type { QueriesContent, Topic, GlossaryEntry } from '../../content/schema/queries';
import type { Ticket } from '../../storage/queries/schema';
import { count, formatDateTime } from '../shared/format';

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
export function answerCard(content: QueriesContent, topicId: string, queryId: string, opts: { feedbackNote?: string; showFeedback?: boolean; askedNote?: string } = {}): AdaptiveCard {
  const glossary = findGlossary(content, topicId);
  const topic = findTopic(content, topicId);
  const base = {
    emergency: content.immediateDanger,
    asked: opts.askedNote ?? '',
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
    stages: (topic.stages ?? []).map((s, i) => ({ n: count(i + 1), title: s.title, text: s.text, timescale: s.timescale ?? '' })),
    hasLevels: Boolean(topic.levels?.length),
    levels: (topic.levels ?? []).map((l) => ({ ...l, level: count(l.level) })),
    points: topic.points.map((text) => ({ text })),
    links: topic.links,
    canDecide: topic.id === 'levels-of-need',
  });
}

/** Words in a question that may be about a child at risk: such a question keeps the immediate-danger line whatever it matched. */
const RISK_WORDS = /\b(?:danger\w*|harm\w*|hurt\w*|injur\w*|abus\w*|neglect\w*|unsafe|risk\w*|emergenc\w*|999|police|assault\w*|hit(?:s|ting)?|beat(?:s|en|ing)?|bruis\w*|scared|frightened|missing|runaway|exploit\w*|groom\w*|self[- ]harm\w*|suicid\w*|weapon\w*|knife|violen\w*)\b/i;

/**
 * Whether a "did you mean" card opens with the red immediate-danger line: when a suggested topic is
 * about risk, or the question itself uses words about a child at risk. Gibberish, emoji and
 * off-topic chat get no red banner, which would read as an alarm about nothing.
 */
export function suggestTouchesRisk(content: QueriesContent, options: readonly string[], question = ''): boolean {
  return options.some((id) => findTopic(content, id)?.risk) || RISK_WORDS.test(question.slice(0, 1000));
}

export function suggestCard(content: QueriesContent, queryId: string, options: string[], unknown: boolean, question = '', doneNote = ''): AdaptiveCard {
  return expandCard('queries', 'suggest', {
    // Once the question has gone to the business unit, the card says so and its buttons go.
    askable: !doneNote,
    note: doneNote,
    emergency: content.immediateDanger,
    showEmergency: suggestTouchesRisk(content, options, question),
    heading: unknown || options.length === 0 ? "I don't have an answer for that yet." : "I'm not sure I understood. Did you mean one of these?",
    hint: 'You can send your question to the partnership business unit; their reply will come to you here.',
    queryId,
    options: options.map((topic) => ({ title: topicTitle(content, topic), topic, queryId })),
  });
}

/** The guard's refusal or question about a typed question, with the front-door line; "ask it as written" only for a question. */
export function confirmCard(emergency: string, message: string, question: string): AdaptiveCard {
  return expandCard('queries', 'confirm', { emergency, message, question });
}

const STATUS_LABEL: Record<Ticket['status'], string> = { unassigned: 'Unassigned', assigned: 'Assigned', answered: 'Answered' };

export function ticketCard(content: QueriesContent, t: Ticket, agencyName: string | undefined, opts: { error?: string; typed?: string; privacyAsk?: boolean } = {}): AdaptiveCard {
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
    privacyAsk: Boolean(opts.privacyAsk),
  });
}
