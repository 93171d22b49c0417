import { expandCard, type AdaptiveCard } from '../../cards/expand';
import type { QueriesContent, Topic, GlossaryEntry } from '../../content/schema/queries';
import type { ContentPack } from '../../content/load';
import { confirmedValue, sourceLine, statementText, TO_BE_CONFIRMED } from '../../content/describe';
import { levelHeading } from './level-suggestion';
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

/** The front door's phone as the front-door answer shows it: never an unconfirmed number as fact. */
function frontDoorPhone(pack: Pick<ContentPack, 'partnership'>): string {
  const fd = pack.partnership.frontDoor;
  const phone = confirmedValue(fd.phone);
  const ooh = confirmedValue(fd.outOfHoursPhone);
  return phone ? `Phone ${fd.shortName} on ${phone}${ooh ? `; out of hours ${ooh}` : ''}.` : `${fd.shortName}'s phone number is ${TO_BE_CONFIRMED} by the partnership.`;
}

/**
 * The answer card for a topic or glossary entry. Risk topics open with the immediate-danger line,
 * always, because the person reading may be looking at a child in danger. Every card ends with a
 * short "Source:" line naming the documents behind what it shows; statements the partnership has
 * still to confirm are marked on the card.
 */
export function answerCard(pack: Pick<ContentPack, 'queries' | 'sources' | 'partnership'>, topicId: string, queryId: string, opts: { feedbackNote?: string; showFeedback?: boolean } = {}): AdaptiveCard {
  const content = pack.queries;
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
      summary: statementText({ ...glossary, text: glossary.meaning }),
      source: sourceLine(pack, [glossary]),
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
  const levels = topic.levels ?? [];
  const shown = [topic, ...(topic.stages ?? []), ...(topic.framework ? [topic.framework] : []), ...levels, ...topic.points, ...(topic.risk ? [content.immediateDangerProvenance] : [])];
  return expandCard('queries', 'answer', {
    ...base,
    showEmergency: topic.risk,
    title: topic.title,
    summary: statementText({ ...topic, text: topic.summary }),
    hasStages: Boolean(topic.stages?.length),
    stages: (topic.stages ?? []).map((s, i) => ({ n: i + 1, title: s.title, text: statementText(s), timescale: s.timescale ?? '' })),
    hasLevels: levels.length > 0,
    levels: levels.map((l) => ({ heading: levelHeading(l), meaning: statementText({ ...l, text: l.meaning }), lead: l.lead ?? '', assessment: l.assessment ?? '' })),
    points: [...(topic.id === 'front-door' ? [{ text: frontDoorPhone(pack) }] : []), ...topic.points.map((p) => ({ text: statementText(p) }))],
    links: topic.links.map((l) => ({ title: l.title, url: l.url })),
    canDecide: topic.id === 'levels-of-need',
    source: sourceLine(pack, shown),
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
