import { z } from 'zod';
import { defineVerb, type Feature, type Services, type Turn, type VerbResult } from '../core/contract';
import { CheckIns, cannotCheckIn, CHECK_IN_DIALOG, type CheckInOptions } from './check-ins';
import { inviteCard, quickCard, roundFormCard, summaryCard, typedFromDraft } from './cards';
import { csv, nextField, reminderDue, summarise } from './rules';
import { addWorkingDays, formatDate, inWorkingHours, londonDate } from '../shared/time/working-days';
import { deterministicId, newId } from '../../storage/ids';
import { hasAnyRole } from '../core/roles';
import type { AuditRound } from '../../storage/audits/schema';
import type { Role } from '../../content/schema/partnership';

/** Who may see summaries: the business unit (which includes the QA officer) and chairs of the QA group. */
const SUMMARY_ROLES: Role[] = ['businessUnit', 'chair'];
const Id = z.string().min(1).max(100);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function createAuditsFeature(services: Services): Feature {
  const checkIns = new CheckIns(services);
  const repo = checkIns.repo;
  const content = services.content.audits;
  const agencyName = (id: string) => services.content.partnership.agencies.find((a) => a.id === id)?.shortName ?? id;

  async function findRound(codeOrId: string | undefined, turn: Turn): Promise<AuditRound | undefined> {
    if (codeOrId) return (await repo.roundByCode(codeOrId)) ?? (await repo.rounds.get(codeOrId, repo.pk));
    // Without a code: the one open round this member audits, if there is exactly one.
    const mine = (await repo.openRounds()).filter((r) => r.auditorIds.includes(turn.member.id));
    return mine.length === 1 ? mine[0] : undefined;
  }

  async function progressOf(r: AuditRound, memberId: string) {
    const mine = (await repo.checkInsFor(r.id)).filter((c) => c.auditorId === memberId);
    const done = mine.filter((c) => c.status === 'submitted').length;
    const draft = mine.find((c) => c.status === 'draft');
    return draft ? `${done} submitted; one in progress (${draft.reference ?? 'reference not given yet'})` : done ? `${done} submitted` : 'Not started';
  }

  async function startCheckIn(turn: Turn, r: AuditRound | undefined) {
    const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
    if (problem) {
      await turn.reply(problem);
      return;
    }
    const options: CheckInOptions = { roundId: r!.id, memberId: turn.member.id, agency: turn.member.agency };
    await turn.beginDialog(CHECK_IN_DIALOG, options);
  }

  async function summaryFor(r: AuditRound) {
    const t = checkIns.template(r);
    const all = await repo.checkInsFor(r.id);
    const s = summarise(t, all, r.auditorIds.length);
    const auditorsDone = new Set(all.filter((c) => c.status === 'submitted').map((c) => c.auditorId)).size;
    return { t, s, card: summaryCard(r, t, s, agencyName, auditorsDone) };
  }

  async function resolveAuditors(names: string): Promise<{ ids: string[]; problems: string[] }> {
    const ids: string[] = [];
    const problems: string[] = [];
    for (const name of names.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
      const direct = await services.members.get(name);
      const found = direct ? [direct] : await services.members.findByName(name);
      if (found.length === 1) ids.push(found[0].id);
      else problems.push(found.length ? `"${name}" matches more than one person` : `nobody called "${name}" has used the bot yet`);
    }
    return { ids: [...new Set(ids)], problems };
  }

  const RoundForm = z.object({
    templateId: z.string().refine((id) => content.templates.some((t) => t.id === id), 'choose a template'),
    theme: z.string().trim().min(2, 'give the round a theme').max(200),
    dueDate: z.string().regex(ISO_DATE, 'choose a due date').refine((d) => d >= londonDate(services.clock.now()), 'cannot be in the past'),
    auditors: z.string().trim().min(2, 'name at least one auditor').max(1000),
    agencies: z.string().max(2000).optional(),
  });

  const QuickForm = z.record(z.string(), z.unknown());

  const feature: Feature = {
    name: 'audits',
    commands: [
      {
        feature: 'audits',
        name: 'audit rounds',
        description: 'Open audit rounds: start a check-in or see a summary.',
        patterns: [/^(audit rounds?|audits|my audits)$/i],
        run: async (turn) => {
          const canSummarise = hasAnyRole(turn.member.roles, SUMMARY_ROLES);
          const rounds = (await repo.openRounds()).filter((r) => canSummarise || r.auditorIds.includes(turn.member.id));
          const rows = await Promise.all(
            rounds.slice(0, 15).map(async (r) => ({
              code: r.code,
              templateName: checkIns.template(r).name,
              theme: r.theme,
              due: formatDate(r.dueDate),
              progress: r.auditorIds.includes(turn.member.id) ? `You: ${await progressOf(r, turn.member.id)}.` : '',
              roundId: r.id,
              isAuditor: r.auditorIds.includes(turn.member.id),
              canSummarise,
            })),
          );
          const { expandCard } = await import('../../cards/expand');
          await turn.reply({ card: expandCard('audits', 'rounds', { rounds: rows }) });
        },
      },
      {
        feature: 'audits',
        name: 'new audit round',
        description: 'Set up an audit round from a template and send it to the auditors.',
        roles: ['businessUnit'],
        patterns: [/^new audit( round)?$/i],
        run: async (turn) => {
          await turn.reply({ card: roundFormCard(content.templates, services.content.partnership.agencies.map((a) => ({ id: a.id, name: a.name }))) });
        },
      },
      {
        feature: 'audits',
        name: 'start check-in',
        usage: 'start check-in [round]',
        description: 'Answer an audit check-in one question at a time (you can stop and carry on later).',
        patterns: [/^(start|continue|resume) (audit )?check-?in(?: (?<code>[A-Za-z0-9-]+))?$/i],
        run: async (turn, args) => startCheckIn(turn, await findRound(args.code, turn)),
      },
      {
        feature: 'audits',
        name: 'quick check-in',
        usage: 'quick check-in [round]',
        description: 'Answer an audit check-in on one form.',
        patterns: [/^quick check-?in(?: (?<code>[A-Za-z0-9-]+))?$/i],
        run: async (turn, args) => {
          const r = await findRound(args.code, turn);
          const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
          if (problem) return void (await turn.reply(problem));
          await turn.reply({ card: quickCard(r!, checkIns.template(r!), typedFromDraft(await repo.draftOf(r!.id, turn.member.id))) });
        },
      },
      {
        feature: 'audits',
        name: 'audit summary',
        usage: 'audit summary <round>',
        description: 'Counts, grades, themes and agencies for an audit round.',
        roles: SUMMARY_ROLES,
        patterns: [/^audit summary (?<code>[A-Za-z0-9-]+)$/i],
        run: async (turn, args) => {
          const r = await findRound(args.code, turn);
          if (!r) return void (await turn.reply(`I cannot find the audit round "${args.code}".`));
          await turn.reply({ card: (await summaryFor(r)).card });
        },
      },
      {
        feature: 'audits',
        name: 'audit csv',
        usage: 'audit csv <round>',
        description: 'The audit summary as CSV.',
        roles: SUMMARY_ROLES,
        patterns: [/^audit csv (?<code>[A-Za-z0-9-]+)$/i],
        run: async (turn, args) => {
          const r = await findRound(args.code, turn);
          if (!r) return void (await turn.reply(`I cannot find the audit round "${args.code}".`));
          const { t, s } = await summaryFor(r);
          await turn.reply(`**${r.code}** summary (CSV, figures only):\n\n\`\`\`csv\n${csv(t, s)}\`\`\``);
        },
      },
    ],
    verbs: [
      defineVerb({
        feature: 'audits',
        verb: 'audits.round.create',
        schema: RoundForm,
        roles: ['businessUnit'],
        invalid: async (_turn, raw, message) => ({
          card: roundFormCard(content.templates, services.content.partnership.agencies.map((a) => ({ id: a.id, name: a.name })), Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v ?? '')])), message),
        }),
        run: async (turn, d) => {
          const typed = { ...d, agencies: d.agencies ?? '' };
          const form = (error: string) => ({ card: roundFormCard(content.templates, services.content.partnership.agencies.map((a) => ({ id: a.id, name: a.name })), typed, error) });
          const { ids, problems } = await resolveAuditors(d.auditors);
          if (problems.length || ids.length === 0) return form(`Please check the auditors: ${problems.join('; ') || 'name at least one'}.`);
          const agencies = (d.agencies ?? '').split(',').map((s) => s.trim()).filter(Boolean);
          if (agencies.some((a) => !services.content.partnership.agencies.some((x) => x.id === a))) return form('Choose agencies from the list.');
          const t = content.templates.find((x) => x.id === d.templateId)!;
          const at = services.clock.now().toISOString();
          const seq = (await repo.rounds.count('c.pk = @pk AND c.templateId = @t', [{ name: '@pk', value: repo.pk }, { name: '@t', value: t.id }])) + 1;
          const code = `${t.codePrefix}-${londonDate(services.clock.now()).slice(2, 4)}${String(seq).padStart(2, '0')}`;
          const round = await repo.rounds.create({ type: 'round', id: newId(), pk: repo.pk, code, templateId: t.id, theme: d.theme, dueDate: d.dueDate, agencies, auditorIds: ids, status: 'open', createdBy: turn.member.id, createdAt: at, updatedAt: at });
          await services.audit.record({ actorId: turn.member.id, feature: 'audits', action: 'round-create', entityType: 'round', entityId: round.id, afterEtag: round._etag, detail: { code, auditors: ids.length } });
          let sent = 0;
          for (const id of ids) {
            const m = await services.members.get(id);
            if (m && (await services.messenger.sendToMember(m, { card: inviteCard(round, t, 'Not started'), summary: `Audit check-in ${code}` })).ok) sent++;
          }
          return { message: `Audit round ${code} created and sent to ${sent} of ${ids.length} auditors.` };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.start',
        schema: z.object({ roundId: Id }),
        run: async (turn, d) => {
          const r = await repo.rounds.get(d.roundId, repo.pk);
          const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
          if (problem) return { message: problem };
          await startCheckIn(turn, r);
          return { message: 'Your check-in has started in our chat.' };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.quick.open',
        schema: z.object({ roundId: Id }),
        run: async (turn, d) => {
          const r = await repo.rounds.get(d.roundId, repo.pk);
          const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
          if (problem) return { message: problem };
          return { card: quickCard(r!, checkIns.template(r!), typedFromDraft(await repo.draftOf(r!.id, turn.member.id))) };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.quick.submit',
        schema: QuickForm,
        run: async (turn, raw) => {
          const typed = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 2000) : ''])) as Record<string, string>;
          const r = typeof raw.roundId === 'string' ? await repo.rounds.get(raw.roundId, repo.pk) : undefined;
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
            if (!v.ok) return { card: quickCard(r!, t, typed, `${label}: ${v.message}`) };
            values.push(v.value);
          }
          let draft = await checkIns.draft(r!, turn.member.id, turn.member.agency);
          for (const [i, f] of fields.entries()) draft = await checkIns.saveAnswer(draft, f, values[i]);
          if (nextField(t, draft).kind !== 'done') return { card: quickCard(r!, t, typed, 'Please answer every question.') };
          const done = await checkIns.submit(r!, draft, turn.member.id);
          return { card: inviteCard(r!, t, await progressOf(r!, turn.member.id)), message: `Thank you: your check-in for ${done.reference} is submitted.` };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.summary',
        schema: z.object({ roundId: Id }),
        roles: SUMMARY_ROLES,
        run: async (_turn, d) => {
          const r = await repo.rounds.get(d.roundId, repo.pk);
          return r ? { card: (await summaryFor(r)).card } : { message: 'That audit round no longer exists.' };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.csv',
        schema: z.object({ roundId: Id }),
        roles: SUMMARY_ROLES,
        run: async (turn, d) => {
          const r = await repo.rounds.get(d.roundId, repo.pk);
          if (!r) return { message: 'That audit round no longer exists.' };
          const { t, s } = await summaryFor(r);
          await services.messenger.sendToMember(turn.member, `**${r.code}** summary (CSV, figures only):\n\n\`\`\`csv\n${csv(t, s)}\`\`\``);
          return { message: 'The CSV is in your chat with me.' };
        },
      }),
      defineVerb({
        feature: 'audits',
        verb: 'audits.action.create',
        schema: z.object({ roundId: Id, checkInId: Id }),
        roles: ['businessUnit'],
        run: async (turn, d): Promise<VerbResult> => {
          const r = await repo.rounds.get(d.roundId, repo.pk);
          const c = await repo.checkIns.get(d.checkInId, repo.pk);
          if (!r || !c || c.roundId !== r.id || c.status !== 'submitted' || !c.proposedActions) return { message: 'That proposed action is no longer available.' };
          if (c.learningActionIds.length) return { card: (await summaryFor(r)).card, message: 'That action is already in the tracker.' };
          const t = checkIns.template(r);
          const created = await services.actions.createAction(
            {
              title: c.proposedActions.slice(0, 200),
              description: `Proposed in audit round ${r.code} (${t.name}: ${r.theme}).`,
              source: t.source,
              sourceRef: r.id,
              ownerId: c.auditorId,
              ownerAgency: c.agency,
              group: 'maqag',
              dueDate: addWorkingDays(londonDate(services.clock.now()), content.learningActionWorkingDays),
            },
            turn.member.id,
          );
          await repo.checkIns.mutate(c.id, c.pk, (x) => (x.learningActionIds.length ? undefined : { ...x, learningActionIds: [created.id], updatedAt: services.clock.now().toISOString() }));
          await services.audit.record({ actorId: turn.member.id, feature: 'audits', action: 'learning-action', entityType: 'checkin', entityId: c.id, detail: { action: created.reference } });
          return { card: (await summaryFor(r)).card, message: `Added to the tracker as ${created.reference}.` };
        },
      }),
    ],
    sweeps: [
      {
        feature: 'audits',
        name: 'reminders',
        everySeconds: 900,
        run: async (s, now) => {
          if (!inWorkingHours(now, { start: s.config.WORKING_HOURS_START, end: s.config.WORKING_HOURS_END })) return { sent: 0 };
          const today = londonDate(now);
          let sent = 0;
          for (const r of await repo.openRounds()) {
            const due = reminderDue(r.dueDate, today, content.reminderEveryWorkingDays);
            if (!due) continue;
            const submitted = new Set((await repo.checkInsFor(r.id)).filter((c) => c.status === 'submitted').map((c) => c.auditorId));
            for (const auditorId of r.auditorIds.filter((a) => !submitted.has(a))) {
              const claim = await s.notifications.claim({ id: deterministicId('audit-reminder', r.id, auditorId, due), feature: 'audits', kind: 'reminder', subjectId: r.id, recipientId: auditorId });
              if (!claim) continue;
              const m = await s.members.get(auditorId);
              const result = m ? await s.messenger.sendToMember(m, { text: `Reminder: your check-in for audit round **${r.code}** was due on ${formatDate(r.dueDate)}.`, card: inviteCard(r, checkIns.template(r), await progressOf(r, auditorId)) }) : undefined;
              await s.notifications.settle(claim.id, { status: result?.ok ? 'sent' : result && result.kind === 'unreachable' ? 'unreachable' : 'failed', activityId: result?.ok ? result.activityId : undefined });
              if (result?.ok) sent++;
            }
          }
          return { sent };
        },
      },
    ],
  };
  return feature;
}
