import safety from './testData/safety.json';
import { createMatcher, type Matcher, type Match } from '../../bot/queries/matcher';
import { allExamples, fixedExamples } from '../../bot/queries/examples';
import { loadWordVectors, type WordVectors } from '../../bot/queries/semantic/word-vectors';
import { decideReply, harmSigns } from '../../bot/queries/safety';
import { riskCard, suggestCard } from '../../bot/queries/cards';
import { stratifiedFolds } from '../../bot/queries/evaluation';
import { loadPhrasingBank } from '../../content/phrasing-bank';
import { defaultContentPack } from '../../content/load';

const content = defaultContentPack().queries;
const bank = loadPhrasingBank();
const risk = new Set<string>(content.topics.filter((t) => t.risk).map((t) => t.id));
const notSure = (m: Match): Match => ({ ...m, answered: false });

describe('safe when unsure', () => {
  let vectors: WordVectors;
  let full: Matcher;
  /** Each bank phrasing matched by a matcher that never saw it (2 folds), as a new user's question would be. */
  const unseen = new Map<string, Match>();
  beforeAll(async () => {
    vectors = (await loadWordVectors()).vectors;
    full = createMatcher({ content, examples: allExamples(content, bank), vectors });
    const items = bank.phrasings.map((p) => ({ topic: p.topic, text: p.text }));
    const folds = stratifiedFolds(items, 2);
    folds.forEach((test, i) => {
      const train = folds.filter((_, j) => j !== i).flat().map((t) => ({ ...t, source: 'bank' as const }));
      const m = createMatcher({ content, examples: [...fixedExamples(content, bank), ...train], vectors });
      for (const t of test) unseen.set(t.text, m.match(t.text));
    });
  });

  /** The harms the safety rule names: injury, sexual harm, self-harm, going missing, exploitation, a child alone. */
  const HARMS: string[] = ['immediate-danger', 'sexual-abuse', 'self-harm', 'missing-from-home', 'exploitation', 'neglect', 'domestic-abuse'];
  const harmSituations = () => bank.phrasings.filter((p) => HARMS.includes(p.topic) && p.kind === 'situation');

  it('every harm situation in the bank that falls below the threshold leads with the danger line and offers 2-3 risk topics', () => {
    const situations = harmSituations();
    expect(situations.length).toBeGreaterThan(200);
    const failures: string[] = [];
    let below = 0;
    for (const p of situations) {
      const m = unseen.get(p.text)!;
      if (m.answered) continue;
      below++;
      const d = decideReply(p.text, m, risk);
      if (d.kind !== 'risk' || d.options.length < 2 || d.options.length > 3 || d.options.some((o) => !risk.has(o))) failures.push(`${p.topic}: ${p.text} → ${d.kind} ${d.options}`);
    }
    expect(below).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('and so does every harm situation in the bank forced below the threshold', () => {
    const failures = harmSituations().filter((p) => decideReply(p.text, notSure(unseen.get(p.text)!), risk).kind !== 'risk').map((p) => p.text);
    expect(failures).toEqual([]);
  });

  it.each(safety.harm.map((q) => [q]))('%j, when not sure, gets the risk card: danger line first, then the front door', (q) => {
    const d = decideReply(q, notSure(full.match(q)), risk);
    expect(d.kind).toBe('risk');
    const card = riskCard(content, 'Talk it through with the front door.', 'q-1', d.options) as unknown as { body: { text: string }[] };
    expect(card.body[0].text).toBe(content.immediateDanger);
    expect(card.body[1].text).toBe('Talk it through with the front door.');
    expect(JSON.stringify(card)).not.toMatch(/don't have an answer/);
  });

  it.each(safety.offTopic.map((q) => [q]))('%j is off-topic: no danger line, no answer', (q) => {
    const m = full.match(q);
    expect(m.answered).toBe(false);
    expect(decideReply(q, m, risk).kind).toBe('off-topic');
  });

  it('never shows an off-topic request from the bank the danger line, even matched by a matcher that never saw it', () => {
    const shown = bank.phrasings
      .filter((p) => p.topic === 'off-topic')
      .filter((p) => {
        const m = unseen.get(p.text)!;
        const d = decideReply(p.text, m, risk);
        return d.kind === 'risk' || (d.kind === 'answer' && risk.has(m.topic));
      })
      .map((p) => p.text);
    expect(shown).toEqual([]);
  });

  it('keeps the red banner off the "did you mean" card', () => {
    const card = suggestCard(content, 'q-1', ['training'], false) as unknown as { body: { text: string }[] };
    expect(JSON.stringify(card)).not.toContain(content.immediateDanger);
  });

  it.each([
    ['my laptop charger has gone missing', ['missing'], false],
    ['he has bruises on his arms', ['bruises'], true],
    ['she ran away last night', ['ran away'], true],
    ['the kids were home alone', ['home alone'], true],
    ['he took an overdose', ['overdose'], true],
    ['how do I book a meeting room', [], false],
  ])('harm signs in %j', (q, _words, strong) => {
    const signs = harmSigns(q as string);
    expect(signs.some((s) => s.strong)).toBe(strong);
    if ((_words as string[]).length) expect(signs.length).toBeGreaterThan(0);
    else expect(signs).toEqual([]);
  });
});
