import type { Store } from '../cosmos';
import { Repository } from '../repository';
import { AuditRoundSchema, CheckInSchema } from './schema';

export class AuditsRepository {
  readonly rounds: Repository<typeof AuditRoundSchema>;
  readonly checkIns: Repository<typeof CheckInSchema>;
  constructor(store: Store, readonly pk: string) {
    this.rounds = new Repository(store, 'audits', AuditRoundSchema, 'round');
    this.checkIns = new Repository(store, 'audits', CheckInSchema, 'checkin');
  }
  async roundByCode(code: string) {
    const [r] = await this.rounds.query('c.pk = @pk AND c.code = @code', [{ name: '@pk', value: this.pk }, { name: '@code', value: code.toUpperCase() }], { top: 1 });
    return r;
  }
  openRounds() {
    return this.rounds.query('c.pk = @pk AND c.status = "open"', [{ name: '@pk', value: this.pk }], { orderBy: 'c.dueDate' });
  }
  checkInsFor(roundId: string) {
    return this.checkIns.query('c.pk = @pk AND c.roundId = @r', [{ name: '@pk', value: this.pk }, { name: '@r', value: roundId }]);
  }
  /** Rounds due in [from, to] (ISO dates, inclusive), for the partnership's assurance figures. */
  roundsDueBetween(from: string, to: string) {
    return this.rounds.query('c.pk = @pk AND c.dueDate >= @from AND c.dueDate <= @to', [
      { name: '@pk', value: this.pk },
      { name: '@from', value: from },
      { name: '@to', value: to },
    ], { orderBy: 'c.dueDate' });
  }
  /** The auditor's unfinished check-in for a round, if any (there is at most one draft at a time). */
  async draftOf(roundId: string, auditorId: string) {
    const [d] = await this.checkIns.query('c.pk = @pk AND c.roundId = @r AND c.auditorId = @a AND c.status = "draft"', [
      { name: '@pk', value: this.pk },
      { name: '@r', value: roundId },
      { name: '@a', value: auditorId },
    ], { top: 1 });
    return d;
  }
}
