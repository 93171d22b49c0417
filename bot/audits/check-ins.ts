import type { Services } from '../core/contract';
import type { AuditTemplate } from '../../content/schema/audits';
import type { AuditRound, CheckIn } from '../../storage/audits/schema';
import type { Stored } from '../../storage/repository';
import type { AuditsRepository } from '../../storage/audits/repository';
import { judgeText } from '../shared/privacy/purpose';
import { checkReference, matchScale, nextField, type Field } from './rules';
import { newId } from '../../storage/ids';
import { londonDate } from '../shared/time/working-days';

export type Answer = { field: Field; text: string };

/** The check-in dialog (dialogs/audits/check-in-dialog.ts), started with turn.beginDialog. */
export const CHECK_IN_DIALOG = 'audits.checkIn';

export interface CheckInOptions {
  roundId: string;
  memberId: string;
  agency?: string;
  /** An answer the guard asked about: sending the same text again keeps it. */
  askedText?: string;
}

export const ROUND_NOT_FOUND = 'I cannot find that audit round.';

/** Why a round cannot take a check-in from this member, or undefined when it can. */
export function cannotCheckIn(round: AuditRound | undefined, memberId: string, today: string): string | undefined {
  if (!round) return ROUND_NOT_FOUND;
  if (!round.auditorIds.includes(memberId)) return 'Only the auditors named for this round can complete its check-ins.';
  if (round.status !== 'open') return 'This audit round has closed, so no more check-ins can be saved. Contact the business unit if you need it reopened.';
  void today;
  return undefined;
}

/** Check-ins shared by the dialog and the quick card: both read and write the same draft. */
export class CheckIns {
  readonly repo: AuditsRepository;
  constructor(private readonly services: Services) {
    this.repo = services.repos.audits;
  }

  template(round: AuditRound): AuditTemplate {
    const t = this.services.content.audits.templates.find((x) => x.id === round.templateId);
    if (!t) throw new Error(`template ${round.templateId} is not in the content pack`);
    return t;
  }

  today() {
    return londonDate(this.services.clock.now());
  }

  async draft(round: AuditRound, memberId: string, agency?: string): Promise<Stored<CheckIn>> {
    const existing = await this.repo.draftOf(round.id, memberId);
    if (existing) return existing;
    const at = this.services.clock.now().toISOString();
    return this.repo.checkIns.create({ type: 'checkin', id: newId(), pk: this.repo.pk, roundId: round.id, auditorId: memberId, agency, answers: {}, status: 'draft', learningActionIds: [], createdAt: at, updatedAt: at });
  }

  /**
   * Checks one answer against the field it is for; returns the value to store or the reason it was
   * refused (outside the scale, not a reference, child-identifying). Nothing is stored on refusal.
   */
  validate(t: AuditTemplate, field: Field, text: string, opts: { confirmed?: boolean } = {}): { ok: true; value: string } | { ok: false; message: string; ask?: boolean } {
    switch (field.kind) {
      case 'reference':
        return checkReference(text);
      case 'question': {
        const v = matchScale(t.answerScale, text);
        return v ? { ok: true, value: v } : { ok: false, message: `Please answer with one of: ${t.answerScale.join(', ')}.` };
      }
      case 'grade': {
        const v = matchScale(t.gradeScale, text);
        return v ? { ok: true, value: v } : { ok: false, message: `Please choose a grade: ${t.gradeScale.join(', ')}.` };
      }
      case 'strengths':
      case 'improvements':
      case 'proposedActions': {
        const value = /^(none|skip|-|n\/a)$/i.test(text.trim()) ? '' : text.trim().slice(0, 2000);
        const verdict = judgeText(value, 'narrative', opts);
        return verdict.outcome === 'ok' ? { ok: true, value } : { ok: false, message: verdict.message, ask: verdict.outcome === 'ask' };
      }
      default:
        return { ok: false, message: 'Nothing more to answer.' };
    }
  }

  /** Stores one validated answer in the draft (ETag-guarded), returning the draft as it now stands. */
  async saveAnswer(draft: Stored<CheckIn>, field: Field, value: string): Promise<Stored<CheckIn>> {
    const at = this.services.clock.now().toISOString();
    const { doc } = await this.repo.checkIns.mutate(draft.id, draft.pk, (c) => {
      if (c.status !== 'draft') return undefined;
      const next = { ...c, updatedAt: at };
      if (field.kind === 'reference') next.reference = value;
      else if (field.kind === 'question') next.answers = { ...c.answers, [field.id]: value };
      else if (field.kind === 'grade') next.grade = value;
      else if (field.kind === 'strengths') next.strengths = value;
      else if (field.kind === 'improvements') next.improvements = value;
      else if (field.kind === 'proposedActions') next.proposedActions = value;
      return next;
    });
    return doc;
  }

  /** Marks a complete draft as submitted; the audit log records it. */
  async submit(round: AuditRound, draft: Stored<CheckIn>, actorId: string): Promise<Stored<CheckIn>> {
    const t = this.template(round);
    if (nextField(t, draft).kind !== 'done') throw new Error('check-in is not complete');
    const at = this.services.clock.now().toISOString();
    const { doc } = await this.repo.checkIns.mutate(draft.id, draft.pk, (c) => (c.status === 'submitted' ? undefined : { ...c, status: 'submitted', submittedAt: at, updatedAt: at }));
    await this.services.audit.record({ actorId, feature: 'audits', action: 'check-in-submit', entityType: 'checkin', entityId: doc.id, beforeEtag: draft._etag, afterEtag: doc._etag, detail: { round: round.code } });
    return doc;
  }
}
