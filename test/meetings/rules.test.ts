import { quorum, representedAgency, type QuorumResponse } from '../../bot/meetings/quorum';
import { chairFor } from '../../bot/meetings/chair-rota';
import { agendaTiming } from '../../bot/meetings/agenda-timing';
import { reminderSchedule, defaultPapersDeadline, dueReminders } from '../../bot/meetings/reminder-schedule';
import { plannedCount, attendanceByAgency } from '../../bot/meetings/attendance-report';
import { parseQuickAgenda } from '../../bot/meetings/quick-agenda';
import { defaultContentPack } from '../../content/load';
import { formatDateTime } from '../../bot/shared/time/working-days';

const pack = defaultContentPack();
const board = pack.partnership.meetingSeries.find((s) => s.id === 'partnership-board')!;
const partnerOf = (agency: string) => pack.partnership.agencies.find((a) => a.id === agency)?.statutoryPartner;
const q = (responses: QuorumResponse[], required = board.quorum?.partners ?? []) => quorum(required, pack.partnership.statutoryPartners, partnerOf, responses);

describe('quorum (the board: a representative of each of the three safeguarding partners, arrangements section 8)', () => {
  const all: QuorumResponse[] = [
    { agency: 'council-childrens', response: 'attending' },
    { agency: 'police', response: 'attending' },
    { agency: 'icb', response: 'attending' },
  ];
  it('needs the council, the police and the ICB, and not education', () => {
    expect(board.quorum?.partners).toEqual(['local-authority', 'police', 'icb']);
  });
  it.each<[string, QuorumResponse[], boolean, string]>([
    ['the three safeguarding partners attending', all, true, 'Quorate: local authority ✓, police ✓, ICB ✓'],
    ['education attending adds nothing and is not required', [...all, { agency: 'education', response: 'attending' }], true, 'Quorate: local authority ✓, police ✓, ICB ✓'],
    ['education alone with two partners is not quorate', [...all.slice(0, 2), { agency: 'education', response: 'attending' }], false, 'ICB ✗ (not quorate yet)'],
    ['ICB sends apologies', all.map((r) => (r.agency === 'icb' ? { ...r, response: 'apologies' } : r)), false, 'Quorate: local authority ✓, police ✓, ICB ✗ (not quorate yet)'],
    ['ICB sends a named deputy', all.map((r) => (r.agency === 'icb' ? { ...r, response: 'deputy', deputyName: 'Designated nurse' } : r)), true, 'ICB ✓'],
    ['ICB deputy with no name does not count', all.map((r) => (r.agency === 'icb' ? { ...r, response: 'deputy', deputyName: ' ' } : r)), false, 'ICB ✗'],
    ['public health counts for the local authority', [{ agency: 'council-public-health', response: 'attending' }, ...all.slice(1)], true, 'local authority ✓'],
    ['relevant agencies never make quorum', [{ agency: 'voluntary', response: 'attending' }, { agency: 'mid-cheshire-trust', response: 'attending' }, { agency: 'btp', response: 'attending' }], false, 'local authority ✗, police ✗, ICB ✗'],
    ['nobody has replied', [], false, 'local authority ✗'],
  ])('%s', (_name, responses, quorate, line) => {
    const r = q(responses);
    expect(r.quorate).toBe(quorate);
    expect(r.line).toContain(line);
  });
  it('a group with no quorum rule is always quorate', () => {
    expect(q([], [])).toMatchObject({ applies: false, quorate: true, line: 'No quorum rule for this group.' });
  });
});

