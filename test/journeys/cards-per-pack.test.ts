import { readFileSync } from 'node:fs';
import { listTemplates } from '../../cards/expand';
import { listPacks, loadPackByName, readPackFile, packDir } from '../../content/load';
import type { Sources } from '../../content/schema/provenance';
import { answerCard } from '../../bot/queries/cards';
import { helpCard } from '../../bot/help/help-card';
import { emergencyLine } from '../../content/describe';
import { foreignIn } from './support';

/**
 * Cards carry no partnership of their own: every template is free of every pack's names, and every
 * answer card a pack can produce (each topic, each glossary entry) names no other partnership.
 */
const allWords = listPacks().flatMap((name) => (readPackFile(packDir(name), 'sources') as Sources).ownWords.map((word) => ({ word, name })));

describe.each(listTemplates().map((t) => [`${t.feature}/${t.name}`, t] as const))('template %s', (_n, ref) => {
  it('names no partnership', () => {
    const text = readFileSync(ref.path, 'utf8');
    expect(allWords.filter((w) => text.toLowerCase().includes(w.word.toLowerCase()))).toEqual([]);
  });
});

describe.each(listPacks())('every answer card under %s', (name) => {
  const pack = loadPackByName(name);
  const cards = [
    ...pack.queries.topics.map((t) => answerCard(pack, t.id, 'q')),
    ...pack.queries.glossary.map((g) => answerCard(pack, `glossary:${g.acronym}`, 'q')),
    helpCard({ commands: [], roles: ['businessUnit'], kind: 'personal', partnership: pack.partnership.name, emergency: emergencyLine(pack) }),
  ];
  it('names no other partnership', () => {
    expect(foreignIn(pack, cards.map((c) => JSON.stringify(c)))).toEqual([]);
  });
  it('every topic card has a Source line', () => {
    for (const t of pack.queries.topics) expect(JSON.stringify(answerCard(pack, t.id, 'q'))).toMatch(/"text":"Source: [^"]+"/);
  });
});
