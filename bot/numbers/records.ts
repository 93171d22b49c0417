/**
 * Reads the stored records a report needs, once, for the window from the earlier period's first day
 * to the later period's last. The figures are then pure functions of what this returns.
 */
import { DateTime } from 'luxon';
import type { Services } from '../core/contract';
import { mapLimit } from '../shared/map-limit';
import { ZONE } from '../shared/time/working-days';
import type { History } from './history';
import { startOfLondonDay } from './periods';
import { NUMBERS_TUNING } from './consts';

export async function loadHistory(services: Services, from: string, to: string): Promise<History> {
  const r = services.repos;
  const start = startOfLondonDay(from);
  const end = DateTime.fromISO(to, { zone: ZONE }).plus({ days: 1 }).startOf('day').toUTC().toISO()!;
  const [meetings, actions, rounds, sent, queries, tickets] = await Promise.all([
    r.meetings.between(start, end),
    r.actions.figureRows(end),
    r.audits.roundsDueBetween(from, to),
    r.briefings.sentBetween(start, end),
    r.queries.figureLogs(start, end),
    r.queries.figureTickets(start, end),
  ]);
  const checkIns = (await mapLimit(rounds, NUMBERS_TUNING.readConcurrency, (round) => r.audits.checkInsFor(round.id))).flat();
  // A withdrawn briefing's reach is not the partnership's reach.
  const live = sent.filter((b) => b.status !== 'retracted' && b.sentAt);
  const briefings = await mapLimit(live, NUMBERS_TUNING.readConcurrency, async (b) => ({ id: b.id, sentAt: b.sentAt!, rows: await r.briefings.reachRows(b.id) }));
  return {
    meetings: meetings.map((m) => ({ id: m.id, seriesId: m.seriesId, startsAt: m.startsAt, status: m.status, attendance: m.attendance?.map((a) => ({ agency: a.agency, present: a.present })) })),
    actions,
    rounds: rounds.map((x) => ({ id: x.id, code: x.code, dueDate: x.dueDate, auditorIds: x.auditorIds })),
    checkIns: checkIns.map((c) => ({ roundId: c.roundId, auditorId: c.auditorId, status: c.status, grade: c.grade, learningActionIds: c.learningActionIds })),
    briefings,
    queries,
    tickets,
  };
}