describe('a deputy counts for the agency of the member they stand in for', () => {
  it.each<[string, QuorumResponse, string | undefined]>([
    ['ICB member sends a named deputy from a hospital trust', { agency: 'icb', response: 'deputy', deputyName: 'Safeguarding lead', deputyAgency: 'mid-cheshire-trust' }, 'icb'],
    ['police member sends a named deputy from the police', { agency: 'police', response: 'deputy', deputyName: 'Detective Inspector', deputyAgency: 'police' }, 'police'],
    ['council member sends a named deputy with no agency given', { agency: 'council-childrens', response: 'deputy', deputyName: 'Head of service' }, 'council-childrens'],
    ['voluntary member sends a deputy from the council: still the voluntary sector', { agency: 'voluntary', response: 'deputy', deputyName: 'Service manager', deputyAgency: 'council-childrens' }, 'voluntary'],
    ['an unnamed deputy counts for nobody', { agency: 'icb', response: 'deputy', deputyName: '', deputyAgency: 'icb' }, undefined],
    ['apologies count for nobody', { agency: 'icb', response: 'apologies' }, undefined],
    ['attending counts for the member', { agency: 'police', response: 'attending' }, 'police'],
  ])('%s', (_name, response, agency) => {
    expect(representedAgency(response)).toBe(agency);
  });
  it.each<[string, QuorumResponse[], boolean, string]>([
    ['an ICB deputy from a hospital trust keeps the board quorate', [{ agency: 'council-childrens', response: 'attending' }, { agency: 'police', response: 'attending' }, { agency: 'icb', response: 'deputy', deputyName: 'Safeguarding lead', deputyAgency: 'mid-cheshire-trust' }], true, 'ICB ✓'],
    ['a council officer deputising for the voluntary sector does not make the council present', [{ agency: 'voluntary', response: 'deputy', deputyName: 'Service manager', deputyAgency: 'council-childrens' }, { agency: 'police', response: 'attending' }, { agency: 'icb', response: 'attending' }], false, 'local authority ✗'],
  ])('%s', (_name, responses, quorate, line) => {
    const r = q(responses);
    expect(r.quorate).toBe(quorate);
    expect(r.line).toContain(line);
  });
});

describe('chair rules', () => {
  const rota = { kind: 'rota' as const, who: 'the delegated partners', among: ['council-childrens', 'police', 'icb'], every: 'year' as const, start: '2025-04-01' };
  it.each([
    ['2025-04-01', 'council-childrens'],
    ['2026-03-31', 'council-childrens'],
    ['2026-04-01', 'police'],
    ['2027-05-10', 'icb'],
    ['2028-04-01', 'council-childrens'],
    ['2025-03-31', 'icb'],
  ])('annual rota on %s: %s chairs', (date, agency) => {
    expect(chairFor(rota, date).agency).toBe(agency);
  });
  it.each([
    [0, 'council-childrens'],
    [1, 'police'],
    [2, 'icb'],
    [3, 'council-childrens'],
  ])('per-meeting rota, meeting index %i: %s', (i, agency) => {
    expect(chairFor({ ...rota, every: 'meeting' }, '2026-01-01', i).agency).toBe(agency);
  });
  it('an annual rota with no start date cannot say whose turn it is, and says so', () => {
    expect(chairFor({ ...rota, start: undefined }, '2026-01-01')).toEqual({ reason: 'the delegated partners take turns each year; whose turn it is is to be confirmed' });
  });
  it('an unconfirmed rota is marked in the reason', () => {
    expect(chairFor({ ...rota, toConfirm: 'Confirm the order of the rota.' }, '2026-01-01').reason).toMatch(/rota order to be confirmed$/);
  });
  it('an independent chair is named only when the name is confirmed', () => {
    const people = [{ id: 'ic', role: 'independent-chair' as const, name: 'A Chair', title: 'Independent Chair' }];
    expect(chairFor({ kind: 'independent', person: 'ic' }, '2026-01-01', 0, people)).toEqual({ name: 'A Chair, Independent Chair', reason: 'chaired by the independent chair' });
    expect(chairFor({ kind: 'independent', person: 'ic' }, '2026-01-01', 0, [{ ...people[0], toConfirm: 'Named in an old report.' }])).toEqual({ name: 'Independent Chair', reason: 'chaired by the independent chair (name to be confirmed)' });
  });
  it('an elected chair and a chair not set have no agency', () => {
    expect(chairFor({ kind: 'elected', by: 'the group' }, '2026-01-01')).toEqual({ reason: 'the chair is elected by the group' });
    expect(chairFor(undefined, '2026-01-01')).toEqual({ reason: 'who chairs is not set by the partnership (to be confirmed)' });
  });
  it('the board: the ICB has chaired since June 2024 (annual report 2024/25); the order after it is still to be confirmed', () => {
    expect(board.chair).toMatchObject({ kind: 'rota', among: ['icb', 'council-childrens', 'police'], every: 'year', start: '2024-06-01' });
    expect(chairFor(board.chair, '2024-09-01').agency).toBe('icb');
    expect(chairFor(board.chair, '2024-09-01').reason).toMatch(/to be confirmed/);
  });
});

