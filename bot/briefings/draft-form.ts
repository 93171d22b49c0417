/** The authoring form of a briefing: new drafts, rendering the form, and saving what it carried. */
import type { Services, Turn, VerbResult } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { newId } from '../../storage/ids';
import { formCard } from './cards';
import { authoredText, hasFormFields, parseForm, DEFAULT_REFLECTION, type FormData } from './form-fields';
import { CONFIRM_ON_FORM, judgeFields } from '../shared/privacy/purpose';
import { shortCode } from './short-code';
import type { BroadcastEngine } from './broadcast-engine';
import { MAX_CONVERSATION_CHOICES } from './consts';

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

export async function renderForm(services: Services, b: Stored<Briefing>, message?: string, typed?: Record<string, unknown>, privacyAsk = false) {
  let conversations = await conversationChoices(services);
  for (;;) {
    try {
      return formCard(services, b, { message, typed, conversations, privacyAsk });
    } catch (e) {
      // Over 28 KB with a long briefing and many channels: offer fewer channels rather than no form.
      if (!/over the \d+-byte limit/.test(String((e as Error)?.message)) || conversations.length === 0) throw e;
      conversations = conversations.slice(0, Math.floor(conversations.length / 2));
    }
  }
}

export type Saved = { ok: true; doc: Stored<Briefing> } | { ok: false; result: VerbResult };

/**
 * Applies what the form carried (drafts are saved on every button press, so nothing typed is lost),
 * after the ETag and child-identifying checks. A confirmation card carries no fields: nothing to apply.
 */
export async function saveFromForm(services: Services, engine: BroadcastEngine, turn: Turn, d: FormData, raw: Record<string, unknown>): Promise<Saved> {
  const b = await engine.repo.getBriefing(d.briefingId);
  if (!b) return { ok: false, result: { message: 'I cannot find that briefing any more. Type **drafts** to see the ones you can open.' } };
  if (b.status === 'retracted' || b.status === 'cancelled') return { ok: false, result: { message: `This briefing was ${b.status === 'retracted' ? 'withdrawn' : 'cancelled'}; it cannot be changed. Start a **new briefing** instead.` } };
  if (!hasFormFields(d)) return { ok: true, doc: b };
  if (d.etag && d.etag !== b._etag) {
    return { ok: false, result: { card: await renderForm(services, b, 'Someone else changed this briefing while you were editing. Your entries are kept below: check them and press the button again.', raw) } };
  }
  const parsed = parseForm(d, { priorities: services.content.partnership.priorities.map((p) => p.id), agencies: services.content.partnership.agencies.map((a) => a.id), now: services.clock.now() });
  if (parsed.problem) return { ok: false, result: { card: await renderForm(services, b, parsed.problem, raw) } };
  const flagged = judgeFields(authoredText(parsed.fields));
  if (flagged) {
    const ask = flagged.verdict.outcome === 'ask';
    return { ok: false, result: { card: await renderForm(services, b, `${flagged.label}: ${flagged.verdict.message}${ask ? ` ${CONFIRM_ON_FORM}` : ''}`, raw, ask) } };
  }
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

