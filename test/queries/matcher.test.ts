import phrasings from './testData/phrasings.json';
import { createMatcher } from '../../bot/queries/matcher';
import { defaultContentPack } from '../../content/load';

const matcher = createMatcher(defaultContentPack().queries);
const rows = phrasings as { question: string; topic: string }[];

describe('queries matcher', () => {
  it('has a table of at least 150 phrasings, with off-topic questions', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.topic === 'unknown').length).toBeGreaterThanOrEqual(15);
  });

  it('puts at least 90% of phrasings on the right topic first', () => {
    const misses = rows.filter((r) => matcher.match(r.question).topic !== r.topic).map((r) => `${r.question} → ${matcher.match(r.question).topic} (expected ${r.topic})`);
    const accuracy = 1 - misses.length / rows.length;
    if (accuracy < 0.95) console.log(misses.join('\n'));
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('returns unknown for every off-topic question in the table but at most one', () => {
    const offTopic = rows.filter((r) => r.topic === 'unknown');
    const wrong = offTopic.filter((r) => matcher.match(r.question).topic !== 'unknown');
    expect(wrong.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['what does NRM stand for?', 'glossary:NRM'],
    ['NRM?', 'glossary:NRM'],
    ['what does kcsie mean', 'glossary:KCSIE'],
    ['meaning of MARAC', 'glossary:MARAC'],
    ['what is the escalation route?', 'escalation-route'],
    ['how do I refer', 'front-door'],
    ['what level of need is this', 'levels-of-need'],
    ['', 'unknown'],
    ['???', 'unknown'],
    ['the the the', 'unknown'],
  ])('%j → %s', (q, topic) => {
    expect(matcher.match(q).topic).toBe(topic);
  });

  it('is deterministic and explains itself', () => {
    const a = matcher.match('how do I escalate a disagreement with social care');
    const b = matcher.match('how do I escalate a disagreement with social care');
    expect(a).toEqual(b);
    expect(a.confidence).toBeGreaterThan(0.5);
    expect(a.matchedTerms.length).toBeGreaterThan(0);
  });
});
