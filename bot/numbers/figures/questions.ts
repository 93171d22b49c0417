import type { QueryFigureRow, TicketFigureRow } from '../../../storage/queries/repository';
import { workingDaysBetween } from '../../shared/time/working-days';
import type { FigureContext } from '../history';
import { londonDay, monthsOf, type Period } from '../periods';
import { countBy, median, ratio, type Ratio } from '../ratio';

export interface QuestionFigures {
  asked: number;
  /** Matched no topic, or the asker said the answer did not help. */
  unanswered: Ratio;
  byTopic: { id: string; name: string; count: number }[];
  byMonth: { key: string; label: string; count: number }[];
  ticketsOpened: number;
  ticketsAnswered: number;
  medianWorkingDaysToAnswer?: number;
}

export const UNMATCHED = 'unknown';
export const GLOSSARY = 'glossary';

/** Topic ids as the figures group them: every acronym under one "glossary" heading. */
export const topicKey = (topic: string) => (topic.startsWith('glossary:') ? GLOSSARY : topic);

/** Practitioners' questions by topic and month, what went unanswered, and how fast tickets were answered. */
export function questionFigures(queries: readonly QueryFigureRow[], tickets: readonly TicketFigureRow[], ctx: FigureContext, p: Period, asOf: string): QuestionFigures {
  const within = (iso: string | undefined) => !!iso && londonDay(iso) >= p.from && londonDay(iso) <= p.to;
  const mine = queries.filter((q) => within(q.createdAt));
  const name = (id: string) => (id === UNMATCHED ? 'Not matched to a topic' : id === GLOSSARY ? 'Acronyms (glossary)' : ctx.topics.find((t) => t.id === id)?.name ?? id);
  const byTopic = [...countBy(mine, (q) => topicKey(q.topic))].map(([id, count]) => ({ id, name: name(id), count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const perMonth = countBy(mine, (q) => londonDay(q.createdAt).slice(0, 7));
  const answered = tickets.filter((t) => t.status === 'answered' && within(t.answeredAt));
  return {
    asked: mine.length,
    unanswered: ratio(mine.filter((q) => q.topic === UNMATCHED || q.feedback === 'not_helpful').length, mine.length),
    byTopic,
    byMonth: monthsOf(p, asOf).map((m) => ({ ...m, count: perMonth.get(m.key) ?? 0 })),
    ticketsOpened: tickets.filter((t) => within(t.createdAt)).length,
    ticketsAnswered: answered.length,
    medianWorkingDaysToAnswer: median(answered.map((t) => workingDaysBetween(londonDay(t.createdAt), londonDay(t.answeredAt!)))),
  };
}
