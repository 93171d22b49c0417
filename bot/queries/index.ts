import { z } from 'zod';
import { defineVerb, type Feature, type Services, type Turn, type VerbResult } from '../core/contract';
import { createMatcher, CONFIDENT } from './matcher';
import { answerCard, suggestCard, topicTitle } from './cards';
import { postTicket, refreshTicketPosts, ticketMessage } from './tickets';
import { checkChildIdentifying, guardedText } from '../shared/privacy/child-identifying';
import { newId } from '../../storage/ids';
import { LEVELS_OF_NEED_DIALOG } from './level-suggestion';
import { refusal } from '../core/roles';
import { TOPIC_IDS } from '../../content/schema/queries';

const MAX_QUESTION = 1000;
const Id = z.string().min(1).max(100);

/**
 * The queries feature: practitioners ask in their own words and get the partnership's answer from
 * the content pack; what the bot cannot answer goes to the business unit as a ticket.
 */
export function createQueriesFeature(services: Services): Feature {
  const content = services.content.queries;
  const matcher = createMatcher(content);
  const repo = services.repos.queries;
  const now = () => services.clock.now().toISOString();

  async function log(turn: Turn, question: string, topic: string, confidence: number) {
    const at = now();
    return repo.logs.create({ type: 'query', id: newId(), pk: repo.pk, askerId: turn.member.id, agency: turn.member.agency, question, topic, confidence, createdAt: at, updatedAt: at });
  }

  /** Answers free text that is not a command. */
  async function answer(turn: Turn, question: string): Promise<void> {
    const trimmed = question.trim().slice(0, MAX_QUESTION);
    const guard = checkChildIdentifying(trimmed);
    if (guard.flagged) {
      // Not stored, not forwarded: the question itself carried the identifying details.
      await turn.reply(`${guard.message} Please ask again without those details.`);
      return;
    }
    const m = matcher.match(trimmed);
    const entry = await log(turn, trimmed, m.topic, m.confidence);
    services.log.info({ event: 'query', topic: m.topic, confidence: m.confidence }, 'question answered');
    if (m.topic !== 'unknown' && m.confidence >= CONFIDENT) {
      await turn.reply({ card: answerCard(content, m.topic, entry.id), summary: topicTitle(content, m.topic) });
    } else {
      const options = [m.topic, ...m.alternatives.map((a) => a.topic)].filter((t) => t !== 'unknown').slice(0, 3);
      await turn.reply({ card: suggestCard(content, entry.id, options, m.topic === 'unknown'), summary: 'Did you mean…' });
    }
  }

  async function openTicket(turn: Turn, queryId: string): Promise<VerbResult> {
    const q = await repo.logs.get(queryId, repo.pk);
    if (!q || q.askerId !== turn.member.id) return { message: 'I cannot find that question any more. Please ask it again.' };
    if (q.ticketId) return { message: 'Your question is already with the business unit; their reply will come to you here.' };
    const at = now();
    const ticket = await repo.tickets.create({ type: 'ticket', id: newId(), pk: repo.pk, queryId: q.id, question: q.question, askerId: q.askerId, askerAgency: q.agency, matchedTopic: q.topic, status: 'unassigned', posts: [], createdAt: at, updatedAt: at });
    const { changed } = await repo.logs.mutate(q.id, q.pk, (x) => (x.ticketId ? undefined : { ...x, ticketId: ticket.id, feedback: x.feedback, updatedAt: at }));
    if (!changed) return { message: 'Your question is already with the business unit; their reply will come to you here.' };
    const posted = await postTicket(services, repo, ticket);
    await services.audit.record({ actorId: turn.member.id, feature: 'queries', action: 'ticket-open', entityType: 'ticket', entityId: ticket.id, afterEtag: ticket._etag, detail: { posted } });
    return { message: posted > 0 ? 'Thank you. I have sent your question to the partnership business unit; their reply will come to you here.' : 'Thank you. Your question is saved for the business unit, who will reply here.' };
  }

  const feature: Feature = {
    name: 'queries',
    fallback: async (turn) => {
      if (turn.conversation.kind !== 'personal' && turn.text.length < 3) return false;
      await answer(turn, turn.text);
      return true;
    },
    commands: [
      {
        feature: 'queries',
        name: 'escalation route',
        description: 'How to escalate a professional disagreement.',
        patterns: [/^(the )?escalation( route| policy| process)?$/i],
        run: (turn) => answer(turn, 'what is the escalation route'),
      },
      {
        feature: 'queries',
        name: 'levels of need',
        description: 'The four levels of need (Right Help, Right Time).',
        patterns: [/^(levels? of need|thresholds?|right help right time)$/i],
        run: (turn) => answer(turn, 'what are the levels of need'),
      },
      {
        feature: 'queries',
        name: 'help me decide',
        description: 'A few questions to think through the level of need.',
        patterns: [/^help me decide( (the )?level( of need)?)?$/i],
        run: (turn) => turn.beginDialog(LEVELS_OF_NEED_DIALOG),
      },
      {
        feature: 'queries',
        name: 'glossary',
        usage: 'glossary',
        description: 'The acronyms used in the partnership, and what they mean.',
        patterns: [/^(glossary|acronyms|abbreviations)$/i],
        run: async (turn) => {
          const lines = [...content.glossary].sort((a, b) => a.acronym.localeCompare(b.acronym)).map((g) => `- **${g.acronym}**: ${g.expansion}`);
          await turn.reply(`**Glossary** (ask "what does NRM stand for?" for more)\n\n${lines.join('\n')}`);
        },
      },
      {
        feature: 'queries',
        name: 'unanswered',
        usage: 'unanswered',
        description: 'Questions the bot could not answer, and open tickets.',
        roles: ['businessUnit'],
        patterns: [/^(unanswered|unanswered questions|open tickets|tickets)$/i],
        run: async (turn) => {
          const [logs, tickets] = await Promise.all([repo.unanswered(200), repo.openTickets(20)]);
          const counts = new Map<string, number>();
          for (const l of logs) counts.set(l.question.toLowerCase(), (counts.get(l.question.toLowerCase()) ?? 0) + 1);
          const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([q, n]) => `- ${n} × "${q}"`);
          const open = tickets.map((t) => `- ${t.status}: "${t.question.slice(0, 120)}"${t.assigneeName ? ` (${t.assigneeName})` : ''}`);
          await turn.reply(`**Top unanswered or unhelpful questions** (latest ${logs.length})\n\n${top.join('\n') || 'None yet.'}\n\n**Open tickets** (${tickets.length})\n\n${open.join('\n') || 'None.'}`);
        },
      },
    ],
    verbs: [
      defineVerb({
        feature: 'queries',
        verb: 'queries.feedback',
        schema: z.object({ queryId: Id, helpful: z.enum(['yes', 'no']) }),
        run: async (turn, d) => {
          const q = await repo.logs.get(d.queryId, repo.pk);
          if (!q || q.askerId !== turn.member.id) return { message: 'Only the person who asked can rate this answer.' };
          const feedback = d.helpful === 'yes' ? 'helpful' : 'not_helpful';
          await repo.logs.mutate(q.id, q.pk, (x) => (x.feedback === feedback ? undefined : { ...x, feedback, updatedAt: now() }));
          if (d.helpful === 'no') return openTicket(turn, q.id);
          return { card: answerCard(content, q.topic, q.id, { showFeedback: false, feedbackNote: 'Thank you: glad that helped.' }) };
        },
      }),
      defineVerb({
        feature: 'queries',
        verb: 'queries.topic',
        schema: z.object({ queryId: Id, topic: z.string().refine((t) => (TOPIC_IDS as readonly string[]).includes(t) || /^glossary:[A-Z0-9]+$/.test(t), 'is not a topic') }),
        run: async (turn, d) => {
          const q = await repo.logs.get(d.queryId, repo.pk);
          if (!q || q.askerId !== turn.member.id) return { message: 'Please ask your question again.' };
          if (d.topic.startsWith('glossary:') && !content.glossary.some((g) => `glossary:${g.acronym}` === d.topic)) return { message: 'I do not know that term.' };
          await repo.logs.mutate(q.id, q.pk, (x) => ({ ...x, topic: d.topic, updatedAt: now() }));
          return { card: answerCard(content, d.topic, q.id) };
        },
      }),
      defineVerb({
        feature: 'queries',
        verb: 'queries.ask',
        schema: z.object({ queryId: Id }),
        run: (turn, d) => openTicket(turn, d.queryId),
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
        schema: z.object({ ticketId: Id, answer: guardedText(4000) }),
        roles: ['businessUnit'],
        invalid: async (turn, raw, message) => {
          const t = typeof raw.ticketId === 'string' ? await repo.tickets.get(raw.ticketId, repo.pk) : undefined;
          if (!t) return { message };
          return { card: ticketMessage(services, t, { error: message, typed: typeof raw.answer === 'string' ? raw.answer.slice(0, 4000) : '' }).card };
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
    ],
  };
  return feature;
}
