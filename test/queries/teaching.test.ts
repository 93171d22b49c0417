import { startTestBot, users, personalConversationId, cardText, cardActions, memoryLogger, type TestBot } from '../support/harness';

/**
 * The business unit teaches the bot through the real endpoint: a question goes unanswered, is taught
 * from the `unanswered` card, is then answered outright (on a second instance too, without a
 * restart), and Undo in `taught` restores the old behaviour.
 */
const QUESTION = 'where is the pre-birth protocol for the maternity unit';

describe('teaching the bot a phrasing, and undoing it', () => {
  let bot: TestBot;
  let second: TestBot;
  const { log, lines } = memoryLogger('info');
  beforeAll(async () => {
    bot = await startTestBot({ log });
    second = await startTestBot({ embedded: bot.embedded, connector: bot.connector, databaseId: bot.config.COSMOS_DATABASE, log });
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.practitioner, [], 'hospitals');
  });
  afterAll(async () => {
    await second?.close();
    await bot?.close();
  });

  const lastCard = (user: typeof users.practitioner) => bot.connector.cards(personalConversationId(user)).pop();
  const isAnswerCard = (card: { actions?: unknown[] }) => cardActions(card).some((a) => a.verb === 'queries.feedback');

  it('goes unanswered, is taught from the unanswered card, is answered outright on every instance, and undo restores it', async () => {
    await bot.say(users.practitioner, QUESTION);
    const before = lastCard(users.practitioner);
    expect(isAnswerCard(before)).toBe(false);
    expect(cardActions(before).map((a) => a.verb)).toContain('queries.ask');

    await bot.say(users.bu, 'unanswered');
    const unanswered = lastCard(users.bu);
    expect(cardText(unanswered)).toContain(`1 × "${QUESTION}"`);
    const teach = cardActions(unanswered).find((a) => a.verb === 'queries.teach')!;
    expect(teach.data).toEqual({ queryId: expect.any(String), input: 'teach-0' });

    // Only the business unit may teach.
    expect(String((await bot.invoke(users.practitioner, 'queries.teach', { ...teach.data, 'teach-0': 'front-door' })).value)).toMatch(/only the business unit/i);
    // A choice that is not a topic changes nothing.
    expect(String((await bot.invoke(users.bu, 'queries.teach', { ...teach.data, 'teach-0': 'not-a-topic' })).value)).toBe('Choose what the question means first, then press Teach the bot.');

    const taughtRes = await bot.invoke(users.bu, 'queries.teach', { ...teach.data, 'teach-0': 'front-door' });
    expect(cardText(taughtRes.value)).not.toContain(QUESTION);
    const stored = (await bot.app.services.overrides.current()).active.filter((o) => o.kind === 'phrasing');
    expect(stored.map((o) => ({ target: o.target, value: o.value, by: o.createdBy, action: o.action }))).toEqual([{ target: 'front-door', value: QUESTION, by: users.bu.aadObjectId, action: 'teach' }]);

    await bot.say(users.practitioner, QUESTION);
    const after = lastCard(users.practitioner);
    expect(isAnswerCard(after)).toBe(true);
    expect(cardText(after)).toMatch(/The front door: ChECS/);

    // The second instance has not restarted; it sees the taught phrasing on its next question.
    await second.say(users.practitioner, QUESTION);
    expect(cardText(lastCard(users.practitioner))).toMatch(/The front door: ChECS/);

    await bot.say(users.bu, 'taught');
    const taught = lastCard(users.bu);
    expect(cardText(taught)).toContain(`"${QUESTION}" means **The front door: ChECS**`);
    expect(cardText(taught)).toMatch(/Taught by /);
    const undo = cardActions(taught).find((a) => a.verb === 'queries.untaught')!;
    const undone = await bot.invoke(users.bu, 'queries.untaught', undo.data);
    expect(cardText(undone.value)).toMatch(/Nothing taught yet/);
    expect(cardText(undone.value)).toContain(`Undone: "${QUESTION}" is no longer taught as The front door: ChECS.`);

    await bot.say(users.practitioner, QUESTION);
    expect(isAnswerCard(lastCard(users.practitioner))).toBe(false);
    await second.say(users.practitioner, QUESTION);
    expect(isAnswerCard(lastCard(users.practitioner))).toBe(false);

    const audit = await bot.app.services.store.containers.auditLog.items.query("SELECT * FROM c WHERE c.feature = 'content'").fetchAll();
    expect(audit.resources.map((r: { action: string }) => r.action).sort()).toEqual(['override-revert', 'override-teach']);
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });

  it('teaches from a ticket card in one click when the bot\'s guess is right', async () => {
    await bot.grant(users.other, [], 'police');
    await bot.say(users.other, 'who do I speak to about the quiet room for the learning week');
    const card = bot.connector.cards(personalConversationId(users.other)).pop();
    const ask = cardActions(card).find((a) => a.verb === 'queries.ask' || (a.verb === 'queries.feedback' && a.data.helpful === 'no'))!;
    await bot.invoke(users.other, ask.verb!, ask.data);
    const ticket = bot.connector.cards(personalConversationId(users.bu)).pop();
    const teach = cardActions(ticket).find((a) => a.verb === 'queries.teach')!;
    const res = await bot.invoke(users.bu, 'queries.teach', { ...teach.data, teachTopic: 'training' });
    expect(cardText(res.value)).toMatch(/Taught: "who do I speak to about the quiet room for the learning week" now means Partnership training/);
    await bot.say(users.other, 'who do I speak to about the quiet room for the learning week');
    expect(cardText(bot.connector.cards(personalConversationId(users.other)).pop())).toMatch(/^Partnership training/m);
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