describe('agenda timing', () => {
  it.each<[string, string, number, number[], string[], number]>([
    ['winter, fits', '2026-01-13T10:00:00Z', 150, [10, 20, 30], ['10:00-10:10', '10:10-10:30', '10:30-11:00'], 0],
    ['summer time shows London hours', '2026-07-14T09:00:00Z', 60, [30, 30], ['10:00-10:30', '10:30-11:00'], 0],
    ['overrun is warned', '2026-01-13T10:00:00Z', 60, [45, 30], ['10:00-10:45', '10:45-11:15'], 15],
    ['no items', '2026-01-13T10:00:00Z', 60, [], [], 0],
  ])('%s', (_n, start, length, minutes, slots, over) => {
    const t = agendaTiming(start, length, minutes.map((m) => ({ minutes: m })));
    expect(t.slots.map((s) => `${s.start}-${s.end}`)).toEqual(slots);
    expect(t.overBy).toBe(over);
    expect(Boolean(t.warning)).toBe(over > 0);
  });
});

describe('reminder schedule on working days', () => {
  const rules = pack.meetings.reminders;
  it.each([
    ['ordinary week', '2026-01-15T10:00:00Z', '2026-01-08', '2026-01-13', '2026-01-14'],
    ['after the spring bank holiday', '2026-05-26T09:00:00Z', '2026-05-18', '2026-05-21', '2026-05-22'],
    ['Monday after New Year', '2026-01-05T10:00:00Z', '2025-12-24', '2025-12-31', '2026-01-02'],
  ])('%s', (_n, startsAt, papers, rsvp, quorumDay) => {
    const deadline = defaultPapersDeadline(startsAt, pack.meetings.papersDeadlineWorkingDays);
    expect(deadline).toBe(papers);
    const s = reminderSchedule(startsAt, deadline, rules);
    expect(s.map((r) => [r.kind, r.date])).toEqual([['papers', papers], ['rsvp', rsvp], ['quorum', quorumDay]]);
    expect(formatDateTime(s[1].at)).toContain(rules.sendAt);
  });
  it('a papers deadline set on a Saturday moves back to Friday', () => {
    expect(reminderSchedule('2026-01-20T10:00:00Z', '2026-01-10', rules)[0].date).toBe('2026-01-09');
  });
  it('nothing is due once the meeting has started, and only reached reminders before', () => {
    expect(dueReminders('2026-01-15T10:00:00Z', '2026-01-08', rules, new Date('2026-01-15T10:00:00Z'))).toEqual([]);
    expect(dueReminders('2026-01-15T10:00:00Z', '2026-01-08', rules, new Date('2026-01-13T12:00:00Z')).map((r) => r.kind)).toEqual(['papers', 'rsvp']);
  });
});

