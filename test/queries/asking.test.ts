import { startTestBot, users, personalConversationId, cardText, cardActions, type TestBot } from '../support/harness';

const CHANNEL = '19:business-unit@thread.tacv2';

describe('asking the bot, and asking the business unit', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.practitioner, [], 'mid-cheshire-trust');
    await bot.say(users.bu, 'use this channel for the business unit', { conversationType: 'channel', conversationId: CHANNEL });
  });
  afterAll(async () => bot?.close());

  const practitionerCards = () => bot.connector.cards(personalConversationId(users.practitioner));

  it('answers a question in the asker\'s own words with the topic card, immediate-danger line first', async () => {
    await bot.say(users.practitioner, "what's the escalation route?");
    const card = practitionerCards().pop();
    expect((card.body[0] as { text: string }).text).toMatch(/call 999/);
    expect(cardText(card)).toMatch(/Speak up and talk it through/);
    expect(cardActions(card).map((a) => a.verb)).toEqual(expect.arrayContaining(['queries.feedback']));
  });

  it('answers acronym questions from the glossary', async () => {
    await bot.say(users.practitioner, 'what does NRM stand for?');
    expect(cardText(practitionerCards().pop())).toMatch(/NRM: National Referral Mechanism/);
  });

  it('refuses a question with child-identifying details, storing nothing', async () => {
    const before = (await bot.app.services.store.containers.queries.items.query('SELECT * FROM c').fetchAll()).resources.length;
    await bot.say(users.practitioner, 'child DOB 03/04/2015 lives at 12 Acacia Avenue, what level is this?');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/date of birth.*street address.*not case records/);
    const after = (await bot.app.services.store.containers.queries.items.query('SELECT * FROM c').fetchAll()).resources;
    expect(after.length).toBe(before);
    expect(JSON.stringify(after)).not.toMatch(/Acacia/);
  });

  it('turns "not helpful" into a ticket in the business unit channel, and the reply reaches the asker', async () => {
    await bot.say(users.practitioner, 'where is the pre-birth protocol for the maternity unit');
    const answer = practitionerCards().pop();
    const ask = cardActions(answer).find((a) => a.verb === 'queries.ask' || (a.verb === 'queries.feedback' && a.data.helpful === 'no'));
    expect(ask).toBeDefined();
    const res = await bot.invoke(users.practitioner, ask!.verb!, ask!.data);
    expect(String(res.value)).toMatch(/sent your question to the partnership business unit/);

    const ticketCard = bot.connector.cards(CHANNEL).pop();
    expect(cardText(ticketCard)).toMatch(/pre-birth protocol/);
    expect(cardText(ticketCard)).toMatch(/Unassigned/);
    expect(cardText(ticketCard)).toMatch(/Mid Cheshire Hospitals NHS Foundation Trust/);
    const ticketId = cardActions(ticketCard).find((a) => a.verb === 'queries.assign')!.data.ticketId;

    // A practitioner cannot take or answer tickets.
    expect(String((await bot.invoke(users.other, 'queries.assign', { ticketId })).value)).toMatch(/only the business unit/);

    const assigned = await bot.invoke(users.bu, 'queries.assign', { ticketId }, { conversationType: 'channel', conversationId: CHANNEL });
    expect(cardText(assigned.value)).toMatch(/Assigned/);

    const bad = await bot.invoke(users.bu, 'queries.reply', { ticketId, answer: 'Ring 07700 900123 for it' }, { conversationType: 'channel', conversationId: CHANNEL });
    expect(cardText(bad.value)).toMatch(/phone number/);
    expect(JSON.stringify(bad.value)).toContain('Ring 07700 900123 for it');

    const replied = await bot.invoke(users.bu, 'queries.reply', { ticketId, answer: 'It is on the procedures site under pre-birth assessment; the maternity safeguarding team can help.' }, { conversationType: 'channel', conversationId: CHANNEL });
    expect(cardText(replied.value)).toMatch(/Answered/);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/business unit has answered your question[\s\S]*procedures site/);
  });

  it('shows the business unit the top unanswered phrasings', async () => {
    await bot.say(users.bu, 'unanswered');
    expect(bot.connector.texts(personalConversationId(users.bu)).pop()).toMatch(/pre-birth protocol/);
  });

  it('runs the "help me decide" dialog across turns', async () => {
    await bot.say(users.practitioner, 'help me decide');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/1 of 4/);
    for (const a of ['No', 'No', 'Yes']) await bot.say(users.practitioner, a);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/Level 3[\s\S]*consult the front door \(ChECS\) if unsure/);
  });
});
