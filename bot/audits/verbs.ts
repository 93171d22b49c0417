import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { defineVerb, type Role, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { AuditRound } from '../../storage/audits/schema';
import { newId } from '../../storage/ids';
import { addWorkingDays, londonDate } from '../shared/time/working-days';
import { resolvePeople } from '../members/resolve-person';
import { cannotCheckIn, ROUND_NOT_FOUND } from './check-ins';
import { inviteCard, quickCard, typedFromDraft } from './cards';
import { nextField } from './rules';
import { ROUND_FIELD_LABELS, roundForm, roundFormSchema } from './round-form';
import { SUMMARY_ROLES, type AuditRounds } from './rounds';

const Id = RecordId;
const RoundRef = z.object({ roundId: Id });
export const ROUND_GONE = 'That audit round no longer exists.';

export function createAuditVerbs(rounds: AuditRounds): VerbDef[] {
  const { services, repo, checkIns } = rounds;
  /** A button that names one round: the round is loaded first, and a missing one gets one plain answer. */
  const roundVerb = (verb: string, roles: Role[] | undefined, step: (turn: Turn, r: AuditRound) => Promise<VerbResult>, missing = ROUND_GONE): VerbDef =>
    defineVerb({
      feature: 'audits',
      verb,
      roles,
      schema: RoundRef,
      run: async (turn, d) => {
        const r = await rounds.get(d.roundId);
        return r ? step(turn, r) : { message: missing };
      },
    });

  return [
    defineVerb({
      feature: 'audits',
      verb: 'audits.round.create',
      schema: roundFormSchema(services),
      roles: ['businessUnit'],
      labels: ROUND_FIELD_LABELS,
      invalid: async (_turn, raw, message) => ({ card: roundForm(services, raw, message) }),
      run: async (turn, d) => {
        const form = (error: string) => ({ card: roundForm(services, { ...d, agencies: d.agencies ?? '' }, error) });
        const found = await resolvePeople(services, d.auditors);
        const ids = found.members.map((m) => m.id);
        if (found.problems.length || ids.length === 0) return form(`Please check the auditors: ${found.problems.join('; ') || 'name at least one'}.`);
        const agencies = (d.agencies ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        if (agencies.some((a) => !services.content.partnership.agencies.some((x) => x.id === a))) return form('Choose agencies from the list.');
        const t = services.content.audits.templates.find((x) => x.id === d.templateId)!;
        const at = services.clock.now().toISOString();
        const seq = (await repo.rounds.count('c.pk = @pk AND c.templateId = @t', [{ name: '@pk', value: repo.pk }, { name: '@t', value: t.id }])) + 1;
        const code = `${t.codePrefix}-${londonDate(services.clock.now()).slice(2, 4)}${String(seq).padStart(2, '0')}`;
        const round = await repo.rounds.create({ type: 'round', id: newId(), pk: repo.pk, code, templateId: t.id, theme: d.theme, dueDate: d.dueDate, agencies, auditorIds: ids, status: 'open', createdBy: turn.member.id, createdAt: at, updatedAt: at });
        await services.audit.record({ actorId: turn.member.id, feature: 'audits', action: 'round-create', entityType: 'round', entityId: round.id, afterEtag: round._etag, detail: { code, auditors: ids.length } });
        let sent = 0;
        for (const m of found.members) {
          if ((await services.messenger.sendToMember(m, { card: inviteCard(round, t, 'Not started'), summary: `Audit check-in ${code}` })).ok) sent++;
        }
        return { message: `Audit round ${code} created and sent to ${sent} of ${ids.length} auditors.` };
      },
    }),

    roundVerb('audits.start', undefined, async (turn, r) => {
      const problem = await rounds.startCheckIn(turn, r);
      return { message: problem ?? 'Your check-in has started in our chat.' };
    }, ROUND_NOT_FOUND),

    roundVerb('audits.quick.open', undefined, async (turn, r) => {
      const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
      if (problem) return { message: problem };
      return { card: quickCard(r, checkIns.template(r), typedFromDraft(await repo.draftOf(r.id, turn.member.id))) };
    }, ROUND_NOT_FOUND),

    defineVerb({
      feature: 'audits',
      verb: 'audits.quick.submit',
      schema: z.record(z.string(), z.unknown()),
      run: async (turn, raw) => {
        const typed = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 2000) : ''])) as Record<string, string>;
        const r = typeof raw.roundId === 'string' ? await rounds.get(raw.roundId) : undefined;
        const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
        if (problem) return { message: problem };
        const t = checkIns.template(r!);
        // Validate every field first: a refused answer stores nothing, and the form comes back as typed.
        const fields = [
          { kind: 'reference' as const, text: typed.reference ?? '' },
          ...t.questions.map((q, index) => ({ kind: 'question' as const, id: q.id, index, text: typed[`q_${q.id}`] ?? '' })),
          { kind: 'grade' as const, text: typed.grade ?? '' },
          { kind: 'strengths' as const, text: typed.strengths ?? '' },
          { kind: 'improvements' as const, text: typed.improvements ?? '' },
          { kind: 'proposedActions' as const, text: typed.proposedActions ?? '' },
        ];
        const values: string[] = [];
        for (const f of fields) {
          const label = f.kind === 'question' ? `Question ${f.index + 1}` : f.kind === 'proposedActions' ? 'Proposed learning actions' : f.kind[0].toUpperCase() + f.kind.slice(1);
          const v = checkIns.validate(t, f, f.text);
          if (!v.ok) return { card: quickCard(r!, t, typed, `${label}: ${v.message}${v.ask ? ' To keep it, tick "I have checked" and press the button again.' : ''}`, v.ask) };
          values.push(v.value);
        }
        let draft = await checkIns.draft(r!, turn.member.id, turn.member.agency);
        for (const [i, f] of fields.entries()) draft = await checkIns.saveAnswer(draft, f, values[i]);
        if (nextField(t, draft).kind !== 'done') return { card: quickCard(r!, t, typed, 'Please answer every question.') };
        const done = await checkIns.submit(r!, draft, turn.member.id);
        return { card: inviteCard(r!, t, await rounds.progressOf(r!, turn.member.id)), message: `Thank you: your check-in for ${done.reference} is submitted.` };
      },
    }),

    roundVerb('audits.summary', SUMMARY_ROLES, async (_turn, r) => ({ card: (await rounds.summary(r)).card })),

    roundVerb('audits.csv', SUMMARY_ROLES, async (turn, r) => {
      await services.messenger.sendToMember(turn.member, await rounds.summaryCsv(r));
      return { message: 'The CSV is in your chat with me.' };
    }),

    defineVerb({
      feature: 'audits',
      verb: 'audits.action.create',
      schema: z.object({ roundId: Id, checkInId: Id }),
      roles: ['businessUnit'],
      run: async (turn, d): Promise<VerbResult> => {
        const r = await rounds.get(d.roundId);
        const c = await repo.checkIns.get(d.checkInId, repo.pk);
        if (!r || !c || c.roundId !== r.id || c.status !== 'submitted' || !c.proposedActions) return { message: 'That proposed action is no longer available.' };
        if (c.learningActionIds.length) return { card: (await rounds.summary(r)).card, message: 'That action is already in the tracker.' };
        const t = checkIns.template(r);
        const created = await services.actions.createAction(
          {
            title: c.proposedActions.slice(0, 200),
            description: `Proposed in audit round ${r.code} (${t.name}: ${r.theme}).`,
            source: t.actionSource,
            // The round's code, which people know it by; its id is a hash nobody can read.
            sourceRef: r.code,
            ownerId: c.auditorId,
            ownerAgency: c.agency,
            group: 'maqag',
            dueDate: addWorkingDays(londonDate(services.clock.now()), services.content.audits.learningActionWorkingDays),
          },
          turn.member.id,
        );
        await repo.checkIns.mutate(c.id, c.pk, (x) => (x.learningActionIds.length ? undefined : { ...x, learningActionIds: [created.id], updatedAt: services.clock.now().toISOString() }));
        await services.audit.record({ actorId: turn.member.id, feature: 'audits', action: 'learning-action', entityType: 'checkin', entityId: c.id, detail: { action: created.reference } });
        return { card: (await rounds.summary(r)).card, message: `Added to the tracker as ${created.reference}.` };
      },
    }),
  ];
}
