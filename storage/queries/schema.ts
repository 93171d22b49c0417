import { z } from 'zod';

/** A question someone asked: kept so the business unit can see what people need and improve the content. */
export const QueryLogSchema = z.object({
  type: z.literal('query'),
  id: z.string(),
  pk: z.string(),
  askerId: z.string(),
  agency: z.string().optional(),
  /** Already passed the child-identifying guard; refused questions are never stored. */
  question: z.string().max(1000),
  topic: z.string(),
  confidence: z.number(),
  feedback: z.enum(['helpful', 'not_helpful']).optional(),
  ticketId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueryLog = z.infer<typeof QueryLogSchema>;

export const TicketStatusSchema = z.enum(['unassigned', 'assigned', 'answered']);

/** A question sent to the business unit ("ask an expert"), with where its card was posted. */
export const TicketSchema = z.object({
  type: z.literal('ticket'),
  id: z.string(),
  pk: z.string(),
  queryId: z.string(),
  question: z.string().max(1000),
  askerId: z.string(),
  askerAgency: z.string().optional(),
  matchedTopic: z.string(),
  status: TicketStatusSchema,
  assigneeId: z.string().optional(),
  assigneeName: z.string().optional(),
  answer: z.string().max(4000).optional(),
  answeredAt: z.string().optional(),
  /** Every posted copy of the ticket card, so each updates in place. */
  posts: z.array(z.object({ conversationDocId: z.string().optional(), memberId: z.string().optional(), activityId: z.string() })).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof TicketSchema>;
