import heldOut from './testData/held-out.json';
import { loadPhrasingBank } from '../../content/phrasing-bank';
import { PhrasingFileSchema, ANSWER_TOPIC_IDS, OFF_TOPIC } from '../../content/schema/phrasings';
import { defaultContentPack } from '../../content/load';
import { checkChildIdentifying } from '../../bot/shared/privacy/child-identifying';
import { normalise } from '../../bot/queries/normalise';

const bank = loadPhrasingBank();
const content = defaultContentPack().queries;
const held = heldOut as { topic: string; voice: string; kind: string; text: string }[];

describe('the phrasing bank', () => {
  it.each([...ANSWER_TOPIC_IDS, OFF_TOPIC].map((t) => [t]))('has at least 40 phrasings for %s', (topic) => {
    expect(bank.phrasings.filter((p) => p.topic === topic).length).toBeGreaterThanOrEqual(40);
  });

  it('is mostly situations, from at least nine practitioners\' points of view', () => {
    const topical = bank.phrasings.filter((p) => p.topic !== OFF_TOPIC);
    expect(topical.filter((p) => p.kind === 'situation').length / topical.length).toBeGreaterThan(0.5);
    for (const v of ['teacher', 'gp', 'health-visitor', 'midwife', 'police-officer', 'youth-worker', 'social-worker', 'dentist', 'sports-coach']) {
      expect(topical.filter((p) => p.voice === v).length).toBeGreaterThanOrEqual(15);
    }
  });

  it('holds nothing the child-identifying guard flags (phrasings, indicators, the held-out file)', () => {
    const texts = [...bank.phrasings.map((p) => p.text), ...bank.indicators.map((i) => i.text), ...held.map((h) => h.text)];
    expect(texts.filter((t) => checkChildIdentifying(t).flagged)).toEqual([]);
  });

  it('uses national vocabulary only, so every partnership can share it', () => {
    const local = [...bank.phrasings.map((p) => p.text), ...bank.indicators.map((i) => i.text)].filter((t) => /cheshire|checs|cescp|crewe|macclesfield|chester/i.test(t));
    expect(local).toEqual([]);
  });

  it('keeps the held-out file apart: none of its questions is in the bank or the pack', () => {
    const indexed = new Set([...bank.phrasings.map((p) => p.text), ...bank.indicators.map((i) => i.text), ...content.topics.flatMap((t) => [t.title, ...t.phrasings, ...t.keywords])].map(normalise));
    expect(held.filter((h) => indexed.has(normalise(h.text))).map((h) => h.text)).toEqual([]);
    expect(held.length).toBeGreaterThanOrEqual(200);
  });

  it('rejects a bank file with a repeated phrasing or an unknown topic, naming the field', () => {
    const twice = PhrasingFileSchema.safeParse({ topic: 'neglect', phrasings: [{ voice: 'gp', kind: 'question', text: 'signs of neglect' }, { voice: 'gp', kind: 'question', text: 'Signs of neglect' }] });
    expect(twice.success).toBe(false);
    expect(twice.error!.issues[0]).toMatchObject({ path: ['phrasings', 1, 'text'], message: 'appears twice' });
    expect(PhrasingFileSchema.safeParse({ topic: 'not-a-topic', phrasings: [{ voice: 'gp', kind: 'question', text: 'abc' }] }).success).toBe(false);
  });
});
