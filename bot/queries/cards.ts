import { expandCard, type AdaptiveCard } from '../../cards/expand';
import type { QueriesContent, Topic, GlossaryEntry } from '../../content/schema/queries';
import type { ContentPack } from '../../content/load';
import { confirmedValue, sourceLine, statementText, TO_BE_CONFIRMED } from '../../content/describe';
import { levelHeading } from './level-suggestion';
import type { Ticket } from '../../storage/queries/schema';
import { count, formatDateTime } from '../shared/format';
import { PARTNERSHIP_TOPIC_ID, PARTNERSHIP_TOPIC_TITLE, type GeneratedTopic } from './partnership-topic';

export function findTopic(content: QueriesContent, id: string): Topic | undefined {
  return content.topics.find((t) => t.id === id);
}

/** Every topic a practitioner can be answered with, for "this means ..." choices (sorted by title). */
export function answerTopicChoices(content: QueriesContent): { title: string; value: string }[] {
  return [...content.topics.map((t) => ({ title: t.title, value: t.id as string })), { title: PARTNERSHIP_TOPIC_TITLE, value: PARTNERSHIP_TOPIC_ID }].sort((a, b) => a.title.localeCompare(b.title));
}

export function findGlossary(content: QueriesContent, topicId: string): GlossaryEntry | undefined {
  if (!topicId.startsWith('glossary:')) return undefined;
  const acronym = topicId.slice('glossary:'.length);
  return content.glossary.find((g) => g.acronym === acronym);
}

export function topicTitle(content: QueriesContent, id: string): string {
  const g = findGlossary(content, id);
  if (g) return `${g.acronym}: ${g.expansion}`;
  if (id === PARTNERSHIP_TOPIC_ID) return PARTNERSHIP_TOPIC_TITLE;
  return findTopic(content, id)?.title ?? 'none';
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
export function answerCard(pack: Pick<ContentPack, 'queries' | 'sources' | 'partnership'>, topicId: string, queryId: string, opts: { feedbackNote?: string; showFeedback?: boolean; askedNote?: string; generated?: readonly GeneratedTopic[] } = {}): AdaptiveCard {
  const content = pack.queries;
  const glossary = findGlossary(content, topicId);
  const topic = findTopic(content, topicId);
  const generated = topic ? undefined : opts.generated?.find((t) => t.id === topicId);
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
  if (generated) {
    // Generated from the pack's own data (the partnership topic): no stages or levels of its own.
    return expandCard('queries', 'answer', {
      ...base,
      showEmergency: generated.risk,
      title: generated.title,
      summary: generated.summary,
      hasStages: false,
      stages: [],
      hasLevels: false,
      levels: [],
      points: generated.points.map((text) => ({ text })),
      links: generated.links,
      canDecide: false,
      source: sourceLine(pack, generated.provenance),
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
    stages: (topic.stages ?? []).map((s, i) => ({ n: count(i + 1), title: s.title, text: statementText(s), timescale: s.timescale ?? '' })),
    hasLevels: levels.length > 0,
    levels: levels.map((l) => ({ heading: levelHeading(l), meaning: statementText({ ...l, text: l.meaning }), lead: l.lead ?? '', assessment: l.assessment ?? '' })),
    points: [...(topic.id === 'front-door' ? [{ text: frontDoorPhone(pack) }] : []), ...topic.points.map((p) => ({ text: statementText(p) }))],
    links: topic.links.map((l) => ({ title: l.title, url: l.url })),
    canDecide: topic.id === 'levels-of-need',
    source: sourceLine(pack, shown),
  });
}

/**
 * Not sure, and no harm described (that gets the risk card, see safety.ts): the best guesses and the
 * business unit, without the red banner, so everyday questions are not met with an emergency line.
 * Once the question has gone to the business unit, the card says so and its buttons go.
 */
export function suggestCard(content: QueriesContent, queryId: string, options: string[], unknown: boolean, doneNote = ''): AdaptiveCard {
  return expandCard('queries', 'suggest', {
    askable: !doneNote,
    note: doneNote,
    showEmergency: false,
    emergency: content.immediateDanger,
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

/**
 * Not sure, and the question describes harm: the immediate-danger line, the front door, and the best
 * risk topics. Never "I don't have an answer".
 */
export function riskCard(content: QueriesContent, frontDoor: string, queryId: string, options: string[]): AdaptiveCard {
  return expandCard('queries', 'risk', {
    emergency: content.immediateDanger,
    frontDoor,
    heading: "This sounds like a worry about a child's safety. These answers may help:",
    hint: 'Tell your designated safeguarding lead too. You can also send your question to the partnership business unit; their reply will come to you here.',
    queryId,
    options: options.map((topic) => ({ title: topicTitle(content, topic), topic, queryId })),
  });
}

export interface UnansweredRow {
  question: string;
  count: number;
  queryId: string;
  guessTopic?: string;
}

export function unansweredCard(content: QueriesContent, rows: readonly UnansweredRow[], tickets: readonly string[]): AdaptiveCard {
  return expandCard('queries', 'unanswered', {
    hint: 'Choose what a question means and press Teach the bot: every instance uses it at once. Type taught to see what was taught, with undo.',
    rows: rows.map((r, i) => ({
      label: `${r.count} × "${r.question}"`,
      guess: r.guessTopic ? topicTitle(content, r.guessTopic) : 'none',
      guessTopic: r.guessTopic ?? '',
      inputId: `teach-${i}`,
      queryId: r.queryId,
    })),
    choices: answerTopicChoices(content),
    ticketCount: String(tickets.length),
    tickets: tickets.map((line) => ({ line })),
  });
}

export interface TaughtRow {
  overrideId: string;
  text: string;
  topic: string;
  by: string;
  at: string;
}

export function taughtCard(content: QueriesContent, rows: readonly TaughtRow[], note = ''): AdaptiveCard {
  return expandCard('queries', 'taught', {
    count: String(rows.length),
    hint: 'Phrasings the business unit taught the bot. Undo puts the bot back as it was, on every instance.',
    note,
    rows: rows.map((r) => ({ overrideId: r.overrideId, text: r.text, topicTitle: topicTitle(content, r.topic), by: r.by || 'the business unit', when: formatDateTime(r.at) })),
  });
}

const STATUS_LABEL: Record<Ticket['status'], string> = { unassigned: 'Unassigned', assigned: 'Assigned', answered: 'Answered' };

export function ticketCard(content: QueriesContent, t: Ticket, agencyName: string | undefined, opts: { error?: string; typed?: string; privacyAsk?: boolean; taughtNote?: string } = {}): AdaptiveCard {
  const guess = answerTopicChoices(content).some((c) => c.value === t.matchedTopic) ? t.matchedTopic : '';
  return expandCard('queries', 'ticket', {
    ticketId: t.id,
    question: t.question,
    statusLabel: STATUS_LABEL[t.status],
    agency: agencyName ?? 'not recorded',
    matched: t.matchedTopic === 'unknown' ? 'none' : topicTitle(content, t.matchedTopic),
    asked: formatDateTime(t.createdAt),
    assignee: t.assigneeName ?? 'nobody yet',
    answer: t.answer ?? '',
    error: opts.error ?? '',
    typed: opts.typed ?? '',
    canAssign: t.status === 'unassigned',
    canReply: t.status !== 'answered',
    privacyAsk: Boolean(opts.privacyAsk),
    canTeach: true,
    guessTopic: guess,
    choices: answerTopicChoices(content),
    taughtNote: opts.taughtNote ?? '',
  });
}
