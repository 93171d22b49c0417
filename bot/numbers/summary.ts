/**
 * The plain-language summary: three to six sentences, each made by a rule from named figures, so
 * every number in it can be traced to a figure on the card (the tests check that).
 */
import type { Figures } from './figures';
import { pct } from './ratio';
import { plural } from '../shared/format';

export interface Sentence {
  /** Which rule wrote it. */
  rule: string;
  text: string;
  /** The figures it quotes: every number in the text is one of these values. */
  refs: { id: string; value: number }[];
}

export interface SummaryWords {
  /** The board's name, e.g. "Partnership board". */
  board: string;
  /** True when the period is still running ("this quarter"), else "the quarter". */
  current: boolean;
}

export const MIN_SENTENCES = 3;
export const MAX_SENTENCES = 6;

const n = (v: number) => v.toLocaleString('en-GB');
const wasWere = (v: number) => (v === 1 ? 'was' : 'were');
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

type Rule = (now: Figures, before: Figures, w: SummaryWords & { span: string }) => Sentence | undefined;

/** "up from 79%", "down from 8", "the same as last quarter". */
function against(now: number, before: number | undefined, unit: '%' | '', noun: string): string {
  if (before === undefined) return '';
  if (before === now) return `, the same as the ${noun} before`;
  return `, ${now > before ? 'up' : 'down'} from ${n(before)}${unit}`;
}

const RULES: { rule: string; priority: number; make: Rule }[] = [
  {
    rule: 'meetings',
    priority: 4,
    make: (f) => {
      const g = f.governance;
      if (g.planned === 0 && g.held === 0) return undefined;
      const lead =
        g.held === g.planned
          ? `All ${plural(g.planned, 'planned governance meeting', 'planned governance meetings')} ${wasWere(g.planned)} held`
          : g.held < g.planned
            ? `${n(g.held)} of ${plural(g.planned, 'planned governance meeting', 'planned governance meetings')} ${wasWere(g.held)} held`
            : // More than planned (a group with no set cadence, or an extra meeting): "1 of 0" would read as an error.
              g.planned === 0
              ? `${plural(g.held, 'governance meeting')} ${wasWere(g.held)} held, none of them planned by a group's agreed cadence`
              : `${plural(g.held, 'governance meeting')} ${wasWere(g.held)} held, more than the ${n(g.planned)} planned`;
      const cancelled = g.cancelled ? `; ${n(g.cancelled)} ${wasWere(g.cancelled)} cancelled` : '';
      return { rule: 'meetings', text: `${lead}${cancelled}.`, refs: [{ id: 'meetings-held', value: g.held }, { id: 'meetings-planned', value: g.planned }, { id: 'meetings-cancelled', value: g.cancelled }] };
    },
  },
  {
    rule: 'board',
    priority: 1,
    make: (f, b, w) => {
      const now = f.governance.board ? pct(f.governance.board.attendance) : undefined;
      if (now === undefined) return undefined;
      const before = b.governance.board ? pct(b.governance.board.attendance) : undefined;
      const refs = [{ id: 'board-attendance', value: now }, ...(before !== undefined ? [{ id: 'board-attendance-before', value: before }] : [])];
      return { rule: 'board', text: `${w.board} attendance was ${now}%${against(now, before, '%', f.period.kind)}.`, refs };
    },
  },
  {
    rule: 'due',
    priority: 2,
    make: (f, _b, w) => {
      const l = f.learning;
      const r = l.reviewDueOnTime.d ? { ratio: l.reviewDueOnTime, what: 'review action', id: 'review-due-on-time' } : l.dueOnTime.d ? { ratio: l.dueOnTime, what: 'action', id: 'due-on-time' } : undefined;
      if (r) {
        const { n: done, d: due } = r.ratio;
        const things = plural(due, r.what, `${r.what}s`);
        const text =
          due === 1 ? `The one ${r.what} due ${w.span} was ${done ? '' : 'not '}completed on time.`
          : done === due ? `All ${things} due ${w.span} were completed on time.`
          : done === 0 ? `None of the ${things} due ${w.span} were completed on time.`
          : `${n(done)} of ${things} due ${w.span} ${wasWere(done)} completed on time.`;
        return { rule: 'due', text, refs: [{ id: `${r.id}-done`, value: done }, { id: `${r.id}-due`, value: due }] };
      }
      if (!l.opened && !l.completed) return undefined;
      return { rule: 'due', text: `${plural(l.opened, 'action was', 'actions were')} added to the tracker and ${n(l.completed)} completed ${w.span}.`, refs: [{ id: 'actions-opened', value: l.opened }, { id: 'actions-completed', value: l.completed }] };
    },
  },
  {
    rule: 'overdue',
    priority: 3,
    make: (f, b, w) => {
      const now = f.learning.overdueAtEnd;
      const before = b.learning.overdueAtEnd;
      if (!now && !before) return undefined;
      const lead = w.current ? (now ? `${plural(now, 'action is', 'actions are')} overdue now` : 'No actions are overdue now') : now ? `${plural(now, 'action was', 'actions were')} overdue at the end of the ${f.period.kind}` : `No actions were overdue at the end of the ${f.period.kind}`;
      return { rule: 'overdue', text: `${lead}${against(now, before, '', f.period.kind)}.`, refs: [{ id: 'overdue-at-end', value: now }, { id: 'overdue-at-end-before', value: before }] };
    },
  },
  {
    rule: 'assurance',
    priority: 7,
    make: (f) => {
      const a = f.assurance;
      if (!a.rounds) return undefined;
      const { n: back, d: asked } = a.returns;
      const returned =
        asked === 1 ? `its auditor ${back ? 'returned a check-in' : 'did not return a check-in'}`
        : back === asked ? `all ${n(asked)} auditors returned check-ins`
        : back === 0 ? `none of the ${n(asked)} auditors returned a check-in`
        : `${n(back)} of ${n(asked)} auditors returned check-ins`;
      const raised = a.learningActions ? `${plural(a.learningActions, 'learning action was', 'learning actions were')} raised` : 'no learning actions were raised';
      return {
        rule: 'assurance',
        text: `${plural(a.rounds, 'audit round was', 'audit rounds were')} due: ${returned}, and ${raised}.`,
        refs: [{ id: 'audit-rounds', value: a.rounds }, { id: 'audit-returns-done', value: back }, { id: 'audit-returns-asked', value: asked }, { id: 'learning-actions-raised', value: a.learningActions }],
      };
    },
  },
  {
    rule: 'reach',
    priority: 5,
    make: (f) => {
      const r = f.reach;
      const reach = pct(r.reach);
      const read = pct(r.readRate);
      if (!r.briefings) return undefined;
      if (reach === undefined || read === undefined) return { rule: 'reach', text: `${plural(r.briefings, 'briefing was', 'briefings were')} posted to channels only, so there are no reach figures for people.`, refs: [{ id: 'briefings-sent', value: r.briefings }] };
      const them = r.briefings === 1 ? 'it' : 'them';
      const useful = pct(r.usefulRate);
      const usefulText = useful === undefined ? '' : `, and ${useful}% of those who rated ${them} found ${them} useful`;
      return {
        rule: 'reach',
        text: `${plural(r.briefings, 'briefing', 'briefings')} reached ${reach}% of the people ${r.briefings === 1 ? 'it was' : 'they were'} sent to; ${read}% read ${them}${usefulText}.`,
        refs: [{ id: 'briefings-sent', value: r.briefings }, { id: 'reach', value: reach }, { id: 'read', value: read }, ...(useful === undefined ? [] : [{ id: 'useful', value: useful }])],
      };
    },
  },
  {
    rule: 'questions',
    priority: 6,
    make: (f) => {
      const q = f.questions;
      const unanswered = pct(q.unanswered);
      if (!q.asked || unanswered === undefined) return undefined;
      // "Most often" only when one topic leads outright; a tie names none.
      const [top, next] = q.byTopic.filter((t) => t.id !== 'unknown');
      const about = top && (!next || top.count > next.count) ? `, most often about ${lowerFirst(top.name)}` : '';
      return { rule: 'questions', text: `Practitioners asked ${plural(q.asked, 'question', 'questions')}${about}; ${unanswered}% went unanswered.`, refs: [{ id: 'questions-asked', value: q.asked }, { id: 'unanswered', value: unanswered }] };
    },
  },
];

