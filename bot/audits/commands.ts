import type { CommandDef, Turn } from '../core/contract';
import { expandCard } from '../../cards/expand';
import { formatDate } from '../shared/time/working-days';
import { usage } from '../shared/format';
import { hasAnyRole } from '../core/roles';
import { cannotCheckIn } from './check-ins';
import { quickCard, typedFromDraft } from './cards';
import { roundForm } from './round-form';
import { SUMMARY_ROLES, type AuditRounds } from './rounds';

export function createAuditCommands(rounds: AuditRounds): CommandDef[] {
  const { services, repo, checkIns } = rounds;
  const notFound = (code: string) => `I cannot find the audit round "${code}".`;
  /** `audit summary <round>` and `audit csv <round>`: the same round look-up, two renderings. */
  const summaryCommand = (name: 'audit summary' | 'audit csv', description: string, reply: (turn: Turn, r: NonNullable<Awaited<ReturnType<AuditRounds['find']>>>) => Promise<void>): CommandDef => ({
    feature: 'audits',
    name,
    usage: usage(`${name} {round}`),
    description,
    roles: SUMMARY_ROLES,
    patterns: [new RegExp(`^${name} (?<code>[A-Za-z0-9-]+)$`, 'i')],
    run: async (turn, args) => {
      const r = await rounds.find(args.code, turn);
      if (!r) return void (await turn.reply(notFound(args.code)));
      await reply(turn, r);
    },
  });

  return [
    {
      feature: 'audits',
      name: 'audit rounds',
      description: 'Open audit rounds: start a check-in or see a summary.',
      patterns: [/^(audit rounds?|audits|my audits)$/i],
      run: async (turn) => {
        const canSummarise = hasAnyRole(turn.member.roles, SUMMARY_ROLES);
        const open = (await repo.openRounds()).filter((r) => canSummarise || r.auditorIds.includes(turn.member.id));
        const rows = await Promise.all(
          open.slice(0, 15).map(async (r) => ({
            code: r.code,
            templateName: checkIns.template(r).name,
            theme: r.theme,
            due: formatDate(r.dueDate),
            progress: r.auditorIds.includes(turn.member.id) ? `You: ${await rounds.progressOf(r, turn.member.id)}.` : '',
            roundId: r.id,
            isAuditor: r.auditorIds.includes(turn.member.id),
            canSummarise,
          })),
        );
        await turn.reply({ card: expandCard('audits', 'rounds', { rounds: rows }) });
      },
    },
    {
      feature: 'audits',
      name: 'new audit round',
      description: 'Set up an audit round from a template and send it to the auditors.',
      roles: ['businessUnit'],
      patterns: [/^new audit( round)?$/i],
      run: async (turn) => void (await turn.reply({ card: roundForm(services) })),
    },
    {
      feature: 'audits',
      name: 'start check-in',
      usage: usage('start check-in {round}'),
      description: 'Answer an audit check-in one question at a time (you can stop and carry on later). The round is optional when you have one.',
      patterns: [/^(start|continue|resume) (audit )?check-?in(?: (?<code>[A-Za-z0-9-]+))?$/i],
      run: async (turn, args) => {
        const problem = await rounds.startCheckIn(turn, await rounds.find(args.code, turn));
        if (problem) await turn.reply(problem);
      },
    },
    {
      feature: 'audits',
      name: 'quick check-in',
      usage: usage('quick check-in {round}'),
      description: 'Answer an audit check-in on one form. The round is optional when you have one.',
      patterns: [/^quick check-?in(?: (?<code>[A-Za-z0-9-]+))?$/i],
      run: async (turn, args) => {
        const r = await rounds.find(args.code, turn);
        const problem = cannotCheckIn(r, turn.member.id, checkIns.today());
        if (problem) return void (await turn.reply(problem));
        await turn.reply({ card: quickCard(r!, checkIns.template(r!), typedFromDraft(await repo.draftOf(r!.id, turn.member.id))) });
      },
    },
    summaryCommand('audit summary', 'Counts, grades, themes and agencies for an audit round.', async (turn, r) => void (await turn.reply({ card: (await rounds.summary(r)).card }))),
    summaryCommand('audit csv', 'The audit summary as CSV.', async (turn, r) => void (await turn.reply(await rounds.summaryCsv(r)))),
  ];
}
