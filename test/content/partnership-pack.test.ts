import { loadContentPack, parsePackFile, ContentPackError, DEFAULT_PACK_DIR } from '../../content/load';
import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const pack = loadContentPack();
const p = pack.partnership;

describe('Cheshire East content pack', () => {
  it('names the four statutory partners, education among them', () => {
    expect(p.statutoryPartners.map((s) => s.id)).toEqual(['local-authority', 'police', 'icb', 'education']);
  });

  it('makes the board quorate only with every safeguarding partner', () => {
    const board = p.meetingSeries.find((s) => s.id === 'partnership-board')!;
    expect(board.quorum.sort()).toEqual(['education', 'icb', 'local-authority', 'police']);
    expect(board.chair.rule).toBe('rota-annual');
  });

  it('meets as Lead Safeguarding Partners in March, July and November', () => {
    expect(p.meetingSeries.find((s) => s.id === 'lsp-strategic-alliance')!.cadence).toEqual({ kind: 'fixed-months', months: [3, 7, 11] });
  });

  it('has the four partnership priorities', () => {
    expect(p.priorities.map((x) => x.id)).toEqual(['contextual-safeguarding', 'child-sexual-abuse', 'education-protective', 'neglect']);
  });

  it('maps every agency that counts for quorum to a real statutory partner', () => {
    const ids = new Set(p.statutoryPartners.map((s) => s.id));
    for (const a of p.agencies) if (a.statutoryPartner) expect(ids.has(a.statutoryPartner)).toBe(true);
  });

  it.each([
    ['an agency of an unknown kind', (x: any) => (x.agencies[0].kind = 'alien'), /partnership\.json is invalid at "agencies\.0\.kind"/],
    ['a meeting series without a name', (x: any) => delete x.meetingSeries[0].name, /"meetingSeries\.0\.name"/],
    ['a website that is not a URL', (x: any) => (x.website = 'cescp'), /"website"/],
  ])('rejects %s with a message naming the field', (_name, breakIt, message) => {
    const copy = JSON.parse(JSON.stringify(p));
    breakIt(copy);
    expect(() => parsePackFile('partnership', copy)).toThrow(message);
  });

  it('refuses to start from a pack with a broken file, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'partnership.json'), '{ not json');
    expect(() => loadContentPack(dir)).toThrow(ContentPackError);
    expect(() => loadContentPack(dir)).toThrow(/partnership\.json is not valid JSON/);
  });
});
