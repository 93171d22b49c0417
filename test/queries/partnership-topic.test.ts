import { defaultContentPack, loadContentPack, packDir } from '../../content/load';
import { describeCadence, describeChair, describeQuorum, TO_BE_CONFIRMED } from '../../content/describe';
import { partnershipTopic } from '../../bot/queries/partnership-topic';
import { answerCard } from '../../bot/queries/cards';
import { cardText } from '../support/harness';

/** The partnership topic is generated from the pack, so it says what the pack says and nothing else. */
describe.each(['cheshire-east', 'cheshire-west-and-chester'])('the partnership topic of %s', (name) => {
  const pack = name === 'cheshire-east' ? defaultContentPack() : loadContentPack(packDir(name));
  const topic = partnershipTopic(pack);
  const text = topic.points.join('\n');
  const board = pack.partnership.meetingSeries.find((s) => s.main)!;

  it('names every statutory partner and priority in the pack, so it cannot drift from it', () => {
    for (const p of pack.partnership.statutoryPartners) expect(text).toContain(p.name);
    for (const p of pack.partnership.priorities) expect(text).toContain(p.name);
  });

  it('names the Lead and Delegated Safeguarding Partners the pack holds, marking names still to confirm', () => {
    for (const person of pack.partnership.people.filter((x) => x.role === 'lead-partner' || x.role === 'delegated-partner')) {
      expect(text).toContain(person.name && !person.toConfirm ? `${person.name}, ${person.title}` : `${person.title} (name ${TO_BE_CONFIRMED})`);
    }
  });

  it('says how often the main board meets, who chairs it and when it is quorate, in the pack\'s words', () => {
    expect(text).toContain(`${board.name}: `);
    expect(text).toContain(`It meets ${describeCadence(board.cadence)}; it is chaired by ${describeChair(pack, board.chair)}, and is ${describeQuorum(pack, board.quorum)}.`);
  });

  it('renders as an answer card without the danger line, with a source line', () => {
    const card = answerCard(pack, 'partnership', 'q-1', { generated: [topic] });
    expect(cardText(card)).toContain(`${pack.partnership.name} (${pack.partnership.shortName})`);
    expect(cardText(card)).not.toContain(pack.queries.immediateDanger);
    expect(cardText(card)).toMatch(/Source: /);
  });
});
