import { mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadContentPack, loadPackByName, listPacks, parsePackFile, packDir, ContentPackError } from '../../content/load';
import { packFacts, sourceKind, applyOverrides } from '../../content/facts';
import { checkPack, foreignWordsIn, passes } from '../../content/check';
import { documentsOf } from '../../content/describe';

const packs = listPacks();

describe('every content pack', () => {
  it('there are at least two packs, so the format is proven by more than one partnership', () => {
    expect(packs).toEqual(expect.arrayContaining(['cheshire-east', 'cheshire-west-and-chester']));
  });

  describe.each(packs)('%s', (name) => {
    const pack = loadPackByName(name);
    const facts = packFacts(pack);

    it('gives every fact a source or says what must be confirmed', () => {
      const without = facts.filter((f) => sourceKind(pack, f) === 'missing').map((f) => f.id);
      expect(without).toEqual([]);
    });

    it('cites only documents it lists or national documents', () => {
      const docs = new Set(documentsOf(pack).map((d) => d.id));
      expect(facts.filter((f) => f.holder.source && !docs.has(f.holder.source.doc)).map((f) => `${f.id} -> ${f.holder.source!.doc}`)).toEqual([]);
    });

    it('gives every fact a unique, stable id', () => {
      const ids = facts.map((f) => f.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*(\.[A-Za-z0-9-]+)*$/);
    });

    it('passes pack:check: no schema errors, no broken references, no words of another partnership', () => {
      const c = checkPack(name);
      expect({ errors: c.errors, missing: c.missing.map((f) => f.id), unknown: c.unknownSources.map((u) => u.doc), references: c.references, foreign: c.foreign }).toEqual({ errors: [], missing: [], unknown: [], references: [], foreign: [] });
      expect(passes(c)).toBe(true);
    });

    it('has exactly one main group, three statutory partners and agencies mapped to them', () => {
      const p = pack.partnership;
      expect(p.meetingSeries.filter((s) => s.main)).toHaveLength(1);
      expect(p.statutoryPartners).toHaveLength(3);
      const ids = new Set(p.statutoryPartners.map((s) => s.id));
      for (const id of ids) expect(p.agencies.some((a) => a.statutoryPartner === id)).toBe(true);
    });
  });
});

describe('pack:check', () => {
  it('finds another partnership\'s words, but not the ones a pack is allowed to use', () => {
    const words = [{ word: 'Cheshire East', pack: 'a' }, { word: 'ChECS', pack: 'a' }, { word: 'Cheshire West', pack: 'b' }];
    expect(foreignWordsIn('Contact ChECS today', words, [])).toEqual([{ word: 'ChECS', pack: 'a' }]);
    expect(foreignWordsIn('covers Cheshire West and Chester, Halton and Warrington', words, ['Cheshire West and Chester'])).toEqual([]);
    expect(foreignWordsIn('Cheshire Eastern Railway', words, [])).toEqual([]);
  });

  it('fails a copy of a pack with an unsourced fact, naming it', () => {
    const c = checkPack('cheshire-east');
    expect(passes(c)).toBe(true);
    const pack = loadPackByName('cheshire-east');
    const broken = structuredClone(pack);
    delete broken.partnership.statutoryPartners[0].source;
    expect(packFacts(broken).filter((f) => sourceKind(broken, f) === 'missing').map((f) => f.id)).toEqual(['partner.local-authority']);
  });
});

