import { z } from 'zod';
import { DateTime } from 'luxon';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { newId } from '../../storage/ids';
import { briefingCard, confirmCard, formCard, progressCard } from './cards';
import { FormDataSchema, authoredText, hasFormFields, parseForm, readyToSend, DEFAULT_REFLECTION, type FormData } from './form-fields';
import { checkFields } from './privacy';
import { readingTime } from './reading-time';
import { shortCode } from './short-code';
import { describeAudience, resolveAudience } from './audience';
import { sendToAuthor } from './author-chat';
import { emptyCounts } from '../../storage/briefings/repository';
import type { BroadcastEngine } from './broadcast-engine';
import { MAX_CONVERSATION_CHOICES } from './consts';
import { visibleTo } from './visibility';

const BU = ['businessUnit'] as const;

export async function conversationChoices(services: Services) {
  const all = await services.members.installedConversations();
  return all
    .filter((c) => c.kind !== 'personal')
    .map((c) => ({ title: [c.teamName, c.name].filter(Boolean).join(' / ') || (c.kind === 'channel' ? 'A team channel' : 'A group chat'), value: c.id }))
    .sort((a, b) => a.title.localeCompare(b.title))
    // The form must stay under Teams' 28 KB card limit; past this many, send by role or agency instead.
    .slice(0, MAX_CONVERSATION_CHOICES);
}

export async function newDraft(services: Services, engine: BroadcastEngine, turn: Turn): Promise<Stored<Briefing>> {
  const at = services.clock.now().toISOString();
  const doc = await engine.repo.briefings.create({
    type: 'briefing',
    id: newId(),
    pk: services.partnershipId,
    code: shortCode(),
    title: '',
    source: '',
    background: '',
    whyItMatters: '',
    keyPoints: [],
    remember: '',
    actions: '',
    reflection: services.content.briefings.defaultReflection ?? DEFAULT_REFLECTION,
    links: [],
    priorities: [],
    audience: { kind: 'everyone', conversations: [], roles: [], agencies: [] },
    status: 'draft',
    version: 1,
    syncedVersion: 1,
    authorId: turn.member.id,
    authorName: turn.member.name,
    createdAt: at,
    updatedAt: at,
  });
  await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'create-draft', entityType: 'briefing', entityId: doc.id, afterEtag: doc._etag });
  return doc;
}

export async function renderForm(services: Services, b: Stored<Briefing>, message?: string, typed?: Record<string, unknown>) {
  let conversations = await conversationChoices(services);
  for (;;) {
    try {
      return formCard(services, b, { message, typed, conversations });
    } catch (e) {
      // Over 28 KB with a long briefing and many channels: offer fewer channels rather than no form.
      if (!/over the \d+-byte limit/.test(String((e as Error)?.message)) || conversations.length === 0) throw e;
      conversations = conversations.slice(0, Math.floor(conversations.length / 2));
    }
  }
}

type Saved = { ok: true; doc: Stored<Briefing> } | { ok: false; result: VerbResult };

/**
 * Applies what the form carried (drafts are saved on every button press, so nothing typed is lost),
 * after the ETag and child-identifying checks. A confirmation card carries no fields: nothing to apply.
 */
async function saveFromForm(services: Services, engine: BroadcastEngine, turn: Turn, d: FormData, raw: Record<string, unknown>): Promise<Saved> {
  const b = await engine.repo.getBriefing(d.briefingId);
  if (!b) return { ok: false, result: { message: 'I cannot find that briefing any more. Type **drafts** to see the ones you can open.' } };
  if (b.status === 'retracted' || b.status === 'cancelled') return { ok: false, result: { message: `This briefing was ${b.status === 'retracted' ? 'withdrawn' : 'cancelled'}; it cannot be changed. Start a **new briefing** instead.` } };
  if (!hasFormFields(d)) return { ok: true, doc: b };
  if (d.etag && d.etag !== b._etag) {
    return { ok: false, result: { card: await renderForm(services, b, 'Someone else changed this briefing while you were editing. Your entries are kept below: check them and press the button again.', raw) } };
  }
  const parsed = parseForm(d, { priorities: services.content.partnership.priorities.map((p) => p.id), agencies: services.content.partnership.agencies.map((a) => a.id), now: services.clock.now() });
  if (parsed.problem) return { ok: false, result: { card: await renderForm(services, b, parsed.problem, raw) } };
  const flagged = checkFields(authoredText(parsed.fields));
  if (flagged) return { ok: false, result: { card: await renderForm(services, b, `${flagged.field}: ${flagged.verdict.message}`, raw) } };
  const at = services.clock.now().toISOString();
  const sentAlready = b.status === 'sent' || b.status === 'sending';
  // Clearing the date of a scheduled briefing makes it a draft again, so it never waits for a time it does not have.
  const build = (cur: Briefing): Briefing => ({
    ...cur,
    ...parsed.fields,
    // The audience and schedule of a sent briefing are history (the form hides them), not editable.
    audience: sentAlready ? cur.audience : parsed.fields.audience,
    scheduledFor: sentAlready ? cur.scheduledFor : parsed.fields.scheduledFor,
    status: cur.status === 'scheduled' && !parsed.fields.scheduledFor ? 'draft' : cur.status,
    updatedAt: at,
  });
  const { doc, changed } = await engine.repo.mutateBriefing(b.id, build);
  if (changed) await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: sentAlready ? 'edit-sent' : 'save-draft', entityType: 'briefing', entityId: b.id, beforeEtag: b._etag, afterEtag: doc._etag });
  return { ok: true, doc };
}

