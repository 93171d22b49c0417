import type { Store } from '../cosmos';
import { Repository } from '../repository';
import { QueryLogSchema, TicketSchema } from './schema';

export class QueriesRepository {
  readonly logs: Repository<typeof QueryLogSchema>;
  readonly tickets: Repository<typeof TicketSchema>;
  constructor(store: Store, private readonly partnershipId: string) {
    this.logs = new Repository(store, 'queries', QueryLogSchema, 'query');
    this.tickets = new Repository(store, 'queries', TicketSchema, 'ticket');
  }
  get pk() {
    return this.partnershipId;
  }
  /** Questions the bot could not answer or that people found unhelpful, newest first. */
  unanswered(limit = 200) {
    return this.logs.query('c.pk = @pk AND (c.topic = "unknown" OR c.feedback = "not_helpful")', [{ name: '@pk', value: this.partnershipId }], { orderBy: 'c.createdAt DESC', top: limit });
  }
  openTickets(limit = 50) {
    return this.tickets.query('c.pk = @pk AND c.status != "answered"', [{ name: '@pk', value: this.partnershipId }], { orderBy: 'c.createdAt DESC', top: limit });
  }
}
