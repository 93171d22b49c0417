import type { SweepDef } from '../core/contract';
import { deterministicId } from '../../storage/ids';
import { formatDate, inWorkingHours, londonDate } from '../shared/time/working-days';
import { inviteCard } from './cards';
import { reminderDue } from './rules';
import type { AuditRounds } from './rounds';

/** Reminds auditors who have not submitted: on the due date, then every few working days, once each. */
export function createReminderSweep(rounds: AuditRounds): SweepDef {
  return {
    feature: 'audits',
    name: 'reminders',
    everySeconds: 900,
    run: async (s, now) => {
      if (!inWorkingHours(now, { start: s.config.WORKING_HOURS_START, end: s.config.WORKING_HOURS_END })) return { sent: 0 };
      const today = londonDate(now);
      let sent = 0;
      for (const r of await rounds.repo.openRounds()) {
        const due = reminderDue(r.dueDate, today, s.content.audits.reminderEveryWorkingDays);
        if (!due) continue;
        const submitted = new Set((await rounds.repo.checkInsFor(r.id)).filter((c) => c.status === 'submitted').map((c) => c.auditorId));
        for (const auditorId of r.auditorIds.filter((a) => !submitted.has(a))) {
          const claim = await s.notifications.claim({ id: deterministicId('audit-reminder', r.id, auditorId, due), feature: 'audits', kind: 'reminder', subjectId: r.id, recipientId: auditorId });
          if (!claim) continue;
          const m = await s.members.get(auditorId);
          const result = m ? await s.messenger.sendToMember(m, { text: `Reminder: your check-in for audit round **${r.code}** was due on ${formatDate(r.dueDate)}.`, card: inviteCard(r, rounds.checkIns.template(r), await rounds.progressOf(r, auditorId)) }) : undefined;
          await s.notifications.settle(claim.id, { status: result?.ok ? 'sent' : result && result.kind === 'unreachable' ? 'unreachable' : 'failed', activityId: result?.ok ? result.activityId : undefined });
          if (result?.ok) sent++;
        }
      }
      return { sent };
    },
  };
}