async function postProgress(services: Services, turn: Turn, b: Stored<Briefing>, engine: BroadcastEngine, op: 'send' | 'update', total: number) {
  const card = progressCard(b, { op, counts: emptyCounts(), total, rate: 0, done: false, audience: describeAudience(services, b.audience), now: services.clock.now() });
  const where = await sendToAuthor(services, turn, { card });
  if (!where) return b;
  return (await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, progress: where }))).doc;
}

/** A byte-for-byte preview plus the reading-time check, in the author's 1:1 chat. */
async function preview(services: Services, turn: Turn, b: Stored<Briefing>) {
  const card = briefingCard(services, b, { preview: true });
  await sendToAuthor(services, turn, { card, summary: 'Preview of your 7-minute briefing' });
  return readingTime(b);
}

export function authoringVerbs(services: Services, engine: BroadcastEngine): VerbDef[] {
  const invalidForm = async (turn: Turn, raw: Record<string, unknown>, message: string): Promise<VerbResult> => {
    const b = typeof raw.briefingId === 'string' ? await engine.repo.getBriefing(raw.briefingId) : undefined;
    return b ? { card: await renderForm(services, b, message, raw) } : { message };
  };
  return [
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.save',
      roles: [...BU],
      schema: FormDataSchema,
      invalid: invalidForm,
      run: async (turn, d) => {
        const saved = await saveFromForm(services, engine, turn, d, d as Record<string, unknown>);
        if (!saved.ok) return saved.result;
        let b = saved.doc;
        if (b.status === 'sent' || b.status === 'sending') {
          // An edit after sending: a new version for every delivered card.
          b = (await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, version: x.version + 1 }))).doc;
          const behind = await engine.repo.countBehind(b.id, b.version);
          b = await postProgress(services, turn, b, engine, 'update', behind);
          void engine.start(b.id);
          return { card: await renderForm(services, b, `Saved. Updating ${behind} delivered card(s) in place; the progress card is in your chat.`) };
        }
        return { card: await renderForm(services, b, `Draft saved at ${DateTime.fromISO(b.updatedAt).setZone('Europe/London').toFormat('HH:mm')}.`) };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.preview',
      roles: [...BU],
      schema: FormDataSchema,
      invalid: invalidForm,
      run: async (turn, d) => {
        const saved = await saveFromForm(services, engine, turn, d, d as Record<string, unknown>);
        if (!saved.ok) return saved.result;
        const rt = await preview(services, turn, saved.doc);
        return { card: await renderForm(services, saved.doc, `Preview sent to your chat. ${rt.sentence}`) };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.send',
      roles: [...BU],
      schema: FormDataSchema,
      invalid: invalidForm,
      run: async (turn, d) => {
        const saved = await saveFromForm(services, engine, turn, d, d as Record<string, unknown>);
        if (!saved.ok) return saved.result;
        let b = saved.doc;
        if (b.status !== 'draft' && b.status !== 'scheduled') return { message: `Briefing ${b.code} has already been sent. To change it, use **Edit or withdraw** on its reach card.` };
        const problem = readyToSend(b, services.clock.now());
        if (problem) return { card: await renderForm(services, b, problem) };
        if (!d.confirmed) {
          const count = b.audience.kind === 'everyone' ? (await resolveAudience(services, b.audience)).length : undefined;
          if (b.audience.kind === 'everyone') {
            return {
              card: confirmCard({
                heading: 'Send to everyone?',
                message: `"${b.title}" will go to ${describeAudience(services, b.audience)}: ${count} ${count === 1 ? 'person' : 'people'}${b.scheduledFor ? `, at ${DateTime.fromISO(b.scheduledFor).setZone('Europe/London').toFormat('d LLL yyyy HH:mm')} UK time` : ' now'}. You can edit or withdraw it afterwards, but it cannot be unsent.`,
                confirmTitle: 'Yes, send to everyone',
                verb: 'briefings.send',
                briefingId: b.id,
                etag: b._etag,
              }),
            };
          }
        }
        const at = services.clock.now().toISOString();
        const due = !b.scheduledFor || Date.parse(b.scheduledFor) <= services.clock.now().getTime();
        const { doc, changed } = await engine.repo.mutateBriefing(b.id, (x) => (x.status === 'draft' || x.status === 'scheduled' ? { ...x, status: due ? 'sending' : 'scheduled', updatedAt: at } : undefined));
        if (!changed) return { message: `Briefing ${b.code} is already on its way.` };
        b = doc;
        await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: due ? 'send' : 'schedule', entityType: 'briefing', entityId: b.id, beforeEtag: saved.doc._etag, afterEtag: b._etag, detail: { audience: b.audience.kind } });
        if (!due) {
          return { message: `Scheduled: "${b.title}" (${b.code}) will go to ${describeAudience(services, b.audience)} at ${DateTime.fromISO(b.scheduledFor!).setZone('Europe/London').toFormat('cccc d LLLL yyyy, HH:mm')} UK time. Type **drafts** to change it before then.` };
        }
        b = await postProgress(services, turn, b, engine, 'send', 0);
        void engine.start(b.id);
        return { message: `Sending "${b.title}" (${b.code}) to ${describeAudience(services, b.audience)}. Your progress card is in your chat.` };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.open',
      schema: z.object({ briefingId: z.string().min(1).max(100) }),
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
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
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.edit',
      roles: [...BU],
      schema: z.object({ briefingId: z.string().min(1).max(100) }),
      run: async (_turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
        if (b.status === 'retracted') return { message: 'This briefing was withdrawn and cannot be edited.' };
        return { card: await renderForm(services, b) };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.cancel',
      roles: [...BU],
      schema: z.object({ briefingId: z.string().min(1).max(100) }),
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
        if (b.status !== 'sending' && b.status !== 'scheduled') return { message: `Briefing ${b.code} is not being sent, so there is nothing to cancel.` };
        const at = services.clock.now().toISOString();
        if (b.status === 'sending') {
          await engine.repo.broadcasts.mutate('broadcast', b.id, (l) => ({ ...l, cancelRequested: true, updatedAt: at })).catch(() => undefined);
        }
        const { doc } = await engine.repo.mutateBriefing(b.id, (x) => (x.status === 'sending' || x.status === 'scheduled' ? { ...x, status: x.status === 'scheduled' ? 'draft' : 'cancelled', updatedAt: at } : undefined));
        await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'cancel', entityType: 'briefing', entityId: b.id, beforeEtag: b._etag, afterEtag: doc._etag });
        return { message: b.status === 'scheduled' ? `The scheduled send of ${b.code} is cancelled; it is a draft again.` : `Cancelling ${b.code}: messages already on their way finish, nobody else receives it. The progress card shows the final figures.` };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.retract',
      roles: [...BU],
      schema: z.object({ briefingId: z.string().min(1).max(100), etag: z.string().max(200).optional(), confirmed: z.boolean().optional() }).passthrough(),
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
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
        if (b.status === 'sending') await engine.repo.broadcasts.mutate('broadcast', b.id, (l) => ({ ...l, cancelRequested: true, updatedAt: at })).catch(() => undefined);
        let { doc } = await engine.repo.mutateBriefing(b.id, (x) => ({ ...x, status: 'retracted', retractedAt: at, version: x.version + 1, updatedAt: at }));
        await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'retract', entityType: 'briefing', entityId: b.id, beforeEtag: b._etag, afterEtag: doc._etag });
        const behind = await engine.repo.countBehind(doc.id, doc.version);
        doc = await postProgress(services, turn, doc, engine, 'update', behind);
        void engine.start(doc.id);
        return { message: `Withdrawing ${b.code}: ${behind} delivered card(s) will be replaced with a withdrawal notice.` };
      },
    }),
  ];
}