describe('meetings planned and attendance by agency', () => {
  it.each<[string, Parameters<typeof plannedCount>[0], string, string, number]>([
    ['board every 6 weeks over a year', { kind: 'weeks', every: 6 }, '2026-04-01', '2027-03-31', 8],
    ['LSPs in March, July and November', { kind: 'fixed-months', months: [3, 7, 11] }, '2025-04-01', '2026-03-31', 3],
    ['monthly CSPR group over a quarter', { kind: 'months', every: 1 }, '2026-01-01', '2026-03-31', 3],
    ['nothing planned in an empty period', { kind: 'weeks', every: 6 }, '2026-04-01', '2026-03-01', 0],
  ])('%s', (_n, cadence, from, to, n) => {
    expect(plannedCount(cadence, [], from, to)).toBe(n);
  });
  it('plans nothing to count against for a group convened as needed or with no cadence set', () => {
    expect(plannedCount({ kind: 'as-needed' }, [], '2026-04-01', '2027-03-31')).toBeUndefined();
    expect(plannedCount(undefined, [], '2026-04-01', '2027-03-31')).toBeUndefined();
  });
  it('counts the board two-monthly in 2025 (pack override) and 6-weekly after', () => {
    const overrides = pack.meetings.cadenceOverrides.filter((o) => o.series === 'partnership-board');
    expect(plannedCount(board.cadence, overrides, '2025-01-01', '2025-12-31')).toBe(6);
    expect(plannedCount(board.cadence, overrides, '2025-01-01', '2026-06-30')).toBe(6 + 4);
  });
  it('gives each agency the share of held meetings it attended', () => {
    const held = (present: string[], absent: string[] = []) => ({ status: 'held' as const, attendance: [...present.map((agency) => ({ agency, present: true })), ...absent.map((agency) => ({ agency, present: false }))] });
    const r = attendanceByAgency([held(['police', 'icb', 'education']), held(['police', 'icb'], ['education']), held(['police'], ['icb', 'education']), held(['police', 'education'], ['icb']), { status: 'cancelled' }]);
    expect(r.held).toBe(4);
    expect(r.rows).toEqual([
      { agency: 'police', attended: 4, held: 4, percent: 100 },
      { agency: 'education', attended: 2, held: 4, percent: 50 },
      { agency: 'icb', attended: 2, held: 4, percent: 50 },
    ]);
  });
});

describe('quick agenda text', () => {
  const agencies = pack.partnership.agencies;
  it.each<[string, string, number, RegExp | undefined]>([
    ['a full line', 'Rapid review update | Chair of CSPR group | council-childrens | 20 | assurance | https://example.org/p.pdf', 1, undefined],
    ['title only takes defaults', 'Any other business', 1, undefined],
    ['no title', ' | Chair | police | 10 | decision', 0, /needs a title/],
    ['bad minutes', 'Item | x | police | ten | decision', 0, /whole number/],
    ['bad type', 'Item | x | police | 10 | vote', 0, /type must be/],
    ['unknown agency', 'Item | x | fire | 10 | decision', 0, /not an agency/],
    ['paper link not https', 'Item | x | police | 10 | decision | http://x', 0, /https/],
    // Issue 19, item 5: the agency as the bot itself shows it is accepted, not only its id.
    ['agency by the short name the bot shows', "Early help offer | Head of service | CEC children's services | 20 | assurance", 1, undefined],
    ['agency by its full name, any case', 'Health update | Designated nurse | nhs cheshire and merseyside icb | 15', 1, undefined],
  ])('%s', (_n, text, count, error) => {
    const r = parseQuickAgenda(text, agencies);
    expect(r.items).toHaveLength(count);
    if (error) expect(r.errors.join(' ')).toMatch(error);
  });
  it('takes no items at all when any line is wrong', () => {
    const r = parseQuickAgenda('Good item\n | no title', agencies);
    expect(r.errors).toHaveLength(1);
  });
  it('stores the agency id whichever way it was written', () => {
    expect(parseQuickAgenda("Item | x | CEC children's services | 10", agencies).items[0].agency).toBe('council-childrens');
  });
});
