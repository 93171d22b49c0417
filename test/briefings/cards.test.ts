import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as AC from 'adaptivecards';
import { expandCard, MAX_CARD_BYTES } from '../../cards/expand';

const dir = join(__dirname, '..', '..', 'cards', 'briefings');
const names = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json')).map((f) => f.slice(0, -5));

function walk(n: unknown, visit: (o: Record<string, unknown>) => void) {
  if (Array.isArray(n)) return n.forEach((x) => walk(x, visit));
  if (n && typeof n === 'object') {
    visit(n as Record<string, unknown>);
    Object.values(n).forEach((x) => walk(x, visit));
  }
}

/** Parses in the Adaptive Cards renderer and returns its validation failures (Teams-only props aside). */
function rendererFailures(card: object): string[] {
  const ac = new AC.AdaptiveCard();
  ac.parse(card, new AC.SerializationContext());
  const v = ac.validateProperties();
  const out: string[] = [];
  for (let i = 0; i < v.validationEvents.length; i++) out.push(v.validationEvents[i].message);
  return out.filter((m) => !/msteams/i.test(m));
}

describe('briefings card templates', () => {
  it('has the templates the feature uses', () => expect(names.sort()).toEqual(['briefing', 'confirm', 'form', 'library', 'progress', 'reach', 'withdrawn']));

  it.each(names)('%s expands with its sample, is AC 1.5, under 28 KB, wraps text, labels inputs and uses briefings.* verbs', (name) => {
    const sample = JSON.parse(readFileSync(join(dir, `${name}.sample.json`), 'utf8'));
    const card = expandCard('briefings', name, sample);
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
    walk(card, (o) => {
      if (o.type === 'TextBlock') expect(o.wrap).toBe(true);
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) {
        expect(o.label).toBeTruthy();
        expect(o.errorMessage).toBeTruthy();
      }
      if (o.type === 'Action.Execute') expect(o.verb).toMatch(/^briefings\.[a-z]+$/);
    });
    expect(rendererFailures(card)).toEqual([]);
  });

  it('a briefing with every field at its maximum stays under 28 KB', () => {
    const long = (n: number) => 'x'.repeat(n);
    const card = expandCard('briefings', 'briefing', {
      ...JSON.parse(readFileSync(join(dir, 'briefing.sample.json'), 'utf8')),
      title: long(200), source: long(300), background: long(3000), whyItMatters: long(3000),
      keyPoints: [1, 2, 3].map((n) => ({ n, text: long(1500) })), remember: long(2000), actions: long(2000),
      reflection: Array.from({ length: 6 }, () => ({ text: long(300) })), links: Array.from({ length: 8 }, () => ({ title: long(200), url: `https://e.org/${long(400)}` })),
      reflectionText: long(1000),
    });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });
});

import { briefingCard, formCard, progressCard, reachCard, withdrawnCard } from '../../bot/briefings/cards';
import { computeReach } from '../../bot/briefings/reach';
import { emptyCounts } from '../../storage/briefings/repository';
import { defaultContentPack } from '../../content/load';
import type { Services } from '../../bot/core/contract';
import type { Briefing } from '../../storage/briefings/schema';

describe('cards built from real data and the Cheshire East pack', () => {
  const services = { content: defaultContentPack() } as Services;
  const b: Briefing = {
    type: 'briefing', id: 'b1', pk: 'p', code: 'ABCDEF', title: 'Title', source: 'Rapid review', background: 'Background', whyItMatters: 'Why', keyPoints: ['One', 'Two'],
    remember: 'Remember', actions: 'Do', reflection: ['Q1?'], links: [{ title: 'Site', url: 'https://example.org' }], priorities: ['neglect'],
    audience: { kind: 'agencies', conversations: [], roles: [], agencies: ['police'] }, status: 'draft', version: 1, syncedVersion: 1, authorId: 'a', authorName: 'A',
    createdAt: '2026-11-24T10:00:00Z', updatedAt: '2026-11-24T10:00:00Z', scheduledFor: '2026-11-25T09:30:00Z',
  };
  const choices = Array.from({ length: 50 }, (_, i) => ({ title: `Team ${i} / A fairly long channel name for safeguarding leads`, value: `conv-${'x'.repeat(40)}${i}` }));
  it.each([
    ['form (draft, 50 channels)', () => formCard(services, { ...b, _etag: '"e"' }, { conversations: choices })],
    ['form (sent)', () => formCard(services, { ...b, status: 'sent' }, { conversations: [] })],
    ['briefing', () => briefingCard(services, { ...b, status: 'sent' })],
    ['briefing (preview)', () => briefingCard(services, b, { preview: true })],
    ['withdrawn', () => withdrawnCard({ ...b, retractedAt: '2026-11-24T12:00:00Z' })],
    ['progress', () => progressCard({ ...b, status: 'sending' }, { op: 'send', counts: { ...emptyCounts(), sent: 10 }, total: 100, rate: 40, done: false, audience: 'members of Police', now: new Date() })],
    ['reach', () => reachCard({ ...b, status: 'sent' }, computeReach([{ type: 'delivery', status: 'sent', kind: 'personal', agency: 'police', roles: ['practitioner'] }], services.content.partnership.agencies))],
  ])('%s parses cleanly and fits in 28 KB', (_n, build) => {
    const card = build();
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
    expect(JSON.stringify(card)).not.toMatch(/\$\{/);
    expect(rendererFailures(card)).toEqual([]);
  });
  it('the form with every field at its limit and 50 channels stays under 28 KB', () => {
    const x = (n: number) => 'x'.repeat(n);
    const full: Briefing = {
      ...b, title: x(200), source: x(300), background: x(2000), whyItMatters: x(1500), keyPoints: [x(1000), x(1000), x(1000)], remember: x(1000), actions: x(1500),
      reflection: Array(6).fill(x(200)), links: Array(8).fill({ title: x(120), url: `https://e.org/${x(280)}` }),
    };
    const card = formCard(services, full, { conversations: choices.slice(0, 50), message: x(300) });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });

  it('the form shows the schedule in UK time and keeps the audience', () => {
    const card = JSON.stringify(formCard(services, b, { conversations: [] }));
    expect(card).toContain('"value":"2026-11-25"');
    expect(card).toContain('"value":"09:30"');
    expect(card).toContain('"value":"police"');
  });
});
