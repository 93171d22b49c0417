import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { defineVerb, type Services, type VerbDef, type VerbResult } from '../core/contract';
import { guardedText } from '../shared/privacy/purpose';
import { frontDoorLine } from '../shared/front-door';
import { refusal } from '../core/roles';
import { ANSWER_TOPIC_IDS } from '../../content/schema/phrasings';
import { confirmCard, findGlossary, findTopic, suggestCard, taughtCard } from './cards';
import { refreshTicketPosts, ticketMessage } from './tickets';
import { LEVELS_OF_NEED_DIALOG } from './level-suggestion';
import type { Answering } from './answering';
import type { Teaching } from './teaching';

const Id = RecordId;

export function createQueryVerbs(services: Services, answering: Answering, teaching: Teaching): VerbDef[] {
  const repo = services.repos.queries;
  const now = () => services.clock.now().toISOString();
  return [
    defineVerb({
      feature: 'queries',
      verb: 'queries.feedback',
      schema: z.object({ queryId: Id, helpful: z.enum(['yes', 'no']) }),
      run: async (turn, d) => {
        const q = await repo.logs.get(d.queryId, repo.pk);
        if (!q || q.askerId !== turn.member.id) return { message: 'Only the person who asked can rate this answer.' };
        const feedback = d.helpful === 'yes' ? 'helpful' : 'not_helpful';
        await repo.logs.mutate(q.id, q.pk, (x) => (x.feedback === feedback ? undefined : { ...x, feedback, updatedAt: now() }));
        if (d.helpful === 'no') {
          // The card turns into its done state: the answer stays, the buttons go, and it says where the question went.
          const sent = await answering.openTicket(turn, q.id);
          const known = findTopic(services.content.queries, q.topic) || findGlossary(services.content.queries, q.topic);
          return known && sent.message ? { card: answering.card(q.topic, q.id, { showFeedback: false, askedNote: sent.message }) } : sent;
        }
        return { card: answering.card(q.topic, q.id, { showFeedback: false, feedbackNote: 'Thank you: glad that helped.' }) };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.topic',
      schema: z.object({ queryId: Id, topic: z.string().refine((t) => (ANSWER_TOPIC_IDS as readonly string[]).includes(t) || /^glossary:[A-Z0-9]+$/.test(t), 'is not a topic') }),
      run: async (turn, d) => {
        const q = await repo.logs.get(d.queryId, repo.pk);
        if (!q || q.askerId !== turn.member.id) return { message: 'Please ask your question again.' };
        if (d.topic.startsWith('glossary:') && !services.content.queries.glossary.some((g) => `glossary:${g.acronym}` === d.topic)) return { message: 'I do not know that term.' };
        await repo.logs.mutate(q.id, q.pk, (x) => ({ ...x, topic: d.topic, updatedAt: now() }));
        return { card: answering.card(d.topic, q.id) };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.ask',
      schema: z.object({ queryId: Id }),
      run: async (turn, d) => {
        const sent = await answering.openTicket(turn, d.queryId);
        return sent.message ? { card: suggestCard(services.content.queries, d.queryId, [], true, sent.message) } : sent;
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.confirm',
      // The asker's "it is not a child's detail" for a question the guard asked about; it is judged again.
      schema: z.object({ question: z.string().trim().min(1).max(1000) }),
      run: async (turn, d) => {
        await answering.answer(turn, d.question, { confirmed: true });
        return { card: confirmCard(frontDoorLine(services.content.partnership), 'Thank you. I have answered your question as you wrote it, below.', '') };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.decide',
      schema: z.object({ queryId: Id.optional() }),
      run: async (turn) => {
        await turn.beginDialog(LEVELS_OF_NEED_DIALOG);
        return { message: 'Answer the questions in our chat.' };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.teach',
      // The chosen topic arrives as the card input named by `input` (one choice list per question).
      schema: z.looseObject({ queryId: Id.optional(), ticketId: Id.optional(), input: z.string().regex(/^(teach-\d{1,3}|teachTopic)$/) }).refine((d) => Boolean(d.queryId) !== Boolean(d.ticketId), 'needs a question or a ticket'),
      roles: ['businessUnit'],
      run: async (turn, d) => {
        const result = await teaching.teach(turn, { queryId: d.queryId, ticketId: d.ticketId }, d[d.input]);
        if (d.ticketId) {
          const t = await repo.tickets.get(d.ticketId, repo.pk);
          if (!t) return { message: result.message };
          return result.ok ? { card: ticketMessage(services, t, { taughtNote: result.message }).card } : { card: ticketMessage(services, t, { error: result.message }).card };
        }
        if (!result.ok) return { message: result.message };
        return { card: await teaching.unansweredCard(), message: result.message };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.untaught',
      schema: z.object({ overrideId: Id }),
      roles: ['businessUnit'],
      run: async (turn, d) => {
        const message = await teaching.undo(turn, d.overrideId);
        return { card: taughtCard(services.content.queries, await teaching.taught(), message), message };
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.assign',
      schema: z.object({ ticketId: Id }),
      roles: ['businessUnit'],
      run: async (turn, d) => {
        const existing = await repo.tickets.get(d.ticketId, repo.pk);
        if (!existing) return { message: 'That ticket no longer exists.' };
        const { doc, changed } = await repo.tickets.mutate(d.ticketId, repo.pk, (t) => (t.status !== 'unassigned' ? undefined : { ...t, status: 'assigned', assigneeId: turn.member.id, assigneeName: turn.member.name, updatedAt: now() }));
        if (changed) {
          await services.audit.record({ actorId: turn.member.id, feature: 'queries', action: 'ticket-assign', entityType: 'ticket', entityId: doc.id, beforeEtag: existing._etag, afterEtag: doc._etag });
          await refreshTicketPosts(services, doc, turn.replyToId);
        }
        return { card: ticketMessage(services, doc).card, message: changed ? undefined : `Already ${doc.status}${doc.assigneeName ? ` (${doc.assigneeName})` : ''}.` } as VerbResult;
      },
    }),
    defineVerb({
      feature: 'queries',
      verb: 'queries.reply',
      schema: z.object({ ticketId: Id, answer: guardedText(4000, 'narrative') }),
      roles: ['businessUnit'],
      labels: { answer: 'Reply to the asker' },
      invalid: async (turn, raw, message, opts) => {
        const t = typeof raw.ticketId === 'string' ? await repo.tickets.get(raw.ticketId, repo.pk) : undefined;
        if (!t) return { message };
        return { card: ticketMessage(services, t, { error: message, typed: typeof raw.answer === 'string' ? raw.answer.slice(0, 4000) : '', privacyAsk: opts?.privacyAsk }).card };
      },
      run: async (turn, d) => {
        const existing = await repo.tickets.get(d.ticketId, repo.pk);
        if (!existing) return { message: 'That ticket no longer exists.' };
        if (existing.status === 'answered') return { card: ticketMessage(services, existing).card, message: 'This question has already been answered.' } as VerbResult;
        const asker = await services.members.get(existing.askerId);
        if (!asker) return { message: refusal(['businessUnit']) };
        const sent = await services.messenger.sendToMember(asker, `**The partnership business unit has answered your question**\n\n> ${existing.question}\n\n${d.answer}`);
        if (!sent.ok) return { card: ticketMessage(services, existing, { error: 'The reply could not be delivered to the asker (they may have removed the bot). Nothing was changed.', typed: d.answer }).card };
        const { doc } = await repo.tickets.mutate(existing.id, existing.pk, (t) => ({ ...t, status: 'answered', answer: d.answer, answeredAt: now(), assigneeId: t.assigneeId ?? turn.member.id, assigneeName: t.assigneeName ?? turn.member.name, updatedAt: now() }));
        await services.audit.record({ actorId: turn.member.id, feature: 'queries', action: 'ticket-reply', entityType: 'ticket', entityId: doc.id, beforeEtag: existing._etag, afterEtag: doc._etag });
        await refreshTicketPosts(services, doc, turn.replyToId);
        return { card: ticketMessage(services, doc).card };
      },
    }),
  ];
}
