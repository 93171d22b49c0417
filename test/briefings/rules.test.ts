import { readingTime, wordCount } from '../../bot/briefings/reading-time';
import { parseForm, readyToSend, DEFAULT_REFLECTION, FormDataSchema } from '../../bot/briefings/form-fields';
import { retryDelayMs } from '../../bot/core/outbound/backoff';
import { computeReach, reachCsv, inert } from '../../bot/briefings/reach';
import { searchLibrary } from '../../bot/briefings/library';
import { statusFor } from '../../bot/briefings/record-outcome';
import { claimableForSend } from '../../bot/briefings/claim-batch';
import { judgeText } from '../../bot/shared/privacy/purpose';
const checkText = (t: string) => ({ flagged: judgeText(t, 'narrative', { confirmed: true }).outcome === 'refuse' });
import { visibleTo, mayViewReach } from '../../bot/briefings/visibility';
import { defaultContentPack } from '../../content/load';
import type { Briefing } from '../../storage/briefings/schema';

const pack = defaultContentPack();
const ctx = { priorities: pack.partnership.priorities.map((p) => p.id), agencies: pack.partnership.agencies.map((a) => a.id), now: new Date('2026-11-24T10:00:00Z') };

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    type: 'briefing', id: 'b', pk: 'p', code: 'ABCDEF', title: 'T', source: '', background: '', whyItMatters: '', keyPoints: [], remember: '', actions: '',
    reflection: [], links: [], priorities: [], audience: { kind: 'everyone', conversations: [], roles: [], agencies: [] }, status: 'sent', version: 1, syncedVersion: 1,
    authorId: 'a', authorName: '', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
  };
}

describe('seven-minute reading check (words / 200 per minute)', () => {
  it.each([
    [1, 1, false],
    [200, 1, false],
    [1400, 7, false],
    [1401, 8, true],
    [2000, 10, true],
  ])('%i words → %i minute(s), too long: %s', (words, minutes, tooLong) => {
    const r = readingTime(briefing({ title: '', background: Array.from({ length: words }, () => 'word').join(' ') }));
    expect(r).toMatchObject({ words, minutes, tooLong });
  });
  it('does not count punctuation as words', () => expect(wordCount('a - b , c')).toBe(3));
});

describe('authoring form parsing', () => {
  const base = { briefingId: 'b', title: ' Title ', key1: 'one', key2: '', key3: 'three' };
  it.each([
    ['trims and drops empty key points', {}, (f: any) => expect(f.keyPoints).toEqual(['one', 'three'])],
    ['uses the default reflection questions when none are given', {}, (f: any) => expect(f.reflection).toEqual(DEFAULT_REFLECTION)],
    ['reads links as "title | url"', { links: 'Site | https://example.org/a\nhttps://example.org/b' }, (f: any) => expect(f.links).toEqual([{ title: 'Site', url: 'https://example.org/a' }, { title: 'https://example.org/b', url: 'https://example.org/b' }])],
    ['keeps only known priorities and agencies', { priorities: 'neglect,made-up', audienceKind: 'agencies', agencies: 'police,nowhere' }, (f: any) => {
      expect(f.priorities).toEqual(['neglect']);
      expect(f.audience).toMatchObject({ kind: 'agencies', agencies: ['police'] });
    }],
    ['turns a UK date and time into a UTC instant (BST)', { sendDate: '2026-06-01', sendTime: '09:30' }, (f: any) => expect(f.scheduledFor).toBe('2026-06-01T08:30:00.000Z')],
    ['turns a UK date and time into a UTC instant (GMT)', { sendDate: '2026-12-01', sendTime: '09:30' }, (f: any) => expect(f.scheduledFor).toBe('2026-12-01T09:30:00.000Z')],
  ])('%s', (_name, over, check) => {
    const r = parseForm(FormDataSchema.parse({ ...base, ...over }), ctx);
    expect(r.problem).toBeUndefined();
    check(r.fields);
  });
  it.each([
    ['a link without an address', { links: 'just words' }, /Further reading/],
    ['a time without a date', { sendTime: '10:00' }, /choose a date/],
    ['seven reflection questions', { reflection: 'a\nb\nc\nd\ne\nf\ng' }, /up to six/],
  ])('explains %s', (_name, over, message) => {
    expect(parseForm(FormDataSchema.parse({ ...base, ...over }), ctx).problem).toMatch(message);
  });
  it.each([
    [{ title: '' }, /title/],
    [{ title: 'x' }, /background or at least one key/],
    [{ title: 'x', background: 'y', audience: { kind: 'roles', conversations: [], roles: [], agencies: [] } }, /role/],
    [{ title: 'x', background: 'y', scheduledFor: '2026-11-24T08:00:00Z' }, /in the past/],
    [{ title: 'x', background: 'y' }, undefined],
  ] as [Partial<Briefing>, RegExp | undefined][])('ready to send %#', (over, problem) => {
    const p = readyToSend(briefing(over), ctx.now);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });
});

