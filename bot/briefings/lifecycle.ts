import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { defineVerb, type Role, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { briefingCard, confirmCard } from './cards';
import { renderForm } from './draft-form';
import { postProgress } from './authoring';
import { visibleTo } from './visibility';
import type { BroadcastEngine } from './broadcast-engine';

export const NOT_FOUND = 'I cannot find that briefing any more.';

/**
 * Opening, editing, cancelling and withdrawing a briefing. Each verb names one briefing; a briefing
 * that no longer exists gets the same plain answer from every button.
 */
export function lifecycleVerbs(services: Services, engine: BroadcastEngine): VerbDef[] {
  const briefingVerb = <S extends z.ZodObject<{ briefingId: typeof RecordId }>>(
    verb: string,
    roles: Role[] | undefined,
    schema: S,
    step: (turn: Turn, b: Stored<Briefing>, d: z.infer<S>) => Promise<VerbResult>,
  ): VerbDef =>
    defineVerb({
      feature: 'briefings',
      verb,
      roles,
      schema,
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        return b ? step(turn, b, d) : { message: NOT_FOUND };
      },
    });
  const IdOnly = z.object({ briefingId: RecordId });
  const markCancel = async (b: Stored<Briefing>, at: string) => {
    if (b.status === 'sending') await engine.repo.broadcasts.mutate('broadcast', b.id, (l) => ({ ...l, cancelRequested: true, updatedAt: at })).catch(() => undefined);
  };

  return [
    briefingVerb('briefings.open', undefined, IdOnly, async (turn, b) => {
      const isBU = turn.member.roles.includes('businessUnit');
      if (b.status === 'draft' || b.status === 'scheduled' || b.status === 'cancelled') {
        if (!isBU) return { message: 'That briefing has not been published yet.' };
        if (b.status === 'cancelled') {
          const reopened = (await engine.repo.mutateBriefing(b.id, (x) => (x.status === 'cancelled' ? { ...x, status: 'draft' } : undefined))).doc;
          return { card: await renderForm(services, reopened, 'This briefing was cancelled before everyone received it; it is a draft again.') };
        }
        return { card: await renderForm(services, b) };
      }
      if (!visibleTo(turn.member, b)) return { message: 'That briefing was shared with a different group, so I cannot show it to you.' };
      const response = await engine.repo.responses.get(engine.repo.responseId(b.id, turn.member.id), b.id);
      return { card: briefingCard(services, b, { response }) };
    }),

    briefingVerb('briefings.edit', ['businessUnit'], IdOnly, async (_turn, b) => {
      if (b.status === 'retracted') return { message: 'This briefing was withdrawn and cannot be edited.' };
      return { card: await renderForm(services, b) };
    }),

    briefingVerb('briefings.cancel', ['businessUnit'], IdOnly, async (turn, b) => {
      if (b.status !== 'sending' && b.status !== 'scheduled') return { message: `Briefing ${b.code} is not being sent, so there is nothing to cancel.` };
      const at = services.clock.now().toISOString();
      await markCancel(b, at);
      const { doc } = await engine.repo.mutateBriefing(b.id, (x) => (x.status === 'sending' || x.status === 'scheduled' ? { ...x, status: x.status === 'scheduled' ? 'draft' : 'cancelled', updatedAt: at } : undefined));
      await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'cancel', entityType: 'briefing', entityId: b.id, beforeEtag: b._etag, afterEtag: doc._etag });
      return { message: b.status === 'scheduled' ? `The scheduled send of ${b.code} is cancelled; it is a draft again.` : `Cancelling ${b.code}: messages already on their way finish, nobody else receives it. The progress card shows the final figures.` };
    }),

    briefingVerb(
      'briefings.retract',
      ['businessUnit'],
      z.object({ briefingId: RecordId, etag: z.string().max(200).optional(), confirmed: z.boolean().optional() }).passthrough(),
      async (turn, b, d) => {
        if (b.status !== 'sent' && b.status !== 'sending') return { message: `Briefing ${b.code} has not been sent, so there is nothing to withdraw.` };
        if (!d.confirmed) {
          return {
            card: confirmCard({
              heading: 'Withdraw this briefing?',
              message: `Every delivered copy of "${b.title}" (${b.code}) will be replaced by a short notice that it was withdrawn. This cannot be undone.`,
              confirmTitle: 'Yes, withdraw it',
              verb: 'briefings.retract',
              briefingId: b.id,
              etag: b._etag,
            }),
          };
        }
        const at = services.clock.now().toISOString();
        await markCancel(b, at);
        let { doc } = await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, status: 'retracted', retractedAt: at, version: x.version + 1, updatedAt: at }));
        await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'retract', entityType: 'briefing', entityId: b.id, beforeEtag: b._etag, afterEtag: doc._etag });
        const behind = await engine.repo.countBehind(doc.id, doc.version);
        doc = await postProgress(services, turn, doc, engine, 'update', behind);
        void engine.start(doc.id);
        return { message: `Withdrawing ${b.code}: ${behind} delivered card(s) will be replaced with a withdrawal notice.` };
      },
    ),
  ];
}
