import type { Role, Services, Turn } from '../core/contract';
import type { AuditRound } from '../../storage/audits/schema';
import { CheckIns, cannotCheckIn, CHECK_IN_DIALOG, type CheckInOptions } from './check-ins';
import { summaryCard } from './cards';
import { csv, summarise } from './rules';

/** Who may see summaries: the business unit (which includes the QA officer) and chairs of the QA group. */
export const SUMMARY_ROLES: Role[] = ['businessUnit', 'chair'];

/** Audit rounds as the commands, verbs and sweep use them: finding one, progress, summaries. */
export class AuditRounds {
  readonly checkIns: CheckIns;
  constructor(readonly services: Services) {
    this.checkIns = new CheckIns(services);
  }

  get repo() {
    return this.services.repos.audits;
  }

  agencyName = (id: string) => this.services.content.partnership.agencies.find((a) => a.id === id)?.shortName ?? id;

  /** By code or id; without either, the one open round this member audits, if there is exactly one. */
  async find(codeOrId: string | undefined, turn: Turn): Promise<AuditRound | undefined> {
    if (codeOrId) return (await this.repo.roundByCode(codeOrId)) ?? (await this.repo.rounds.get(codeOrId, this.repo.pk));
    const mine = (await this.repo.openRounds()).filter((r) => r.auditorIds.includes(turn.member.id));
    return mine.length === 1 ? mine[0] : undefined;
  }

  get(roundId: string) {
    return this.repo.rounds.get(roundId, this.repo.pk);
  }

  async progressOf(r: AuditRound, memberId: string) {
    const mine = (await this.repo.checkInsFor(r.id)).filter((c) => c.auditorId === memberId);
    const done = mine.filter((c) => c.status === 'submitted').length;
    const draft = mine.find((c) => c.status === 'draft');
    return draft ? `${done} submitted; one in progress (${draft.reference ?? 'reference not given yet'})` : done ? `${done} submitted` : 'Not started';
  }

  /** Starts the check-in dialog, or says why this member cannot check in to this round. */
  async startCheckIn(turn: Turn, r: AuditRound | undefined): Promise<string | undefined> {
    const problem = cannotCheckIn(r, turn.member.id, this.checkIns.today());
    if (problem) return problem;
    const options: CheckInOptions = { roundId: r!.id, memberId: turn.member.id, agency: turn.member.agency };
    await turn.beginDialog(CHECK_IN_DIALOG, options);
    return undefined;
  }

  async summary(r: AuditRound) {
    const t = this.checkIns.template(r);
    const all = await this.repo.checkInsFor(r.id);
    const s = summarise(t, all, r.auditorIds.length);
    const auditorsDone = new Set(all.filter((c) => c.status === 'submitted').map((c) => c.auditorId)).size;
    return { t, s, card: summaryCard(r, t, s, this.agencyName, auditorsDone) };
  }

  /** The summary figures as CSV in a code block, for a spreadsheet. */
  async summaryCsv(r: AuditRound): Promise<string> {
    const { t, s } = await this.summary(r);
    return `**${r.code}** summary (CSV, figures only):\n\n\`\`\`csv\n${csv(t, s)}\`\`\``;
  }
}
