import { startTestBot, memoryLogger, users, personalConversationId, cardText, type TestBot } from '../support/harness';

/**
 * WARM_UP_ON_START: the matcher is trained as soon as the bot listens, so the first question after a
 * restart is answered from a matcher that is already there.
 */
const { log, lines } = memoryLogger();
let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ log, env: { WARM_UP_ON_START: 'true', LOG_LEVEL: 'info' } });
  await bot.app.services.background.idle();
});
afterAll(async () => bot?.close());

it('trains the matcher before anyone asks', () => {
  expect(lines.filter((l) => l.event === 'queries.matcher')).toHaveLength(1);
});

it('answers the first question from that matcher, training nothing more', async () => {
  await bot.say(users.practitioner, 'what is the escalation route?');
  const card = bot.connector.cards(personalConversationId(users.practitioner)).pop();
  expect(cardText(card)).toContain('Escalation route: resolving a professional disagreement');
  expect(lines.filter((l) => l.event === 'queries.matcher')).toHaveLength(1);
});

it('logged no errors', () => {
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
});
