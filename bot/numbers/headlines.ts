/**
 * The headline figures of each part of the card: value, how it is shown, change since the last
 * period, and the sentence that says how it is counted. One list, so the card, the CSV and the
 * summary rules cannot disagree about what a figure is.
 */
import type { NumbersSection } from '../../content/schema/numbers';
import type { Figures } from './figures';
import { pct, type Ratio } from './ratio';

export type Unit = 'count' | 'percent' | 'days';

export interface Headline {
  id: string;
  section: NumbersSection;
  label: string;
  unit: Unit;
  value?: number;
  /** The value as the card shows it, e.g. "86% (19 of 22)". */
  shown: string;
  how: string;
}

export interface HeadlineWithChange extends Headline {
  previous?: number;
  change: string;
}

const n = (v: number) => v.toLocaleString('en-GB');
const share = (r: Ratio, of: string) => (r.d ? `${pct(r)}% (${n(r.n)} of ${n(r.d)}${of ? ` ${of}` : ''})` : 'no figure');
const count = (v: number | undefined) => (v === undefined ? 'no figure' : n(v));
const daysShown = (v: number | undefined, word: string) => (v === undefined ? 'no figure' : `${n(v)} ${word}`);

interface Def {
  id: string;
  section: NumbersSection;
  label: string;
  unit: Unit;
  value: (f: Figures) => number | undefined;
  shown: (f: Figures) => string;
  how: string;
}

const DEFS: Def[] = [
  { id: 'meetings-held', section: 'governance', label: 'Meetings held', unit: 'count', value: (f) => f.governance.held, shown: (f) => `${n(f.governance.held)} of ${n(f.governance.planned)} planned`, how: 'Meetings of every group recorded as held (attendance taken) with a date in the period. Planned is what each group\'s cadence in the content pack gives for the period, up to today for a period still running, with any agreed change of cadence.' },
  { id: 'board-attendance', section: 'governance', label: 'Board attendance', unit: 'percent', value: (f) => (f.governance.board ? pct(f.governance.board.attendance) : undefined), shown: (f) => (f.governance.board ? share(f.governance.board.attendance, 'places') : 'no figure'), how: 'At board meetings held in the period: people recorded present (in person or by a named deputy), of everyone on the attendance lists.' },
  { id: 'quorate', section: 'governance', label: 'Meetings quorate', unit: 'percent', value: (f) => pct(f.governance.quorate), shown: (f) => share(f.governance.quorate, 'held'), how: 'Held meetings of groups with a quorum rule at which every required statutory partner had someone present, of all such held meetings.' },
  { id: 'meetings-cancelled', section: 'governance', label: 'Meetings cancelled', unit: 'count', value: (f) => f.governance.cancelled, shown: (f) => count(f.governance.cancelled), how: 'Meetings with a date in the period that the business unit cancelled.' },
  { id: 'actions-opened', section: 'learning', label: 'Actions opened', unit: 'count', value: (f) => f.learning.opened, shown: (f) => count(f.learning.opened), how: 'Actions added to the tracker in the period, from every source.' },
  { id: 'actions-completed', section: 'learning', label: 'Actions completed', unit: 'count', value: (f) => f.learning.completed, shown: (f) => `${n(f.learning.completed)} (${n(f.learning.completedOnTime)} by their due date)`, how: 'Actions signed off as complete in the period. Work marked complete and still awaiting sign-off is not counted until it is signed off.' },
  { id: 'due-on-time', section: 'learning', label: 'Due actions done on time', unit: 'percent', value: (f) => pct(f.learning.dueOnTime), shown: (f) => share(f.learning.dueOnTime, 'due'), how: 'Actions whose agreed due date (approved extensions included) fell in the period, up to today for a period still running, that were signed off on or before that date. Actions cancelled before their due date are left out.' },
  { id: 'overdue-at-end', section: 'learning', label: 'Overdue at period end', unit: 'count', value: (f) => f.learning.overdueAtEnd, shown: (f) => count(f.learning.overdueAtEnd), how: 'Actions that, at the end of the period (or today), were past their agreed due date and not completed, awaiting sign-off or cancelled. Read from each action\'s history, so later changes do not alter a past period.' },
  { id: 'median-days-to-complete', section: 'learning', label: 'Median days to complete', unit: 'days', value: (f) => f.learning.medianDaysToComplete, shown: (f) => daysShown(f.learning.medianDaysToComplete, 'days'), how: 'For actions signed off in the period: calendar days from being added to the tracker to sign-off; the middle value.' },
  { id: 'reopened', section: 'learning', label: 'Returned for more work', unit: 'count', value: (f) => f.learning.reopened, shown: (f) => count(f.learning.reopened), how: 'Times in the period that work marked complete was returned to its owner at sign-off (the action reopened).' },
  { id: 'audit-rounds', section: 'assurance', label: 'Audit rounds', unit: 'count', value: (f) => f.assurance.rounds, shown: (f) => count(f.assurance.rounds), how: 'Audit rounds (case audits, Section 11 and 175 self-assessments, front door audits) with a due date in the period.' },
  { id: 'audit-returns', section: 'assurance', label: 'Auditors who returned', unit: 'percent', value: (f) => pct(f.assurance.returns), shown: (f) => share(f.assurance.returns, 'asked'), how: 'For each round: auditors who submitted at least one check-in, of the auditors the round was sent to.' },
  { id: 'check-ins', section: 'assurance', label: 'Check-ins submitted', unit: 'count', value: (f) => f.assurance.submitted, shown: (f) => count(f.assurance.submitted), how: 'Completed check-ins (one per case, agency or school) in those rounds. Drafts are not counted.' },
  { id: 'learning-actions-raised', section: 'assurance', label: 'Learning actions raised', unit: 'count', value: (f) => f.assurance.learningActions, shown: (f) => count(f.assurance.learningActions), how: 'Actions put on the tracker from the proposed actions of those rounds\' check-ins.' },
  { id: 'briefings-sent', section: 'reach', label: 'Briefings sent', unit: 'count', value: (f) => f.reach.briefings, shown: (f) => count(f.reach.briefings), how: '7-minute briefings whose sending finished in the period. Withdrawn briefings are not counted.' },
  { id: 'reach', section: 'reach', label: 'Reached', unit: 'percent', value: (f) => pct(f.reach.reach), shown: (f) => share(f.reach.reach, 'people'), how: 'People a briefing was delivered to in a 1:1 chat, of the people it was meant for (those who could not be reached are counted against it). Channel posts are counted separately on each briefing\'s reach card.' },
  { id: 'read', section: 'reach', label: 'Read', unit: 'percent', value: (f) => pct(f.reach.readRate), shown: (f) => share(f.reach.readRate, 'delivered'), how: 'People who pressed "read" on the briefing, of the people it was delivered to. Someone who read it in a channel also counts, so this can pass 100% for a briefing sent to channels.' },
  { id: 'useful', section: 'reach', label: 'Found it useful', unit: 'percent', value: (f) => pct(f.reach.usefulRate), shown: (f) => share(f.reach.usefulRate, 'ratings'), how: 'People who answered "yes" to "was this useful?", of everyone who answered (yes, partly or no).' },
  { id: 'questions-asked', section: 'questions', label: 'Questions asked', unit: 'count', value: (f) => f.questions.asked, shown: (f) => count(f.questions.asked), how: 'Questions practitioners typed to the bot in the period. Questions refused for child-identifying details are never stored, so they are not counted. Questions are kept for the retention period only (365 days unless changed).' },
  { id: 'unanswered', section: 'questions', label: 'Unanswered', unit: 'percent', value: (f) => pct(f.questions.unanswered), shown: (f) => share(f.questions.unanswered, 'questions'), how: 'Questions the bot matched to no topic, or whose asker said the answer did not help, of all questions asked in the period.' },
  { id: 'tickets-answered', section: 'questions', label: 'Questions answered by the business unit', unit: 'count', value: (f) => f.questions.ticketsAnswered, shown: (f) => `${n(f.questions.ticketsAnswered)} (${n(f.questions.ticketsOpened)} sent to them)`, how: 'Questions sent to the business unit ("ask an expert") that they answered in the period; in brackets, how many were sent to them in the period.' },
  { id: 'days-to-answer', section: 'questions', label: 'Median time to answer', unit: 'days', value: (f) => f.questions.medianWorkingDaysToAnswer, shown: (f) => daysShown(f.questions.medianWorkingDaysToAnswer, 'working days'), how: 'For questions the business unit answered in the period: working days (weekends and bank holidays not counted) from being sent to them to the answer; the middle value. 0 means the same day.' },
];

