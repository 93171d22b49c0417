import { defaultContentPack, parsePackFile } from '../../content/load';
import { TOPIC_IDS } from '../../content/schema/queries';
import { answerCard } from '../../bot/queries/cards';
import { cardText } from '../support/harness';

const pack = defaultContentPack();
const content = pack.queries;
const topic = (id: string) => content.topics.find((x) => x.id === id)!;
const words = (id: string) => { const t = topic(id); return [t.summary, ...t.points.map((p) => p.text), ...(t.stages ?? []).map((s) => `${s.title} ${s.text}`)].join(' '); };

describe('queries content pack', () => {
  it('has every fixed topic id and the glossary the practitioners need', () => {
    expect(content.topics.map((t) => t.id).sort()).toEqual([...TOPIC_IDS].sort());
    expect(content.glossary.length).toBeGreaterThanOrEqual(40);
    for (const a of ['NRM', 'DSP', 'LSP', 'LCSPR', 'MAQAG', 'CSE', 'CCE', 'EHCP', 'EHE', 'KCSIE', 'JTAI', 'CDOP', 'MARAC', 'VPA', 'SCIES', 'CSPR', 'ICB']) {
      expect(content.glossary.map((g) => g.acronym)).toContain(a);
    }
  });

  it('expands the acronyms issue 15 asked for, and ERASE and ICON, each with its source', () => {
    for (const a of ['PCC', 'SARC', 'UASC', 'AIM', 'DCS', 'CIN', 'CSC', 'PEP', 'CWP', 'WT23', 'ERASE', 'ICON']) {
      const g = content.glossary.find((x) => x.acronym === a);
      expect({ a, found: Boolean(g), sourced: Boolean(g?.source) }).toEqual({ a, found: true, sourced: true });
    }
    expect(content.glossary.find((g) => g.acronym === 'PCC')!.expansion).toBe('Police and Crime Commissioner');
    expect(content.glossary.find((g) => g.acronym === 'ICON')!.expansion).toMatch(/Infant crying is normal/);
    // The documents never say what ERASE stands for: the pack says so instead of inventing it.
    expect(content.glossary.find((g) => g.acronym === 'ERASE')!.toConfirm).toMatch(/do not say what ERASE stands for/);
  });

  it('escalation: statutory partners arbitrate; the PCC, lead members and independent persons can help; MAQAG reports to the board and the alliance', () => {
    const t = topic('escalation-route');
    expect(t.stages!.map((s) => s.id)).toEqual(['speak-up', 'use-the-policy', 'multi-agency-meeting', 'statutory-partners', 'wider-help']);
    expect(words('escalation-route')).toMatch(/three statutory partners \(council, police and ICB\) act as arbitrators/);
    expect(words('escalation-route')).toMatch(/Police and Crime Commissioner, lead members and independent persons/);
    expect(words('escalation-route')).toMatch(/Multi-Agency Quality Assurance Group, which reports to the partnership board and the Strategic Alliance Group/);
    expect(t.links.map((l) => l.url).join()).toMatch(/proceduresonline\.com\/pancheshire/);
    for (const s of t.stages!) expect(s.source).toEqual({ doc: 'arrangements', at: expect.stringMatching(/^section 20/) });
  });

  it('levels of need: "complex" belongs to statutory and specialist help, and the threshold document is under review', () => {
    const t = topic('levels-of-need');
    expect(t.framework?.name).toBe('Right Help, Right Time');
    expect(t.levels!.map((l) => [l.number, l.name, l.band])).toEqual([
      [1, 'Universal', 'universal'],
      [2, 'Extra help', 'additional'],
      [3, 'Targeted help', 'multi-agency'],
      [4, 'Statutory and specialist help', 'statutory'],
    ]);
    expect(t.levels![3].meaning).toMatch(/more complex/);
    expect(t.levels!.slice(0, 3).map((l) => l.meaning).join(' ')).not.toMatch(/complex/);
    expect(words('levels-of-need')).toMatch(/threshold document is being reviewed/);
  });

  it('neglect: GCP2 is the assessment tool; the screening tool is separate and being revised; a new strategy and toolkit', () => {
    expect(words('neglect')).toMatch(/GCP2 \(Graded Care Profile 2\) is the assessment tool for neglect/);
    expect(words('neglect')).toMatch(/neglect screening tool is a separate tool and is being revised/);
    expect(words('neglect')).toMatch(/new multi-agency neglect strategy and toolkit/);
    expect(content.glossary.find((g) => g.acronym === 'GCP2')!.meaning).not.toMatch(/screening/);
  });

  it('harmful sexual behaviour: ERASE, AIM and the signs and indicators tool are named', () => {
    expect(words('sexual-abuse')).toMatch(/ERASE tool and AIM assessments/);
    expect(words('sexual-abuse')).toMatch(/Signs and Indicators tool is the partnership's multi-agency tool/);
  });

  it('serious incidents: five working days, and care-leaver deaths up to 24 are notified (arrangements section 17)', () => {
    expect(words('serious-incident')).toMatch(/five working days/);
    const p = topic('serious-incident').points.find((x) => x.id === 'care-leavers')!;
    expect(p.text).toMatch(/death of a care leaver up to and including the age of 24/);
    expect(p.source).toEqual({ doc: 'arrangements', at: 'section 17' });
  });

  it.each(content.topics.filter((t) => t.risk).map((t) => [t.id]))('the %s card starts with the immediate-danger line and ends with its source', (id) => {
    const card = answerCard(pack, id, 'q-1') as unknown as { body: { text?: string }[] };
    expect(card.body[0].text).toBe(content.immediateDanger);
    expect(card.body[0].text).toMatch(/999/);
    expect(card.body[0].text).toMatch(/ChECS/);
    expect(cardText(card)).toMatch(/^Source: .+/m);
  });

  it('marks statements still to be confirmed on the card, and says so in the Source line', () => {
    const text = cardText(answerCard(pack, 'front-door', 'q'));
    expect(text).toMatch(/Have the key facts ready: .+ \(to be confirmed\)/);
    expect(text).toMatch(/Source: CESCP arrangements \(section 3 .+\); Working Together 2023 \(chapter 3 \(making a referral\)\)/);
    expect(text).toMatch(/Parts marked "to be confirmed" are awaiting the partnership/);
    expect(text).not.toMatch(/Talk to the family .+\(to be confirmed\)/);
  });

  it('never shows an unconfirmed front-door number as fact', () => {
    const text = cardText(answerCard(pack, 'front-door', 'q'));
    expect(text).toContain("ChECS's phone number is to be confirmed by the partnership.");
    expect(text).not.toMatch(/0300/);
  });

  it('shows timescales for escalation stages when the business unit fills them in', () => {
    const filled = { ...pack, queries: { ...content, topics: content.topics.map((t) => (t.id === 'escalation-route' ? { ...t, stages: t.stages!.map((s, i) => ({ ...s, timescale: i === 0 ? 'Within 2 working days' : undefined })) } : t)) } };
    expect(cardText(answerCard(filled, 'escalation-route', 'q'))).toMatch(/Timescale: Within 2 working days/);
    expect(cardText(answerCard(pack, 'escalation-route', 'q'))).not.toMatch(/Timescale:/);
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