describe('loading packs', () => {
  it.each([
    ['an agency of an unknown kind', (x: any) => (x.agencies[0].kind = 'alien'), /partnership\.json is invalid at "agencies\.0\.kind"/],
    ['a meeting series without a name', (x: any) => delete x.meetingSeries[0].name, /"meetingSeries\.0\.name"/],
    ['a website that is not a URL', (x: any) => (x.website = 'cescp'), /"website"/],
    ['two main groups', (x: any) => (x.meetingSeries[0].main = true), /exactly one group must be marked "main"/],
    ['a quorum naming an unknown partner', (x: any) => (x.meetingSeries[1].quorum = { partners: ['fire'] }), /"meetingSeries\.1\.quorum": "fire" is not a partner/],
    ['a chair rota naming an unknown agency', (x: any) => (x.meetingSeries[1].chair.among = ['nobody', 'police']), /"meetingSeries\.1\.chair\.among": "nobody" is not an agency/],
    ['a chair of an unknown kind', (x: any) => (x.meetingSeries[1].chair = { kind: 'lottery' }), /"meetingSeries\.1\.chair\.kind"/],
  ])('rejects %s with a message naming the field', (_name, breakIt, message) => {
    const copy = JSON.parse(JSON.stringify(loadPackByName('cheshire-east').partnership));
    breakIt(copy);
    expect(() => parsePackFile('partnership', copy)).toThrow(message);
  });

  it('refuses to start from a pack with a broken file, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync(packDir('cheshire-east'), dir, { recursive: true });
    writeFileSync(join(dir, 'partnership.json'), '{ not json');
    expect(() => loadContentPack(dir)).toThrow(ContentPackError);
    expect(() => loadContentPack(dir)).toThrow(/partnership\.json is not valid JSON/);
  });

  it('refuses a pack name that is not a folder, listing the packs', () => {
    expect(() => loadPackByName('../etc')).toThrow(/is not a content pack name/);
    expect(() => loadPackByName('nowhere')).toThrow(/There is no content pack "nowhere"\. Packs: .*cheshire-east/);
  });
});

describe('overrides applied to a pack', () => {
  const base = loadPackByName('cheshire-east');
  const at = (m: number) => `2026-11-29T10:0${m}:00.000Z`;
  it('a confirm clears toConfirm and records who; a change sets the wording; the shipped pack is untouched', () => {
    const out = applyOverrides(base, [
      { kind: 'fact', target: 'front-door.phone', action: 'confirm', createdByName: 'Ann', createdAt: at(1) },
      { kind: 'fact', target: 'topic.neglect', action: 'change', value: 'Neglect: new wording from the business unit.', createdByName: 'Bo', createdAt: at(2) },
    ]);
    expect(out.partnership.frontDoor.phone).toEqual({ value: '0300 123 5012', override: { action: 'confirm', byName: 'Ann', at: at(1) } });
    expect(out.queries.topics.find((t) => t.id === 'neglect')!.summary).toBe('Neglect: new wording from the business unit.');
    expect(base.partnership.frontDoor.phone!.toConfirm).toBeDefined();
    expect(base.queries.topics.find((t) => t.id === 'neglect')!.summary).not.toMatch(/new wording/);
  });
  it('a rule cannot be changed by wording, only confirmed; unknown targets and phrasings are skipped', () => {
    const out = applyOverrides(base, [
      { kind: 'fact', target: 'group.partnership-board.chair', action: 'change', value: 'anything', createdAt: at(1) },
      { kind: 'fact', target: 'no.such.fact', action: 'confirm', createdAt: at(2) },
      { kind: 'phrasing', target: 'neglect', action: 'teach', value: 'a phrasing', createdAt: at(3) },
    ]);
    expect(out.partnership.meetingSeries.find((s) => s.id === 'partnership-board')!.chair).toEqual(base.partnership.meetingSeries.find((s) => s.id === 'partnership-board')!.chair);
  });
  it('the later of two changes wins', () => {
    const out = applyOverrides(base, [
      { kind: 'fact', target: 'glossary.NRM', action: 'change', value: 'second wording, made later', createdAt: at(2) },
      { kind: 'fact', target: 'glossary.NRM', action: 'change', value: 'first wording, made earlier', createdAt: at(1) },
    ]);
    expect(out.queries.glossary.find((g) => g.acronym === 'NRM')!.meaning).toBe('second wording, made later');
  });
});