/** Said when a part of the card has nothing in it, so the summary never runs short of three sentences. */
const QUIET: { rule: string; when: (f: Figures) => boolean; text: (span: string) => string }[] = [
  { rule: 'quiet-meetings', when: (f) => f.governance.held === 0 && f.governance.planned === 0, text: (s) => `No governance meetings were planned or held ${s}.` },
  { rule: 'quiet-actions', when: (f) => !f.learning.opened && !f.learning.completed && !f.learning.dueOnTime.d, text: (s) => `No actions were added, due or completed ${s}.` },
  { rule: 'quiet-audits', when: (f) => !f.assurance.rounds, text: (s) => `No audit rounds were due ${s}.` },
  { rule: 'quiet-briefings', when: (f) => !f.reach.briefings, text: (s) => `No briefings were sent ${s}.` },
  { rule: 'quiet-questions', when: (f) => !f.questions.asked, text: (s) => `Practitioners asked no questions ${s}.` },
];

export function summarise(now: Figures, before: Figures, words: SummaryWords): Sentence[] {
  const span = words.current ? `this ${now.period.kind}` : `in the ${now.period.kind}`;
  const w = { ...words, span };
  const made = RULES.map((r) => ({ ...r, sentence: r.make(now, before, w) })).filter((r): r is typeof r & { sentence: Sentence } => !!r.sentence);
  const keep = new Set([...made].sort((a, b) => a.priority - b.priority).slice(0, MAX_SENTENCES).map((r) => r.rule));
  const out = made.filter((r) => keep.has(r.rule)).map((r) => r.sentence);
  for (const q of QUIET) {
    if (out.length >= MIN_SENTENCES) break;
    if (q.when(now)) out.push({ rule: q.rule, text: q.text(span), refs: [] });
  }
  return out;
}
