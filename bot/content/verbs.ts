import { z } from 'zod';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import { childIdentifyingMessage } from '../shared/privacy/child-identifying';
import { guardedText } from '../shared/privacy/purpose';
import type { Fact } from '../../content/facts';
import { factCard, listCard } from './cards';
import { findFact } from './review';

const FactId = z.string().trim().min(1).max(200);
const UNKNOWN_FACT = 'That fact is no longer in the content pack. Type **content** to see the current list.';

/**
 * What the business unit typed as a fact's new wording, checked for the kind of fact. A contact is
 * the partnership's own public number or address, so it is checked for its shape instead of going
 * through the child-identifying guard (which would refuse every phone number); any other wording goes
 * through the guard like all free text.
 */
export function checkNewWording(fact: Pick<Fact, 'format'>, value: string): string | undefined {
  const v = value.trim();
  if (fact.format === 'phone') {
    const digits = v.replace(/\D/g, '');
    return /^\+?[\d\s()-]+$/.test(v) && digits.length >= 10 && digits.length <= 13 ? undefined : 'New wording: enter a phone number, for example 0300 123 4567.';
  }
  if (fact.format === 'email') return z.email().safeParse(v).success ? undefined : 'New wording: enter an e-mail address, for example team@example.gov.uk.';
  if (fact.format === 'url') return /^https:\/\/[^\s]+\.[^\s]+$/.test(v) ? undefined : 'New wording: enter a web address starting https://.';
  if (v.length < 5) return 'New wording: write at least a few words.';
  const guard = childIdentifyingMessage(v);
  return guard ? `New wording: ${guard}` : undefined;
}

export function createContentVerbs(services: Services): VerbDef[] {
  const actor = (turn: Turn) => ({ id: turn.member.id, name: turn.member.name });
  const note = guardedText(500, 'narrative', { required: false }).optional();
  const unknown = async (turn: Turn, raw: Record<string, unknown>, message: string): Promise<VerbResult> => {
    const factId = typeof raw.factId === 'string' ? raw.factId : '';
    const card = factId ? await factCard(services, factId, { banner: message, tone: 'attention', typed: typeof raw.value === 'string' ? raw.value.slice(0, 4000) : '', note: typeof raw.note === 'string' ? raw.note.slice(0, 500) : '' }) : undefined;
    return card ? { card } : { message };
  };
  return [
    defineVerb({
      feature: 'content',
      verb: 'content.list',
      schema: z.object({ page: z.string().regex(/^\d{1,3}$/, 'is not a page number').optional() }),
      roles: ['businessUnit'],
      run: async (_turn, d) => ({ card: await listCard(services, Number(d.page ?? '1')) }),
    }),
    defineVerb({
      feature: 'content',
      verb: 'content.fact',
      schema: z.object({ factId: FactId }),
      roles: ['businessUnit'],
      run: async (_turn, d) => {
        const card = await factCard(services, d.factId);
        return card ? { card } : { message: UNKNOWN_FACT };
      },
    }),
    defineVerb({
      feature: 'content',
      verb: 'content.confirm',
      schema: z.object({ factId: FactId, note }),
      roles: ['businessUnit'],
      invalid: unknown,
      run: async (turn, d) => {
        if (!findFact(services.content, d.factId)) return { message: UNKNOWN_FACT };
        await services.overrides.add({ kind: 'fact', target: d.factId, action: 'confirm', note: d.note || undefined }, actor(turn));
        await services.overrides.refresh();
        return { card: (await factCard(services, d.factId, { banner: 'Confirmed. Every copy of the bot now shows it as confirmed.' }))! };
      },
    }),
    defineVerb({
      feature: 'content',
      verb: 'content.change',
      schema: z.object({ factId: FactId, value: z.string({ error: 'New wording: is required' }).trim().min(1, 'New wording: is required').max(4000, 'New wording: is too long (at most 4000 characters)'), note }),
      roles: ['businessUnit'],
      invalid: unknown,
      run: async (turn, d) => {
        const fact = findFact(services.content, d.factId);
        if (!fact) return { message: UNKNOWN_FACT };
        if (!fact.changeable) return unknown(turn, d, 'This is a rule: it can be confirmed here, but a different rule needs a change to the pack. Nothing was changed.');
        const problem = checkNewWording(fact, d.value);
        if (problem) return unknown(turn, d, `${problem} Nothing was changed.`);
        if (d.value.trim() === fact.text.trim()) return unknown(turn, d, 'That is the wording already in use. Use "Confirm as it stands" to confirm it. Nothing was changed.');
        await services.overrides.add({ kind: 'fact', target: d.factId, action: 'change', value: d.value.trim(), note: d.note || undefined }, actor(turn));
        await services.overrides.refresh();
        return { card: (await factCard(services, d.factId, { banner: 'Saved. Every copy of the bot now uses the new wording; revert it below to go back.' }))! };
      },
    }),
    defineVerb({
      feature: 'content',
      verb: 'content.revert',
      schema: z.object({ overrideId: z.string().trim().min(1).max(100) }),
      roles: ['businessUnit'],
      run: async (turn, d) => {
        const reverted = await services.overrides.revert(d.overrideId, actor(turn));
        await services.overrides.refresh();
        if (!reverted) return { card: await listCard(services, 1), message: 'That change was already reverted. Nothing was changed.' };
        const card = reverted.kind === 'fact' ? await factCard(services, reverted.target, { banner: 'Reverted: the pack\'s own wording applies again everywhere.' }) : undefined;
        return { card: card ?? (await listCard(services, 1, 'Reverted.')) };
      },
    }),
  ];
}
