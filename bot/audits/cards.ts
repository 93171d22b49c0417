import { expandCard } from '../../cards/expand';
import type { AuditTemplate } from '../../content/schema/audits';
import type { AuditRound, CheckIn } from '../../storage/audits/schema';
import type { RoundSummary } from './rules';
import { count, formatDate, plural } from '../shared/format';

export function inviteCard(r: AuditRound, t: AuditTemplate, progress: string) {
  return expandCard('audits', 'invite', { code: r.code, templateName: t.name, purpose: t.purpose, theme: r.theme, due: formatDate(r.dueDate), questions: String(t.questions.length), progress, roundId: r.id });
}

export function quickCard(r: AuditRound, t: AuditTemplate, typed: Partial<Record<string, string>>, error = '', privacyAsk = false) {
  return expandCard('audits', 'quick', {
    privacyAsk,
    code: r.code,
    templateName: t.name,
    theme: r.theme,
    due: formatDate(r.dueDate),
    roundId: r.id,
    error,
    referenceExample: t.referenceExample,
    reference: typed.reference ?? '',
    questions: t.questions.map((q, i) => ({ id: q.id, number: count(i + 1), text: q.text, value: typed[`q_${q.id}`] ?? '', choices: t.answerScale.map((title) => ({ title })) })),
    grade: typed.grade ?? '',
    grades: t.gradeScale.map((title) => ({ title })),
    strengths: typed.strengths ?? '',
    improvements: typed.improvements ?? '',
    proposedActions: typed.proposedActions ?? '',
  });
}

/** What a draft already holds, as the quick card's typed values, so both paths pre-fill alike. */
export function typedFromDraft(c: CheckIn | undefined): Record<string, string> {
  if (!c) return {};
  const out: Record<string, string> = {};
  if (c.reference) out.reference = c.reference;
  for (const [k, v] of Object.entries(c.answers)) out[`q_${k}`] = v;
  if (c.grade) out.grade = c.grade;
  if (c.strengths) out.strengths = c.strengths;
  if (c.improvements) out.improvements = c.improvements;
  if (c.proposedActions) out.proposedActions = c.proposedActions;
  return out;
}

export function summaryCard(r: AuditRound, t: AuditTemplate, s: RoundSummary, agencyName: (id: string) => string, auditorsDone: number) {
  return expandCard('audits', 'summary', {
    code: r.code,
    templateName: t.name,
    theme: r.theme,
    overview: `${t.name}. Theme: ${r.theme}. ${plural(s.submitted, 'check-in')} submitted by ${count(auditorsDone)} of ${plural(r.auditorIds.length, 'auditor')}.`,
    agencies: s.agencies.map(agencyName).join(', ') || 'none yet',
    roundId: r.id,
    questions: s.questions.map((q) => ({ text: q.text, line: q.counts.map((c) => `${c.answer} ${c.count} (${c.percent}%)`).join(' · ') })),
    grades: s.grades.map((g) => `${g.grade} ${g.count} (${g.percent}%)`).join(' · '),
    strengths: s.strengths.slice(0, 10).map((text) => ({ text })),
    improvements: s.improvements.slice(0, 10).map((text) => ({ text })),
    proposed: s.proposedActions.slice(0, 10).map((p) => ({ ...p, roundId: r.id })),
  });
}

export function roundFormCard(templates: AuditTemplate[], agencies: { id: string; name: string }[], typed: Record<string, string> = {}, error = '') {
  return expandCard('audits', 'round-form', {
    error,
    templateId: typed.templateId ?? '',
    theme: typed.theme ?? '',
    dueDate: typed.dueDate ?? '',
    auditors: typed.auditors ?? '',
    agencies: typed.agencies ?? '',
    templates: templates.map((t) => ({ id: t.id, name: t.name })),
    agencyChoices: agencies,
  });
}
