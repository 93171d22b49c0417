import type { Services, Turn, VerbResult } from '../core/contract';
import { chatRefusal, judgeText } from '../shared/privacy/purpose';
import { frontDoorLine, worriedLine } from '../shared/front-door';
import { newId } from '../../storage/ids';
import { loadPhrasingBank } from '../../content/phrasing-bank';
import { OFF_TOPIC } from '../../content/schema/phrasings';
import { MatcherSource } from './matcher-source';
import { answerCard, confirmCard, riskCard, suggestCard, topicTitle } from './cards';
import { postTicket } from './tickets';
import { decideReply } from './safety';
import { partnershipTopic } from './partnership-topic';
import type { Matcher } from './matcher';

const MAX_QUESTION = 1000;

/** The short reply to requests that are not the partnership's business: no red banner, no topic. */
export const OFF_TOPIC_REPLY =
  "That isn't something I can help with: I answer questions about keeping children safe and about the partnership's work. For IT, HR or building questions, please ask your own organisation. Type **help** to see what I can do.";

/**
 * Answering a practitioner's question: the guard first (a question with identifying details is
 * neither stored nor forwarded), then the matcher, then the safety rules decide the reply: the answer
 * card, the risk card (harm described, not sure), the off-topic line, or "did you mean"; and turning
 * an unanswered question into a ticket for the business unit.
 */
export class Answering {
  readonly matchers: MatcherSource;
  constructor(private readonly services: Services) {
    this.matchers = new MatcherSource(services, () => loadPhrasingBank());
  }

  private get repo() {
    return this.services.repos.queries;
  }

  private now() {
    return this.services.clock.now().toISOString();
  }

  /** The partnership topic, generated from the pack each time (so it never drifts from it). */
  generated() {
    return [partnershipTopic(this.services.content)];
  }

  /** The answer card for a topic, with generated topics resolved. */
  card(topic: string, queryId: string, opts: { feedbackNote?: string; showFeedback?: boolean; askedNote?: string } = {}) {
    return answerCard(this.services.content, topic, queryId, { ...opts, generated: this.generated() });
  }

  matcher(): Promise<Matcher> {
    return this.matchers.current();
  }

  private riskTopics(): ReadonlySet<string> {
    return new Set(this.services.content.queries.topics.filter((t) => t.risk).map((t) => t.id));
  }

  /** Answers free text that is not a command; `confirmed` is the asker's "it is not a child's detail". */
  async answer(turn: Turn, question: string, opts: { confirmed?: boolean } = {}): Promise<void> {
    const content = this.services.content.queries;
    const trimmed = question.trim().slice(0, MAX_QUESTION);
    const verdict = judgeText(trimmed, 'narrative', { confirmed: opts.confirmed });
    const frontDoor = frontDoorLine(this.services.content.partnership);
    if (verdict.outcome === 'refuse') {
      // Not stored, not forwarded: the question itself carried the identifying details. The front
      // door line comes with it, because someone typing a child's details may be worried right now.
      await turn.reply({ card: confirmCard(frontDoor, chatRefusal(verdict.kinds), ''), summary: 'Please ask again without those details' });
      return;
    }
    if (verdict.outcome === 'ask') {
      await turn.reply({ card: confirmCard(frontDoor, verdict.message, trimmed), summary: 'Before I answer' });
      return;
    }
    const m = (await this.matcher()).match(trimmed);
    const decision = decideReply(trimmed, m, this.riskTopics());
    const at = this.now();
    const topic = decision.kind === 'off-topic' ? OFF_TOPIC : m.topic;
    const entry = await this.repo.logs.create({ type: 'query', id: newId(), pk: this.repo.pk, askerId: turn.member.id, agency: turn.member.agency, question: trimmed, topic, confidence: m.confidence, createdAt: at, updatedAt: at });
    this.services.log.info({ event: 'query', topic, confidence: m.confidence, reply: decision.kind }, 'question answered');
    switch (decision.kind) {
      case 'answer':
        await turn.reply({ card: this.card(m.topic, entry.id), summary: topicTitle(content, m.topic) });
        return;
      case 'risk':
        await turn.reply({ card: riskCard(content, worriedLine(this.services.content.partnership), entry.id, decision.options), summary: 'If a child is in immediate danger, call 999' });
        return;
      case 'off-topic':
        await turn.reply(OFF_TOPIC_REPLY);
        return;
      default:
        await turn.reply({ card: suggestCard(content, entry.id, decision.options, decision.kind === 'unknown'), summary: 'Did you mean…' });
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
