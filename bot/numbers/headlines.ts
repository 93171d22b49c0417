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

/** "3 of 4" (with `after`: "3 of 4 planned"), or "2 (1 planned)" when more were held than planned: never "1 of 0". */
export function heldOfPlanned(held: number, planned: number, after = ''): string {
  return held > planned ? `${n(held)} (${n(planned)} planned)` : `${n(held)} of ${n(planned)}${after}`;
}
const share = (r: Ratio, of: string) => (r.d ? `${pct(r)}% (${n(r.n)} of ${n(r.d)}${of ? ` ${of}` : ''})` : 'no figure');
const count = (v: number | undefined) => (v === undefined ? 'no figure' : n(v));
const daysShown = (v: number | undefined, word: string) => (v === undefined ? 'no figure' : `${n(v)} ${v === 1 ? word.replace(/s$/, '') : word}`);

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
  { id: 'meetings-held', section: 'governance', label: 'Meetings held', unit: 'count', value: (f) => f.governance.held, shown: (f) => heldOfPlanned(f.governance.held, f.governance.planned, ' planned'), how: 'Meetings of every group recorded as held, dated in the period. Planned: what each group\'s agreed cadence gives for the period (to today if it is still running).' },
  { id: 'board-attendance', section: 'governance', label: 'Board attendance', unit: 'percent', value: (f) => (f.governance.board ? pct(f.governance.board.attendance) : undefined), shown: (f) => (f.governance.board ? share(f.governance.board.attendance, 'places') : 'no figure'), how: 'At board meetings held: people present (in person or by a named deputy), of everyone on the attendance lists.' },
  { id: 'quorate', section: 'governance', label: 'Meetings quorate', unit: 'percent', value: (f) => pct(f.governance.quorate), shown: (f) => share(f.governance.quorate, 'held'), how: 'Held meetings of groups with a quorum rule where every required statutory partner had someone present.' },
  { id: 'meetings-cancelled', section: 'governance', label: 'Meetings cancelled', unit: 'count', value: (f) => f.governance.cancelled, shown: (f) => count(f.governance.cancelled), how: 'Meetings dated in the period that were cancelled.' },
  { id: 'actions-opened', section: 'learning', label: 'Actions opened', unit: 'count', value: (f) => f.learning.opened, shown: (f) => count(f.learning.opened), how: 'Actions added to the tracker in the period, from every source.' },
  { id: 'actions-completed', section: 'learning', label: 'Actions completed', unit: 'count', value: (f) => f.learning.completed, shown: (f) => `${n(f.learning.completed)} (${n(f.learning.completedOnTime)} by their due date)`, how: 'Actions signed off as complete in the period; work awaiting sign-off counts once signed off.' },
  { id: 'due-on-time', section: 'learning', label: 'Due actions done on time', unit: 'percent', value: (f) => pct(f.learning.dueOnTime), shown: (f) => share(f.learning.dueOnTime, 'due'), how: 'Of actions whose agreed due date (after approved extensions) fell in the period, those signed off by that date. Actions cancelled before they were due are left out.' },
  { id: 'overdue-at-end', section: 'learning', label: 'Overdue at period end', unit: 'count', value: (f) => f.learning.overdueAtEnd, shown: (f) => count(f.learning.overdueAtEnd), how: 'Actions past their agreed due date at the end of the period (or today), not completed, awaiting sign-off or cancelled. Read from each action\'s history.' },
  { id: 'median-days-to-complete', section: 'learning', label: 'Median days to complete', unit: 'days', value: (f) => f.learning.medianDaysToComplete, shown: (f) => daysShown(f.learning.medianDaysToComplete, 'days'), how: 'For actions signed off in the period: the middle number of calendar days from being added to sign-off.' },
  { id: 'reopened', section: 'learning', label: 'Returned for more work', unit: 'count', value: (f) => f.learning.reopened, shown: (f) => count(f.learning.reopened), how: 'Times work marked complete was returned to its owner at sign-off (reopened) in the period.' },
  { id: 'audit-rounds', section: 'assurance', label: 'Audit rounds', unit: 'count', value: (f) => f.assurance.rounds, shown: (f) => count(f.assurance.rounds), how: 'Audit rounds of every kind with a due date in the period.' },
  { id: 'audit-returns', section: 'assurance', label: 'Auditors who returned', unit: 'percent', value: (f) => pct(f.assurance.returns), shown: (f) => share(f.assurance.returns, 'asked'), how: 'Per round: auditors who submitted at least one check-in, of those it was sent to.' },
  { id: 'check-ins', section: 'assurance', label: 'Check-ins submitted', unit: 'count', value: (f) => f.assurance.submitted, shown: (f) => count(f.assurance.submitted), how: 'Submitted check-ins (one per case, agency or school) in those rounds; drafts are not counted.' },
  { id: 'learning-actions-raised', section: 'assurance', label: 'Learning actions raised', unit: 'count', value: (f) => f.assurance.learningActions, shown: (f) => count(f.assurance.learningActions), how: 'Actions put on the tracker from those rounds\' check-ins.' },
  { id: 'briefings-sent', section: 'reach', label: 'Briefings sent', unit: 'count', value: (f) => f.reach.briefings, shown: (f) => count(f.reach.briefings), how: '7-minute briefings whose sending finished in the period; withdrawn ones are not counted.' },
  { id: 'reach', section: 'reach', label: 'Reached', unit: 'percent', value: (f) => pct(f.reach.reach), shown: (f) => share(f.reach.reach, 'people'), how: 'People a briefing reached in a 1:1 chat, of the people it was meant for. Channel posts are on each briefing\'s reach card.' },
  { id: 'read', section: 'reach', label: 'Read', unit: 'percent', value: (f) => pct(f.reach.readRate), shown: (f) => share(f.reach.readRate, 'delivered'), how: 'People who marked it read, of those it reached 1:1. Readers in channels count too, so this can pass 100%.' },
  { id: 'useful', section: 'reach', label: 'Found it useful', unit: 'percent', value: (f) => pct(f.reach.usefulRate), shown: (f) => share(f.reach.usefulRate, 'ratings'), how: 'Ratings of "yes, useful", of all ratings (yes, partly or no).' },
  { id: 'questions-asked', section: 'questions', label: 'Questions asked', unit: 'count', value: (f) => f.questions.asked, shown: (f) => count(f.questions.asked), how: 'Questions typed to the bot in the period. Refused questions (child-identifying details) are never stored; questions are kept for the retention period (365 days by default).' },
  { id: 'unanswered', section: 'questions', label: 'Unanswered', unit: 'percent', value: (f) => pct(f.questions.unanswered), shown: (f) => share(f.questions.unanswered, 'questions'), how: 'Questions matched to no topic, or whose answer the asker said did not help, of all questions.' },
  { id: 'tickets-answered', section: 'questions', label: 'Questions answered by the business unit', unit: 'count', value: (f) => f.questions.ticketsAnswered, shown: (f) => `${n(f.questions.ticketsAnswered)} (${n(f.questions.ticketsOpened)} sent to them)`, how: 'Questions sent to the business unit that they answered in the period; in brackets, how many were sent to them.' },
  { id: 'days-to-answer', section: 'questions', label: 'Median time to answer', unit: 'days', value: (f) => f.questions.medianWorkingDaysToAnswer, shown: (f) => daysShown(f.questions.medianWorkingDaysToAnswer, 'working days'), how: 'The middle number of working days (no weekends or bank holidays) from a question reaching the business unit to their answer; 0 is the same day.' },
];

