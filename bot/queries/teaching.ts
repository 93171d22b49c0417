import type { Services, Turn } from '../core/contract';
import { ANSWER_TOPIC_IDS } from '../../content/schema/phrasings';
import { checkChildIdentifying } from '../shared/privacy/child-identifying';
import { normalise } from './normalise';
import { topicTitle, unansweredCard, type TaughtRow, type UnansweredRow } from './cards';
import { isAnswerTopic } from './examples';
import type { Answering } from './answering';
import { QUERIES_TUNING } from './consts';

export type TeachResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * The business unit teaches the bot: a question's words are attached to a topic ("this means ..."),
 * stored as a content override (kind `phrasing`) with who and when, audited, and picked up by every
 * instance on its next question; `taught` lists them and Undo reverts one.
 */
export class Teaching {
  constructor(
    private readonly services: Services,
    private readonly answering: Answering,
  ) {}

  private get repo() {
    return this.services.repos.queries;
  }

  /**
   * Recent questions the bot still does not answer outright (re-checked against today's matcher, so
   * a question taught since drops off), or that someone found unhelpful; most asked first.
   */
  async unanswered(): Promise<UnansweredRow[]> {
    const [logs, matcher] = await Promise.all([
      this.repo.logs.query('c.pk = @pk', [{ name: '@pk', value: this.repo.pk }], { orderBy: 'c.createdAt DESC', top: QUERIES_TUNING.unansweredScan }),
      this.answering.matcher(),
    ]);
    const rows = new Map<string, UnansweredRow & { notHelpful: boolean }>();
    for (const l of logs) {
      const key = normalise(l.question);
      const row = rows.get(key);
      if (row) {
        row.count++;
        row.notHelpful ||= l.feedback === 'not_helpful';
      } else rows.set(key, { question: l.question, count: 1, queryId: l.id, notHelpful: l.feedback === 'not_helpful' });
    }
    const out: UnansweredRow[] = [];
    for (const r of rows.values()) {
      const m = matcher.match(r.question);
      if (m.answered && !r.notHelpful) continue;
      out.push({ question: r.question, count: r.count, queryId: r.queryId, guessTopic: isAnswerTopic(m.topic) && !m.topic.startsWith('glossary:') ? m.topic : undefined });
    }
    return out.sort((a, b) => b.count - a.count).slice(0, QUERIES_TUNING.unansweredRows);
  }

  /** The `unanswered` card: questions to teach, then the open tickets. */
  async unansweredCard() {
    const [rows, tickets] = await Promise.all([this.unanswered(), this.repo.openTickets(QUERIES_TUNING.openTickets)]);
    const open = tickets.map((t) => `${t.status}: "${t.question.slice(0, 120)}"${t.assigneeName ? ` (${t.assigneeName})` : ''}`);
    return unansweredCard(this.services.content.queries, rows, open);
  }

  /** Attaches the words of a logged question or a ticket to a topic. */
  async teach(turn: Turn, source: { queryId?: string; ticketId?: string }, topic: unknown): Promise<TeachResult> {
    if (typeof topic !== 'string' || !(ANSWER_TOPIC_IDS as readonly string[]).includes(topic)) return { ok: false, message: 'Choose what the question means first, then press Teach the bot.' };
    const question = source.ticketId
      ? (await this.repo.tickets.get(source.ticketId, this.repo.pk))?.question
      : source.queryId
        ? (await this.repo.logs.get(source.queryId, this.repo.pk))?.question
        : undefined;
    if (!question) return { ok: false, message: 'I cannot find that question any more.' };
    // Stored questions passed the guard when asked; checked again because a taught phrasing is kept for good.
    if (checkChildIdentifying(question).flagged) return { ok: false, message: 'That question contains details that could identify a child, so it cannot be taught.' };
    const key = normalise(question);
    const { active } = await this.services.overrides.current();
    const same = active.find((o) => o.kind === 'phrasing' && o.action === 'teach' && normalise(o.value ?? '') === key);
    if (same?.target === topic) return { ok: true, message: `Already taught: "${question}" means ${topicTitle(this.services.content.queries, topic)}.` };
    if (same) return { ok: false, message: `"${question}" is already taught as ${topicTitle(this.services.content.queries, same.target)}. Undo that in taught first.` };
    await this.services.overrides.add({ kind: 'phrasing', target: topic, action: 'teach', value: question }, { id: turn.member.id, name: turn.member.name });
    return { ok: true, message: `Taught: "${question}" now means ${topicTitle(this.services.content.queries, topic)}, on every instance. Type taught to see or undo it.` };
  }

  async taught(): Promise<TaughtRow[]> {
    const { active } = await this.services.overrides.current();
    return active
      .filter((o) => o.kind === 'phrasing' && o.action === 'teach' && o.value)
      .map((o) => ({ overrideId: o.id, text: o.value!, topic: o.target, by: o.createdByName, at: o.createdAt }))
      .sort((a, b) => b.at.localeCompare(a.at));
  }

  /** Reverts a taught phrasing; other kinds of override are not this feature's to undo. */
  async undo(turn: Turn, overrideId: string): Promise<string> {
    const { active } = await this.services.overrides.current();
    const o = active.find((x) => x.id === overrideId);
    if (!o || o.kind !== 'phrasing') return 'That phrasing is no longer taught.';
    const reverted = await this.services.overrides.revert(overrideId, { id: turn.member.id, name: turn.member.name });
    return reverted ? `Undone: "${o.value}" is no longer taught as ${topicTitle(this.services.content.queries, o.target)}.` : 'That phrasing is no longer taught.';
  }
}
