import type { Services, Turn, VerbResult } from '../core/contract';
import { checkChildIdentifying } from '../shared/privacy/child-identifying';
import { newId } from '../../storage/ids';
import { createMatcher, CONFIDENT } from './matcher';
import { answerCard, suggestCard, topicTitle } from './cards';
import { postTicket } from './tickets';

const MAX_QUESTION = 1000;

/**
 * Answering a practitioner's question: the guard first (a question with identifying details is
 * neither stored nor forwarded), then the matcher, then the answer card or the "did you mean" card;
 * and turning an unanswered question into a ticket for the business unit.
 */
export class Answering {
  private readonly matcher;
  constructor(private readonly services: Services) {
    this.matcher = createMatcher(services.content.queries);
  }

  private get repo() {
    return this.services.repos.queries;
  }

  private now() {
    return this.services.clock.now().toISOString();
  }

  private log(turn: Turn, question: string, topic: string, confidence: number) {
    const at = this.now();
    return this.repo.logs.create({ type: 'query', id: newId(), pk: this.repo.pk, askerId: turn.member.id, agency: turn.member.agency, question, topic, confidence, createdAt: at, updatedAt: at });
  }

  /** Answers free text that is not a command. */
  async answer(turn: Turn, question: string): Promise<void> {
    const content = this.services.content.queries;
    const trimmed = question.trim().slice(0, MAX_QUESTION);
    const guard = checkChildIdentifying(trimmed);
    if (guard.flagged) {
      // Not stored, not forwarded: the question itself carried the identifying details.
      await turn.reply(`${guard.message} Please ask again without those details.`);
      return;
    }
    const m = this.matcher.match(trimmed);
    const entry = await this.log(turn, trimmed, m.topic, m.confidence);
    this.services.log.info({ event: 'query', topic: m.topic, confidence: m.confidence }, 'question answered');
    if (m.topic !== 'unknown' && m.confidence >= CONFIDENT) {
      await turn.reply({ card: answerCard(this.services.content, m.topic, entry.id), summary: topicTitle(content, m.topic) });
    } else {
      const options = [m.topic, ...m.alternatives.map((a) => a.topic)].filter((t) => t !== 'unknown').slice(0, 3);
      await turn.reply({ card: suggestCard(content, entry.id, options, m.topic === 'unknown'), summary: 'Did you mean…' });
    }
  }

  /** Sends the asker's question to the business unit as a ticket (once). */
  async openTicket(turn: Turn, queryId: string): Promise<VerbResult> {
    const repo = this.repo;
    const q = await repo.logs.get(queryId, repo.pk);
    if (!q || q.askerId !== turn.member.id) return { message: 'I cannot find that question any more. Please ask it again.' };
    if (q.ticketId) return { message: 'Your question is already with the business unit; their reply will come to you here.' };
    const at = this.now();
    const ticket = await repo.tickets.create({ type: 'ticket', id: newId(), pk: repo.pk, queryId: q.id, question: q.question, askerId: q.askerId, askerAgency: q.agency, matchedTopic: q.topic, status: 'unassigned', posts: [], createdAt: at, updatedAt: at });
    const { changed } = await repo.logs.mutate(q.id, q.pk, (x) => (x.ticketId ? undefined : { ...x, ticketId: ticket.id, feedback: x.feedback, updatedAt: at }));
    if (!changed) return { message: 'Your question is already with the business unit; their reply will come to you here.' };
    const posted = await postTicket(this.services, repo, ticket);
    await this.services.audit.record({ actorId: turn.member.id, feature: 'queries', action: 'ticket-open', entityType: 'ticket', entityId: ticket.id, afterEtag: ticket._etag, detail: { posted } });
    return { message: posted > 0 ? 'Thank you. I have sent your question to the partnership business unit; their reply will come to you here.' : 'Thank you. Your question is saved for the business unit, who will reply here.' };
  }
}
