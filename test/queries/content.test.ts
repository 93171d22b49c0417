import { defaultContentPack, parsePackFile } from '../../content/load';
import { TOPIC_IDS } from '../../content/schema/queries';
import { answerCard } from '../../bot/queries/cards';
import { cardText } from '../support/harness';

const content = defaultContentPack().queries;

describe('queries content pack', () => {
  it('has every fixed topic id and at least 40 glossary entries', () => {
    expect(content.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    expect(content.glossary.length).toBeGreaterThanOrEqual(40);
    for (const a of ['NRM', 'DSP', 'LSP', 'LCSPR', 'MAQAG', 'CSE', 'CCE', 'EHCP', 'EHE', 'KCSIE', 'JTAI', 'CDOP', 'MARAC', 'VPA', 'SCIES', 'CSPR', 'ICB']) {
      expect(content.glossary.map((g) => g.acronym)).toContain(a);
    }
  });

  it('gives the escalation route its stages and the pan-Cheshire procedure link', () => {
    const t = content.topics.find((x) => x.id === 'escalation-route')!;
    expect(t.stages?.map((s) => s.title)).toEqual(['Practitioner to practitioner', 'Line managers', 'Senior managers and designated safeguarding leads', 'Statutory safeguarding partners']);
    expect(t.links.map((l) => l.url).join()).toMatch(/proceduresonline\.com\/pancheshire/);
    expect(`${t.summary} ${t.points.join(' ')}`).toMatch(/never delay/);
    expect(t.points.join(' ')).toMatch(/skip/);
    expect(t.points.join(' ')).toMatch(/[Rr]ecord/);
  });

  it('gives the four levels of need with who leads and which assessment', () => {
    const t = content.topics.find((x) => x.id === 'levels-of-need')!;
    expect(t.levels?.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    for (const l of t.levels!) expect(l.lead.length && l.assessment.length).toBeTruthy();
  });

  it.each(content.topics.filter((t) => t.risk).map((t) => [t.id]))('the %s card starts with the immediate-danger line', (id) => {
    const card = answerCard(content, id, 'q-1') as unknown as { body: { text?: string }[] };
    expect(card.body[0].text).toBe(content.immediateDanger);
    expect(card.body[0].text).toMatch(/999/);
    expect(card.body[0].text).toMatch(/ChECS/);
  });

  it('shows timescales for escalation stages when the business unit fills them in', () => {
    const filled = { ...content, topics: content.topics.map((t) => (t.id === 'escalation-route' ? { ...t, stages: t.stages!.map((s, i) => ({ ...s, timescale: i === 0 ? 'Within 2 working days' : undefined })) } : t)) };
    expect(cardText(answerCard(filled, 'escalation-route', 'q'))).toMatch(/Timescale: Within 2 working days/);
    expect(cardText(answerCard(content, 'escalation-route', 'q'))).not.toMatch(/Timescale:/);
  });

  it('rejects a pack that misses a topic, naming the field', () => {
    const broken = { ...content, topics: content.topics.filter((t) => t.id !== 'lado') };
    expect(() => parsePackFile('queries', broken)).toThrow(/queries\.json is invalid at "topics": topic "lado" is missing/);
  });

  it('rejects a lower-case glossary acronym', () => {
    const broken = { ...content, glossary: [...content.glossary, { acronym: 'nrm2', expansion: 'x y z', meaning: 'something long enough' }] };
    expect(() => parsePackFile('queries', broken)).toThrow(/glossary\.\d+\.acronym/);
  });
});