/** Breakdowns on the card and in the CSV, each with how it is counted. */
export const BREAKDOWN_HOW: Record<string, { label: string; how: string }> = {
  groups: { label: 'Meetings by group', how: 'Per group: held of planned, quorate share of held meetings, and attendance.' },
  partners: { label: 'Attendance by statutory partner', how: 'Held meetings with someone from the partner\'s agencies present, of held meetings whose quorum needs that partner.' },
  agencies: { label: 'Board attendance by agency', how: 'Board meetings the agency attended (named deputies count), of all held: the annual report\'s appendix table.' },
  sources: { label: 'Actions by source', how: 'The same counts, split by where each recommendation came from.' },
  priorities: { label: 'Actions by priority', how: 'The same counts, split by partnership priority.' },
  grades: { label: 'Grades given', how: 'Grades on submitted check-ins; each audit template has its own scale.' },
  reachAgencies: { label: 'Reach by agency', how: 'Per agency: people reached 1:1, people who read it, and ratings that said useful.' },
  topics: { label: 'Questions by topic', how: 'Each question once, under the topic answered (or chosen from the suggestions).' },
  months: { label: 'Questions by month', how: 'Questions asked in each month of the period.' },
  published: { label: 'Published figures', how: 'Figures the bot cannot count, recorded by the business unit for each reporting year (April to March) or taken from the annual report named as their source; change is against the year before.' },
};

/** Change in words: "up 7 points from 79%", "down 3 from 8", "no change", or why there is no comparison. */
export function describeChange(unit: Unit, now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined) return before === undefined ? 'no earlier figure' : `was ${shownValue(unit, before)}`;
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return 'no change';
  const amount = `${n(Math.abs(diff))}${unit === 'percent' ? (Math.abs(diff) === 1 ? ' point' : ' points') : ''}`;
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
