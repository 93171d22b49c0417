import { DateTime } from 'luxon';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { emptyCounts } from '../../storage/briefings/repository';
import { briefingCard, confirmCard, confirmedCard, progressCard } from './cards';
import { BRIEFING_FIELD_LABELS, FormDataSchema, readyToSend, type FormData } from './form-fields';
import { readingTime } from './reading-time';
import { describeAudience, resolveAudience } from './audience';
import { sendToAuthor } from './author-chat';
import { plural } from '../shared/format';
import { renderForm, saveFromForm } from './draft-form';
import type { BroadcastEngine } from './broadcast-engine';

/** Posts the author's progress card in their chat and remembers where it is, so the engine can update it. */
export async function postProgress(services: Services, turn: Turn, b: Stored<Briefing>, engine: BroadcastEngine, op: 'send' | 'update', total: number) {
  const card = progressCard(b, { op, counts: emptyCounts(), total, rate: 0, done: false, audience: describeAudience(services, b.audience), now: services.clock.now() });
  const where = await sendToAuthor(services, turn, { card });
  if (!where) return b;
  return (await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, progress: where }))).doc;
}

const londonTime = (iso: string, format: string) => DateTime.fromISO(iso).setZone('Europe/London').toFormat(format);

/**
 * The three buttons of the authoring form. Each first saves what the form carried (drafts are saved
 * on every press, so nothing typed is lost), then does its own step with the saved briefing.
 */
export function authoringVerbs(services: Services, engine: BroadcastEngine): VerbDef[] {
  const formVerb = (verb: string, step: (turn: Turn, b: Stored<Briefing>, d: FormData) => Promise<VerbResult>): VerbDef =>
    defineVerb({
      feature: 'briefings',
      verb,
      roles: ['businessUnit'],
      schema: FormDataSchema,
      labels: BRIEFING_FIELD_LABELS,
      invalid: async (_turn, raw, message) => {
        const b = typeof raw.briefingId === 'string' ? await engine.repo.getBriefing(raw.briefingId) : undefined;
        return b ? { card: await renderForm(services, b, message, raw) } : { message };
      },
      run: async (turn, d) => {
        const saved = await saveFromForm(services, engine, turn, d, d as Record<string, unknown>);
        return saved.ok ? step(turn, saved.doc, d) : saved.result;
      },
    });

  return [
    formVerb('briefings.save', async (turn, b) => {
      if (b.status === 'sent' || b.status === 'sending') {
        // An edit after sending: a new version for every delivered card.
        b = (await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, version: x.version + 1 }))).doc;
        const behind = await engine.repo.countBehind(b.id, b.version);
        b = await postProgress(services, turn, b, engine, 'update', behind);
        void engine.start(b.id);
        return { card: await renderForm(services, b, `Saved. Updating ${plural(behind, 'delivered card')} in place; the progress card is in your chat.`) };
      }
      return { card: await renderForm(services, b, `Draft saved at ${londonTime(b.updatedAt, 'HH:mm')}.`) };
    }),

    formVerb('briefings.preview', async (turn, b) => {
      // A byte-for-byte preview plus the reading-time check, in the author's 1:1 chat.
      await sendToAuthor(services, turn, { card: briefingCard(services, b, { preview: true }), summary: 'Preview of your 7-minute briefing' });
      return { card: await renderForm(services, b, `Preview sent to your chat. ${readingTime(b).sentence}`) };
    }),

    formVerb('briefings.send', async (turn, saved, d) => {
      let b = saved;
      if (b.status !== 'draft' && b.status !== 'scheduled') return { message: `Briefing ${b.code} has already been sent. To change it, use **Edit or withdraw** on its reach card.` };
      const problem = readyToSend(b, services.clock.now());
      if (problem) return { card: await renderForm(services, b, problem) };
      if (!d.confirmed && b.audience.kind !== 'conversations') {
        // Sending to people: say how many, and how many of them the bot must first open a chat with
        // (each is one more request against the Teams limit, so the send takes that much longer).
        const recipients = await resolveAudience(services, b.audience);
        const count = recipients.length;
        const opens = recipients.filter((r) => r.needsOpen).length;
        const everyone = b.audience.kind === 'everyone';
        return {
          card: confirmCard({
            heading: everyone ? 'Send to everyone?' : 'Send this briefing?',
            message: `"${b.title}" will go to ${describeAudience(services, b.audience)}: ${plural(count, 'person', 'people')}${b.scheduledFor ? `, at ${londonTime(b.scheduledFor, 'd LLL yyyy HH:mm')} UK time` : ' now'}.${opens ? ` ${opens === count ? 'None of them has a chat with the bot yet' : `${plural(opens, 'of them has', 'of them have')} no chat with the bot yet`}; I will open ${opens === 1 ? 'it' : 'those chats'} first.` : ''} You can edit or withdraw it afterwards, but it cannot be unsent.`,
            confirmTitle: everyone ? 'Yes, send to everyone' : 'Yes, send it',
            verb: 'briefings.send',
            briefingId: b.id,
            etag: b._etag,
          }),
        };
      }
      const at = services.clock.now().toISOString();
      const due = !b.scheduledFor || Date.parse(b.scheduledFor) <= services.clock.now().getTime();
      const { doc, changed } = await engine.repo.mutateBriefing(b.id, (x) => (x.status === 'draft' || x.status === 'scheduled' ? { ...x, status: due ? 'sending' : 'scheduled', updatedAt: at } : undefined));
      if (!changed) return { message: `Briefing ${b.code} is already on its way.` };
      b = doc;
      await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: due ? 'send' : 'schedule', entityType: 'briefing', entityId: b.id, beforeEtag: saved._etag, afterEtag: b._etag, detail: { audience: b.audience.kind } });
      // Pressed on the "Send to everyone?" card: that card turns into what happened, with no button left to press again.
      const done = (heading: string, message: string): VerbResult => (d.confirmed ? { card: confirmedCard(heading, message) } : { message });
      if (!due) {
        return done('Scheduled', `Scheduled: "${b.title}" (${b.code}) will go to ${describeAudience(services, b.audience)} at ${londonTime(b.scheduledFor!, 'cccc d LLLL yyyy, HH:mm')} UK time. Type drafts to change it before then.`);
      }
      b = await postProgress(services, turn, b, engine, 'send', 0);
      void engine.start(b.id);
      return done('Sending', `Sending "${b.title}" (${b.code}) to ${describeAudience(services, b.audience)}. Your progress card is in your chat.`);
    }),
  ];
}
