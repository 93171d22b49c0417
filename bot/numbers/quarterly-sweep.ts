/**
 * The quarterly post: on the first working day after a quarter ends, the card for that quarter goes
 * to the board's channel (the board group's channel, else the business unit), once. The scheduler's
 * lease keeps one instance sweeping at a time; the deterministic notification id keeps the post to
 * one even if two instances, or a restart, sweep the same morning.
 */
import type { OutMessage, Services, SweepDef } from '../core/contract';
import { deterministicId } from '../../storage/ids';
import { tellBusinessUnit } from '../members/business-unit';
import { inWorkingHours, londonDate, workingDaysBetween } from '../shared/time/working-days';
import { numbersCard } from './cards';
import { NUMBERS_TUNING } from './consts';
import { firstWorkingDayAfter, previousPeriod, quarterContaining, type Period } from './periods';
import { buildReport } from './report';

/** The quarter whose post is due today, if any: from its first working day, for a few working days if a post was missed. */
export function quarterDue(today: string, catchUpWorkingDays: number): Period | undefined {
  const q = previousPeriod(quarterContaining(today));
  const first = firstWorkingDayAfter(q);
  if (today < first || workingDaysBetween(first, today) > catchUpWorkingDays) return undefined;
  return q;
}

export const quarterlyPostId = (partnershipId: string, q: Period) => deterministicId('numbers', 'quarterly', partnershipId, q.from);

type Posted = { ok: true; where: 'board-channel' | 'business-unit'; activityId?: string } | { ok: false; retry: boolean; error: string };

/** The board group's channel if it has one and the post goes through; else the business unit. */
async function postToBoard(services: Services, msg: OutMessage): Promise<Posted> {
  const group = await services.repos.meetings.getGroup(services.content.numbers.boardSeries);
  if (group?.channel) {
    const r = await services.messenger.send(group.channel, msg);
    if (r.ok) return { ok: true, where: 'board-channel', activityId: r.activityId };
    if (r.kind === 'throttled' || r.kind === 'retryable') return { ok: false, retry: true, error: `board channel ${r.kind} ${r.status}` };
    services.log.warn({ event: 'numbers-board-channel-failed', status: r.status, kind: r.kind }, 'quarterly post could not reach the board channel; telling the business unit');
  }
  const bu = await tellBusinessUnit(services, msg);
  return bu.ok ? { ok: true, where: 'business-unit', activityId: bu.posts[0]?.activityId } : { ok: false, retry: true, error: 'no one in the business unit could be reached' };
}

export async function runQuarterlySweep(services: Services, now: Date): Promise<Record<string, number>> {
  const rules = services.content.numbers.quarterlyPost;
  if (!rules.enabled) return { disabled: 1 };
  if (!inWorkingHours(now, { start: services.config.WORKING_HOURS_START, end: services.config.WORKING_HOURS_END })) return { outsideWorkingHours: 1 };
  const q = quarterDue(londonDate(now), rules.catchUpWorkingDays);
  if (!q) return { notDue: 1 };
  const id = quarterlyPostId(services.partnershipId, q);
  const existing = await services.notifications.repo.get(id, services.partnershipId);
  if (existing?.status === 'pending' && now.getTime() - new Date(existing.createdAt).getTime() > NUMBERS_TUNING.staleClaimMinutes * 60_000) {
    await services.notifications.repo.delete(id, services.partnershipId);
    services.log.warn({ event: 'numbers-stale-claim' }, 'released a quarterly post claim left by an interrupted sweep');
  }
  const claim = await services.notifications.claim({ id, feature: 'numbers', kind: 'quarterly', subjectId: q.arg, recipientId: 'board' });
  if (!claim) return { alreadyPosted: 1 };
  try {
    const report = await buildReport(services, q);
    const card = numbersCard(report, { partnership: services.content.partnership.shortName, canRecord: false });
    const posted = await postToBoard(services, { card, summary: `Partnership in numbers: ${q.label}` });
    if (posted.ok) {
      await services.notifications.settle(id, { status: 'sent', activityId: posted.activityId });
      await services.audit.record({ actorId: `sweep:${services.instanceId}`, feature: 'numbers', action: 'quarterly-post', entityType: 'quarter', entityId: q.arg, detail: { where: posted.where } });
      return { posted: 1, toBoardChannel: posted.where === 'board-channel' ? 1 : 0 };
    }
    // Nothing went out: give the claim back so a later sweep (within the catch-up days) tries again.
    await services.notifications.repo.delete(id, services.partnershipId);
    services.log.warn({ event: 'numbers-quarterly-not-sent', error: posted.error }, 'quarterly post not sent; will retry');
    return { retryLater: 1 };
  } catch (e) {
    await services.notifications.repo.delete(id, services.partnershipId).catch(() => undefined);
    throw e;
  }
}

export function createQuarterlySweep(): SweepDef {
  return { feature: 'numbers', name: 'quarterly', everySeconds: NUMBERS_TUNING.sweepEverySeconds, run: runQuarterlySweep };
}
