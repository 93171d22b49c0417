import { loadPackByName } from '../../content/load';
import { emergencyLine, frontDoorContact } from '../../content/describe';
import { checkPack } from '../../content/check';

/** The corrections of issue 16, each against the partnership's own documents (../shared/seeds/). */
const pack = loadPackByName('cheshire-east');
const p = pack.partnership;
const series = (id: string) => p.meetingSeries.find((s) => s.id === id)!;

describe('Cheshire East: statutory partners and quorum', () => {
  it('names three statutory partners, council, police and ICB (arrangements section 8)', () => {
    expect(p.statutoryPartners.map((s) => [s.id, s.name, s.source?.at])).toEqual([
      ['local-authority', 'Cheshire East Council', expect.stringMatching(/^section 8/)],
      ['police', 'Cheshire Police', expect.stringMatching(/^section 8/)],
      ['icb', 'NHS Cheshire and Merseyside Integrated Care Board', expect.stringMatching(/^section 8/)],
    ]);
  });

  it('names education as a local partner, not a statutory one (committee minutes, November 2025)', () => {
    expect(p.localPartners.map((x) => x.id)).toEqual(['education']);
    expect(p.localPartners[0].source?.doc).toBe('committee-2025-11');
    expect(p.agencies.find((a) => a.id === 'education')!.statutoryPartner).toBeUndefined();
  });

  it('makes the board quorate with a representative of each safeguarding partner (section 8)', () => {
    expect(series('partnership-board').quorum).toEqual({ partners: ['local-authority', 'police', 'icb'], source: { doc: 'arrangements', at: expect.stringMatching(/^section 8/) } });
  });
});

describe('Cheshire East: no invented governance', () => {
  it.each(['maqag', 'learning-improvement', 'cspr-group', 'education-board'])('the %s has no cadence, chair or quorum the documents do not give', (id) => {
    const s = series(id);
    expect({ cadence: s.cadence, chair: s.chair, quorum: s.quorum }).toEqual({ cadence: undefined, chair: undefined, quorum: undefined });
    expect(s.source).toBeDefined();
  });

  it('the strategic alliance: March, July and November; chair rotates among the LSPs, order and start to be confirmed; no quorum', () => {
    const s = series('lsp-strategic-alliance');
    expect(s.cadence).toMatchObject({ kind: 'fixed-months', months: [3, 7, 11] });
    expect(s.chair).toMatchObject({ kind: 'rota', every: 'year', toConfirm: expect.stringMatching(/order of the rota/) });
    expect(s.chair && 'start' in s.chair ? s.chair.start : undefined).toBeUndefined();
    expect(s.quorum).toBeUndefined();
  });

  it('the board: six-weekly, two-monthly in 2025, chair rota from the ICB since June 2024 with the rest to be confirmed', () => {
    const s = series('partnership-board');
    expect(s.cadence).toMatchObject({ kind: 'weeks', every: 6 });
    expect(pack.meetings.cadenceOverrides).toEqual([expect.objectContaining({ series: 'partnership-board', from: '2025-01-01', kind: 'months', every: 2, source: expect.objectContaining({ doc: 'arrangements' }) })]);
    expect(s.chair).toMatchObject({ kind: 'rota', among: ['icb', 'council-childrens', 'police'], start: '2024-06-01', toConfirm: expect.stringMatching(/since June 2024/) });
  });

  it('adds the pan-Cheshire CDOP, the priority task and finish groups and independent scrutiny', () => {
    expect(series('cdop')).toMatchObject({ kind: 'panel', cadence: { kind: 'months', every: 3 }, chair: { kind: 'independent' } });
    expect(p.meetingSeries.filter((s) => s.kind === 'task-and-finish').map((s) => s.id)).toEqual(['tfg-contextual-safeguarding', 'tfg-sexual-abuse', 'tfg-education', 'tfg-neglect']);
    for (const s of p.meetingSeries.filter((x) => x.kind === 'task-and-finish')) expect(s.cadence).toMatchObject({ kind: 'months', every: 3, source: { doc: 'arrangements', at: expect.stringMatching(/^section 10/) } });
    expect(p.scrutiny?.summary).toMatch(/Independent Scrutineer/);
    expect(p.scrutiny?.plan.map((x) => x.area)).toEqual(['Contextual safeguarding', 'Sexual abuse', 'Neglect', 'Education as a protective factor']);
  });
});

describe('Cheshire East: people and agencies', () => {
  it('takes the Lead and Delegated Safeguarding Partners from the 2024/25 signature page', () => {
    const people = (role: string) => p.people.filter((x) => x.role === role).map((x) => [x.partner, x.name ?? null, x.source?.doc]);
    expect(people('lead-partner')).toEqual([
      ['local-authority', 'Rob Polkinghorne', 'annual-report-2024-25'],
      ['police', 'Mark Roberts', 'annual-report-2024-25'],
      ['icb', 'Christine Douglas MBE', 'annual-report-2024-25'],
    ]);
    expect(people('delegated-partner')).toEqual([
      ['local-authority', 'Dawn Godfrey', 'annual-report-2024-25'],
      ['police', 'Carlos Brunes', 'annual-report-2024-25'],
      ['icb', 'Josette Nyokindi', 'annual-report-2024-25'],
      ['education', null, 'annual-report-2024-25'],
    ]);
    expect(p.people.some((x) => /Theresa Leavy|Gareth Lee/.test(x.name ?? ''))).toBe(false);
  });

  it.each([
    ['fire-rescue', 'Cheshire Fire and Rescue Service'],
    ['hmp-styal', 'HMP Styal'],
    ['btp', 'British Transport Police'],
    ['adoption-counts', 'Adoption Counts'],
    ['childrens-centres', "Children's centres"],
    ['cwp', 'Cheshire and Wirral Partnership NHS Foundation Trust'],
  ])('lists %s (%s) with its source', (id, name) => {
    const a = p.agencies.find((x) => x.id === id);
    expect(a?.name).toBe(name);
    expect(a?.source).toBeDefined();
    expect(a?.statutoryPartner).toBeUndefined();
  });
});

describe('Cheshire East: contacts and practice detail', () => {
  it('marks the front-door numbers to be confirmed and never shows them as fact', () => {
    expect(p.frontDoor.phone?.toConfirm).toMatch(/in none of the partnership's published documents/);
    expect(p.frontDoor.outOfHoursPhone?.toConfirm).toBeDefined();
    expect(frontDoorContact(p.frontDoor)).toBe('ChECS (Cheshire East Consultation Service; phone number to be confirmed)');
    expect(emergencyLine(pack)).not.toMatch(/0300/);
    const confirmed = { ...pack, partnership: { ...p, frontDoor: { ...p.frontDoor, phone: { value: '0300 123 5012' } } } };
    expect(emergencyLine(confirmed)).toBe('If a child is in immediate danger, call 999. For urgent concerns contact ChECS on 0300 123 5012.');
  });

  it('lets Section 175 answers be "not applicable"', () => {
    expect(pack.audits.templates.find((t) => t.id === 'section-175')!.answerScale).toContain('not applicable');
  });

  it('puts the front-door audits on their fortnightly programme', () => {
    expect(pack.audits.templates.find((t) => t.id === 'front-door-contact-audit')!.programme).toMatchObject({ every: 2, unit: 'week' });
  });

  it('has no fact without a source or a note of what to confirm', () => {
    expect(checkPack('cheshire-east').missing).toEqual([]);
  });
});
