import { defaultContentPack } from '../../content/load';
import { partnershipTopic, describeCadence } from '../../bot/queries/partnership-topic';
import { answerCard } from '../../bot/queries/cards';
import { cardText } from '../support/harness';
import type { Partnership } from '../../content/schema/partnership';

const pack = defaultContentPack();
const at = new Date('2026-01-15T10:00:00Z');

describe('the partnership topic, generated from the pack', () => {
  const topic = partnershipTopic(pack.partnership, at);
  const text = topic.points.join('\n');

  it('names every statutory partner and priority in the pack, so it cannot drift from it', () => {
    for (const p of pack.partnership.statutoryPartners) expect(text).toContain(p.name);
    for (const p of pack.partnership.priorities) expect(text).toContain(p.name);
  });

  it('says how often the board meets and who chairs it, from the meeting series', () => {
    const board = pack.partnership.meetingSeries.find((s) => s.id === 'partnership-board')!;
    expect(text).toContain(`${board.name}`);
    expect(text).toContain(`It meets ${describeCadence(board.cadence)}.`);
    expect(text).toMatch(/The chair rotates each year between .+; this year the chair comes from /);
  });

  it('says what the pack does not hold instead of inventing it', () => {
    expect(text).toMatch(/Lead Safeguarding Partners: not yet published in the bot/);
    const bare = { ...pack.partnership, meetingSeries: [], priorities: [] } as unknown as Partnership;
    expect(partnershipTopic(bare, at).points.join('\n')).toMatch(/The board and how often it meets are not recorded in the partnership pack yet\./);
  });

  it('reads Lead and Delegated Safeguarding Partners wherever the pack keeps them', () => {
    const withPeople = {
      ...pack.partnership,
      leadSafeguardingPartners: [{ name: 'Chief Executive', agency: 'The council' }],
      statutoryPartners: pack.partnership.statutoryPartners.map((s, i) => (i === 0 ? { ...s, dsp: { name: 'Director of Children\'s Services' } } : s)),
    } as unknown as Partnership;
    const t = partnershipTopic(withPeople, at).points.join('\n');
    expect(t).toContain('Lead Safeguarding Partners: Chief Executive (The council).');
    expect(t).toContain(`Delegated Safeguarding Partners: Director of Children's Services, ${pack.partnership.statutoryPartners[0].name}.`);
  });

  it.each([
    [{ kind: 'weeks', every: 6 }, 'every 6 weeks'],
    [{ kind: 'months', every: 1 }, 'every month'],
    [{ kind: 'fixed-months', months: [3, 7, 11] }, 'in March, July and November'],
    [{ kind: 'weeks' }, undefined],
  ])('cadence %j reads "%s"', (cadence, expected) => {
    expect(describeCadence(cadence)).toBe(expected);
  });

  it('renders as an answer card without the danger line', () => {
    const card = answerCard(pack.queries, 'partnership', 'q-1', { generated: [topic] });
    expect(cardText(card)).toMatch(/Cheshire East Safeguarding Children's Partnership \(CESCP\)/);
    expect(cardText(card)).not.toContain(pack.queries.immediateDanger);
  });
});