/** Breakdowns on the card and in the CSV, each with how it is counted. */
export const BREAKDOWN_HOW: Record<string, { label: string; how: string }> = {
  groups: { label: 'Meetings by group', how: 'For each group: held of planned, quorate held meetings of those with a quorum rule, and people present of everyone on the attendance lists.' },
  partners: { label: 'Attendance by statutory partner', how: 'Held meetings at which someone from one of the partner\'s agencies was present, of held meetings of groups whose quorum needs that partner.' },
  agencies: { label: 'Board attendance by agency', how: 'Board meetings held in the period that someone from the agency attended (in person or by a named deputy), of all board meetings held, as in an annual report\'s attendance appendix.' },
  sources: { label: 'Actions by source', how: 'The same counts as the headline figures, split by where each recommendation came from (rapid review, local review, audit, meeting and so on).' },
  priorities: { label: 'Actions by priority', how: 'The same counts, split by the partnership priority each action serves.' },
  grades: { label: 'Grades given', how: 'Grades on the check-ins submitted in those rounds; each template has its own scale.' },
  reachAgencies: { label: 'Reach by agency', how: 'Per agency (as recorded for each person): people delivered to 1:1, people who read it, and the share of ratings that said useful.' },
  topics: { label: 'Questions by topic', how: 'Each question counted once, under the topic the bot answered with (or the topic the asker chose from its suggestions).' },
  months: { label: 'Questions by month', how: 'Questions asked in each calendar month of the period.' },
  published: { label: 'Published figures', how: 'Figures the bot cannot count, recorded by the business unit for each reporting year (April to March), or taken from the annual report named as their source. Change is against the year before.' },
};

/** Change in words: "up 7 points from 79%", "down 3 from 8", "no change", or why there is no comparison. */
export function describeChange(unit: Unit, now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined) return before === undefined ? 'no earlier figure' : `was ${shownValue(unit, before)}`;
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return 'no change';
  const amount = `${n(Math.abs(diff))}${unit === 'percent' ? ' points' : ''}`;
  return `${diff > 0 ? 'up' : 'down'} ${amount} from ${shownValue(unit, before)}`;
}

export function shownValue(unit: Unit, v: number): string {
  return unit === 'percent' ? `${n(v)}%` : n(v);
}

export function headlines(f: Figures): Headline[] {
  return DEFS.map((d) => ({ id: d.id, section: d.section, label: d.label, unit: d.unit, value: d.value(f), shown: d.shown(f), how: d.how }));
}

export function headlinesWithChange(now: Figures, before: Figures): HeadlineWithChange[] {
  const prev = new Map(headlines(before).map((h) => [h.id, h]));
  return headlines(now).map((h) => {
    const p = prev.get(h.id)?.value;
    return { ...h, previous: p, change: describeChange(h.unit, h.value, p) };
  });
}
