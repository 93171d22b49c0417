import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Briefing, BriefingResponse } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { briefingCard } from './cards';
import { effectiveRoles } from '../core/roles';
import { checkText } from './privacy';
import { visibleTo } from './visibility';
import type { BroadcastEngine } from './broadcast-engine';

const Ids = z.object({ briefingId: RecordId });

export const FeedbackSchema = Ids.extend({
  useful: z.union([z.enum(['yes', 'partly', 'no']), z.literal('')]).optional(),
  reflection: z.string().max(1000, 'keep it under 1,000 characters').optional(),
});

/**
 * Records that someone read a briefing and what they thought of it. Keyed by (briefing, member), so
 * pressing twice or reading it in two channels counts once. Agency and roles are the stored ones.
 */
async function respond(services: Services, engine: BroadcastEngine, turn: Turn, b: Briefing, change: Partial<BriefingResponse>): Promise<Stored<BriefingResponse>> {
  const repo = engine.repo;
  const id = repo.responseId(b.id, turn.member.id);
  const at = services.clock.now().toISOString();
  // Responses (and their free text) expire with the deliveries; reach figures are kept for the annual report cycle.
  const ttl = services.config.embeddedStorage ? undefined : services.config.RETENTION_DAYS_DELIVERIES * 86_400;
  const base: BriefingResponse = { type: 'response', id, pk: b.id, briefingId: b.id, memberId: turn.member.id, agency: turn.member.agency, roles: effectiveRoles(turn.member.roles), readAt: at, updatedAt: at, ...(ttl ? { ttl } : {}) };
  const created = await repo.responses.createIfAbsent({ ...base, ...change });
  if (created.doc) return created.doc;
  const { doc } = await repo.responses.mutate(id, b.id, (r) => ({ ...r, ...change, readAt: r.readAt ?? at, agency: turn.member.agency ?? r.agency, updatedAt: at }));
  return doc;
}

/**
 * In a 1:1 chat the refreshed card is personal, so it is returned; in a channel the card is shared by
 * everyone, so the answer is a message and the card stays as it is for the others.
 */
function answer(services: Services, turn: Turn, b: Briefing, message: string, response?: Pick<BriefingResponse, 'readAt' | 'useful' | 'reflection'>, extra: { error?: string; typed?: { useful?: string; reflection?: string } } = {}): VerbResult {
  if (turn.conversation.kind !== 'personal') return { message };
  return { card: briefingCard(services, b, { response, status: extra.error ? '' : message, error: extra.error, typed: extra.typed }) };
}

export function responseVerbs(services: Services, engine: BroadcastEngine): VerbDef[] {
  // Only people a briefing was meant for may record a response: otherwise anyone holding an id
  // could inflate the reach figures the partnership reports.
  const load = async (id: string, turn: Turn) => {
    const b = await engine.repo.getBriefing(id);
    return b && (b.status === 'sent' || b.status === 'sending') && visibleTo(turn.member, b) ? b : undefined;
  };
  const unavailable = async (id: string): Promise<VerbResult> => {
    const b = await engine.repo.getBriefing(id);
    // The author's preview carries the same buttons as the real card; they do nothing until it is sent.
    if (b && (b.status === 'draft' || b.status === 'scheduled')) return { message: 'This is a preview: the buttons record answers once the briefing has been sent.' };
    if (b && (b.status === 'sent' || b.status === 'sending')) return { message: 'This briefing was not sent to you, so a response cannot be recorded. Nothing has been changed.' };
    return { message: 'This briefing is no longer available; it may have been withdrawn.' };
  };
  return [
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.read',
      schema: Ids,
      run: async (turn, d) => {
        const b = await load(d.briefingId, turn);
        if (!b) return unavailable(d.briefingId);
        const r = await respond(services, engine, turn, b, {});
        return answer(services, turn, b, 'Thank you: you have marked this as read.', r);
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.feedback',
      schema: FeedbackSchema,
      invalid: async (turn, raw, message) => {
        const b = typeof raw.briefingId === 'string' ? await load(raw.briefingId, turn) : undefined;
        if (!b) return { message };
        return answer(services, turn, b, message, undefined, { error: message, typed: { useful: String(raw.useful ?? ''), reflection: String(raw.reflection ?? '') } });
      },
      run: async (turn, d) => {
        const b = await load(d.briefingId, turn);
        if (!b) return unavailable(d.briefingId);
        const reflection = d.reflection?.trim() || undefined;
        const verdict = checkText(reflection);
        if (verdict.flagged) {
          // Their rating is still worth keeping; only the text is refused.
          if (d.useful) await respond(services, engine, turn, b, { useful: d.useful });
          return answer(services, turn, b, verdict.message, undefined, { error: verdict.message, typed: { useful: d.useful ?? '', reflection: reflection ?? '' } });
        }
        if (!d.useful && !reflection) {
          const msg = 'Choose yes, partly or no (and add a note if you like), then press Send feedback.';
          return answer(services, turn, b, msg, undefined, { error: msg, typed: { useful: '', reflection: '' } });
        }
        const r = await respond(services, engine, turn, b, { ...(d.useful ? { useful: d.useful } : {}), ...(reflection ? { reflection } : {}) });
        return answer(services, turn, b, 'Thank you for your feedback. It helps the partnership show what difference its learning makes.', r);
      },
    }),
  ];
}