describe('retry delay', () => {
  it.each([
    [0, 1000, 1000],
    [3, 0, 0],
    [0, 10 * 60_000, 60_000],
  ])('attempt %i with Retry-After %i ms waits %i ms', (attempt, ra, expected) => expect(retryDelayMs(attempt, ra)).toBe(expected));
  it.each([
    [0, 250, 500],
    [2, 1000, 2000],
    [10, 15_000, 30_000],
  ])('attempt %i without Retry-After waits between %i and %i ms', (attempt, lo, hi) => {
    expect(retryDelayMs(attempt, undefined, () => 0)).toBe(lo);
    expect(retryDelayMs(attempt, undefined, () => 0.999999)).toBeLessThanOrEqual(hi);
  });
  it.each([
    [{ ok: true }, 'sent'],
    [{ ok: false, status: 403, kind: 'unreachable' }, 'unreachable'],
    [{ ok: false, status: 404, kind: 'unreachable' }, 'unreachable'],
    [{ ok: false, status: 400, kind: 'failed' }, 'failed'],
    [{ ok: false, status: 429, kind: 'throttled' }, 'failed'],
  ] as const)('records %j as %s', (result, status) => expect(statusFor(result as any)).toBe(status));
});

describe('reach figures', () => {
  const rows = [
    { type: 'delivery', status: 'sent', kind: 'personal', agency: 'police', roles: ['practitioner'] },
    { type: 'delivery', status: 'sent', kind: 'personal', agency: 'police', roles: ['dsp', 'practitioner'] },
    { type: 'delivery', status: 'sent', kind: 'personal', agency: 'icb', roles: ['practitioner'] },
    { type: 'delivery', status: 'unreachable', kind: 'personal', agency: 'icb', roles: ['practitioner'] },
    { type: 'delivery', status: 'sent', kind: 'channel', roles: [] },
    { type: 'response', agency: 'police', roles: ['practitioner'], readAt: 'x', useful: 'yes', reflection: '=cmd|calc' },
    { type: 'response', agency: 'icb', roles: ['practitioner'], readAt: 'x', useful: 'no' },
  ];
  const reach = computeReach(rows, pack.partnership.agencies);
  it('counts delivered, channels, not delivered, read and usefulness', () => {
    expect(reach).toMatchObject({ delivered: 3, channels: 1, notDelivered: 1, read: 2, useful: { yes: 1, partly: 0, no: 1 }, reflections: 1 });
  });
  it('breaks figures down by agency and role', () => {
    expect(reach.byAgency.find((g) => g.key === 'police')).toMatchObject({ name: 'Cheshire Constabulary', delivered: 2, read: 1, yes: 1 });
    expect(reach.byRole.find((g) => g.key === 'practitioner')).toMatchObject({ delivered: 3, read: 2 });
  });
  it('exports figures only unless reflections are asked for, and never as spreadsheet formulas', () => {
    const plain = reachCsv({ code: 'ABCDEF', title: 'T' }, reach, rows, pack.partnership.agencies, false);
    expect(plain).not.toMatch(/cmd/);
    expect(plain.split('\n')[0]).toBe('briefing,title,group,name,delivered,read,useful_yes,useful_partly,useful_no');
    const withText = reachCsv({ code: 'ABCDEF', title: 'T' }, reach, rows, pack.partnership.agencies, true);
    expect(withText).toMatch(/'=cmd\|calc/);
    expect(inert('+1')).toBe("'+1");
  });
});

describe('library search', () => {
  const all = [
    briefing({ id: '1', title: 'Neglect screening', priorities: ['neglect'], sentAt: '2026-01-01' }),
    briefing({ id: '2', title: 'Online harm', background: 'exploitation outside the home', priorities: ['contextual-safeguarding'], sentAt: '2026-02-01' }),
    briefing({ id: '3', title: 'Infant safety', background: 'babies and bruising', sentAt: '2026-03-01' }),
  ];
  it.each([
    ['', ['3', '2', '1']],
    ['neglect', ['1']],
    ['contextual', ['2']],
    ['Exploitation home', ['2']],
    ['babies neglect', []],
  ])('"%s" finds %j', (q, ids) => expect(searchLibrary(all, q, pack.partnership.priorities).items.map((b) => b.id)).toEqual(ids));
});

describe('child-identifying check on free text', () => {
  it.each([
    ['I will use the screening tool in supervision', false],
    ['Saw the family at CW1 2AB', true],
    ['DOB 01/02/2019', true],
    ['Call 07700 900123', true],
  ])('%s → flagged %s', (text, flagged) => expect(checkText(text).flagged).toBe(flagged));
});

describe('who may see a briefing and its reach', () => {
  const aud = (kind: any, extra: any = {}) => ({ audience: { kind, conversations: [], roles: [], agencies: [], ...extra } });
  it.each([
    [{ roles: [], agency: 'police' }, aud('everyone'), true],
    [{ roles: [], agency: 'police' }, aud('agencies', { agencies: ['police'] }), true],
    [{ roles: [], agency: 'icb' }, aud('agencies', { agencies: ['police'] }), false],
    [{ roles: [], agency: undefined }, aud('roles', { roles: ['practitioner'] }), true],
    [{ roles: [], agency: undefined }, aud('roles', { roles: ['dsp'] }), false],
    [{ roles: ['dsp'], agency: undefined }, aud('roles', { roles: ['dsp'] }), true],
    [{ roles: ['businessUnit'], agency: undefined }, aud('roles', { roles: ['chair'] }), true],
  ] as any[])('%j sees %j: %s', (member, b, expected) => expect(visibleTo(member, b)).toBe(expected));
  it.each([
    [{ id: 'x', roles: ['businessUnit'] }, true],
    [{ id: 'author', roles: [] }, true],
    [{ id: 'x', roles: ['dsp'] }, false],
  ] as any[])('%j may view reach: %s', (member, expected) => expect(mayViewReach(member, { authorId: 'author' })).toBe(expected));
});

describe('claimableForSend: who may take a delivery (the same rule as the claim query)', () => {
  const NOW = 1_000_000;
  const d = (status: 'queued' | 'sending' | 'sent' | 'failed', claimUntil: number, claimedBy?: string) =>
    ({ type: 'delivery', id: 'd', pk: 'b', briefingId: 'b', recipient: 'r', status, claimUntil, claimedBy, attempts: 0, shown: 0, updatedAt: '' }) as never;
  it.each([
    ['queued, never claimed', d('queued', 0), true],
    ['queued, claim still running', d('queued', NOW + 1), false],
    ['sending by me, claim running', d('sending', NOW + 1, 'me'), false],
    ['sending by me, claim expired', d('sending', NOW - 1, 'me'), true],
    ['sending by another worker (it stopped: we hold the lease)', d('sending', NOW + 1, 'other'), true],
    ['sent', d('sent', 0), false],
    ['failed', d('failed', 0), false],
  ])('%s -> %s', (_label, delivery, expected) => {
    expect(claimableForSend(delivery, NOW, 'me')).toBe(expected);
  });
});
