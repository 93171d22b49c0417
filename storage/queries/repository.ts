import type { z } from 'zod';
import type { Store } from '../cosmos';
import { Repository } from '../repository';
import { translate } from '../errors';
import { QueryLogSchema, TicketSchema } from './schema';

/** What the partnership's figures read about a question: never the question's words. */
export const QueryFigureRowSchema = QueryLogSchema.pick({ id: true, topic: true, feedback: true, agency: true, createdAt: true });
export type QueryFigureRow = z.infer<typeof QueryFigureRowSchema>;
export const TicketFigureRowSchema = TicketSchema.pick({ id: true, status: true, createdAt: true, answeredAt: true });
export type TicketFigureRow = z.infer<typeof TicketFigureRowSchema>;

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
  /** Questions asked in [from, to) (ISO instants), projected for the figures. */
  async figureLogs(from: string, to: string): Promise<QueryFigureRow[]> {
    return this.project('SELECT c.id, c.topic, c.feedback, c.agency, c.createdAt FROM c WHERE c.pk = @pk AND c.type = "query" AND c.createdAt >= @from AND c.createdAt < @to', from, to, QueryFigureRowSchema);
  }
  /** Tickets opened before `to` that were opened or answered on or after `from`. */
  async figureTickets(from: string, to: string): Promise<TicketFigureRow[]> {
    return this.project('SELECT c.id, c.status, c.createdAt, c.answeredAt FROM c WHERE c.pk = @pk AND c.type = "ticket" AND c.createdAt < @to AND (c.createdAt >= @from OR (IS_DEFINED(c.answeredAt) AND c.answeredAt >= @from))', from, to, TicketFigureRowSchema);
  }
  private async project<S extends z.ZodType>(query: string, from: string, to: string, schema: S): Promise<z.infer<S>[]> {
    let rows: unknown[];
    try {
      rows = (await this.logs.container.items.query({ query, parameters: [{ name: '@pk', value: this.partnershipId }, { name: '@from', value: from }, { name: '@to', value: to }] }).fetchAll()).resources;
    } catch (e) {
      throw translate(e);
    }
    return rows.map((r) => schema.parse(r));
  }
  openTickets(limit = 50) {
    return this.tickets.query('c.pk = @pk AND c.status != "answered"', [{ name: '@pk', value: this.partnershipId }], { orderBy: 'c.createdAt DESC', top: limit });
  }
}
