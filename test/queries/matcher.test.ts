import phrasings from './testData/phrasings.json';
import { createMatcher, type Matcher } from '../../bot/queries/matcher';
import { allExamples } from '../../bot/queries/examples';
import { loadWordVectors, type WordVectors } from '../../bot/queries/semantic/word-vectors';
import { loadPhrasingBank } from '../../content/phrasing-bank';
import { defaultContentPack } from '../../content/load';
import { crossValidate, figures, stratifiedFolds, isRight } from '../../bot/queries/evaluation';

const content = defaultContentPack().queries;
const bank = loadPhrasingBank();
const rows = phrasings as { question: string; topic: string }[];

describe('queries matcher', () => {
  let vectors: WordVectors;
  let matcher: Matcher;
  beforeAll(async () => {
    vectors = (await loadWordVectors()).vectors;
    matcher = createMatcher({ content, examples: allExamples(content, bank), vectors });
  });

  it.each([
    ['what does NRM stand for?', 'glossary:NRM'],
    ['NRM?', 'glossary:NRM'],
    ['what does kcsie mean', 'glossary:KCSIE'],
    ['meaning of MARAC', 'glossary:MARAC'],
    ['what is the escalation route?', 'escalation-route'],
    ['how do I refer', 'front-door'],
    ['what level of need is this', 'levels-of-need'],
    ['who chairs the partnership board', 'partnership'],
    ['', 'unknown'],
    ['???', 'unknown'],
    ['the the the', 'unknown'],
  ])('%j → %s', (q, topic) => {
    expect(matcher.match(q).topic).toBe(topic);
  });

  it('answers an IT request with the off-topic class, never outright', () => {
    const m = matcher.match('my laptop keeps losing the wifi');
    expect(m.topic).toBe('off-topic');
    expect(m.answered).toBe(false);
  });

  it('is deterministic and explains itself', () => {
    const a = matcher.match('how do I escalate a disagreement with social care');
    const b = matcher.match('how do I escalate a disagreement with social care');
    expect(a).toEqual(b);
    expect(a.topic).toBe('escalation-route');
    expect(a.answered).toBe(true);
    expect(a.matchedTerms.length).toBeGreaterThan(0);
    expect(a.nearest).toEqual(expect.any(String));
  });

  it('still places the earlier table of short questions (a regression guard, not the measure)', () => {
    const misses = rows.filter((r) => !isRight({ expected: r.topic === 'unknown' ? 'off-topic' : r.topic, predicted: matcher.match(r.question).topic }));
    expect(1 - misses.length / rows.length).toBeGreaterThanOrEqual(0.85);
    const offTopicAnswered = rows.filter((r) => r.topic === 'unknown' && matcher.match(r.question).answered);
    expect(offTopicAnswered.map((r) => r.question)).toEqual([]);
  });

  it('answers a taught phrasing outright at once, however unlike the bank it is', () => {
    const q = 'is the blue folder thing on the shared calendar';
    expect(matcher.match(q).answered).toBe(false);
    const taught = createMatcher({ content, examples: allExamples(content, bank, [{ topic: 'training', text: q, source: 'taught' }]), vectors });
    expect(taught.match(q)).toMatchObject({ topic: 'training', answered: true });
  });

  it('uses meaning as well as words: the semantic part beats words alone on unseen folds', () => {
    const items = bank.phrasings.map((p) => ({ topic: p.topic, text: p.text }));
    const fixed = allExamples(content, { phrasings: [], indicators: bank.indicators });
    const withVectors = figures(crossValidate({ items, fixed, k: 3, build: (examples) => createMatcher({ content, examples, vectors }) }));
    const wordsOnly = figures(crossValidate({ items, fixed, k: 3, build: (examples) => createMatcher({ content, examples }) }));
    expect(withVectors.top1).toBeGreaterThan(wordsOnly.top1);
  });
});

describe('evaluation folds', () => {
  it('deal every topic across the folds and keep each phrasing in exactly one', () => {
    const items = bank.phrasings.map((p) => ({ topic: p.topic, text: p.text }));
    const folds = stratifiedFolds(items, 10);
    expect(folds.flat().length).toBe(items.length);
    expect(new Set(folds.flat().map((i) => i.text)).size).toBe(new Set(items.map((i) => i.text)).size);
    for (const f of folds) expect(new Set(f.map((i) => i.topic)).size).toBe(new Set(items.map((i) => i.topic)).size);
  });

  it('never measures a phrasing against an index that holds it', () => {
    const items = [
      { topic: 'training', text: 'a phrasing only in fold one' },
      { topic: 'briefings', text: 'another phrasing' },
    ];
    const seen: string[][] = [];
    crossValidate({ items, fixed: [{ topic: 'training', text: 'a phrasing only in fold one', source: 'pack' }], k: 2, build: (examples) => {
      seen.push(examples.map((e) => e.text));
      return { match: () => ({ topic: 'unknown', confidence: 0, answered: false, alternatives: [], matchedTerms: [] }) };
    } });
    expect(seen.some((s) => s.includes('a phrasing only in fold one'))).toBe(true);
    const foldOfIt = seen.find((s) => s.includes('another phrasing'));
    expect(foldOfIt).not.toContain('a phrasing only in fold one');
  });

  it('counts an off-topic request given any topic outright as answered wrong', () => {
    const f = figures([
      { text: 'a', expected: 'off-topic', predicted: 'training', answered: true, confidence: 0.9 },
      { text: 'b', expected: 'off-topic', predicted: 'unknown', answered: false, confidence: 0 },
      { text: 'c', expected: 'neglect', predicted: 'neglect', answered: true, confidence: 0.9 },
      { text: 'd', expected: 'neglect', predicted: 'front-door', answered: false, confidence: 0.3 },
    ]);
    expect({ top1: f.top1, answeredRight: f.answeredRight, answeredWrong: f.answeredWrong }).toEqual({ top1: 0.5, answeredRight: 0.25, answeredWrong: 0.25 });
    expect(f.perTopic.neglect.confusedWith).toEqual({ 'front-door': 1 });
  });
});
