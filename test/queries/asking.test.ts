import { startTestBot, users, personalConversationId, cardText, cardActions, type TestBot } from '../support/harness';
import { OFF_TOPIC_REPLY } from '../../bot/queries/answering';

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
    const refusal = cardText(practitionerCards().pop());
    expect(refusal).toMatch(/date of birth.*street address.*not case records/);
    // Issue 19, item 8: the refusal in chat carries the front-door line.
    expect(refusal).toContain('If a child is in immediate danger, call 999. For urgent concerns contact ChECS');
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
    // Issue 19, item 7: the card turns into its done state, saying where the question went, with no button left.
    const done = res.value as object;
    expect(cardText(done)).toMatch(/sent your question to the partnership business unit/);
    expect(cardActions(done).filter((a) => a.verb === 'queries.ask' || a.verb === 'queries.feedback')).toEqual([]);

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

  it('shows the business unit the unanswered questions on a card they can teach from', async () => {
    await bot.say(users.bu, 'unanswered');
    const card = bot.connector.cards(personalConversationId(users.bu)).pop();
    expect(cardText(card)).toMatch(/1 × "where is the pre-birth protocol for the maternity unit"/);
    expect(cardActions(card).map((a) => a.verb)).toContain('queries.teach');
  });

  it('tells the asker plainly that an IT request is not something it can help with, without the danger line', async () => {
    const before = practitionerCards().length;
    await bot.say(users.practitioner, 'how do I reset my password');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toBe(OFF_TOPIC_REPLY);
    expect(practitionerCards().length).toBe(before);
  });

  it('meets a described harm it is not sure about with the danger line, the front door and risk topics', async () => {
    await bot.say(users.practitioner, 'something odd happened, she went quiet and there was blood on her sleeve');
    const card = practitionerCards().pop();
    expect((card.body[0] as { text: string }).text).toBe(bot.app.services.content.queries.immediateDanger);
    expect((card.body[1] as { text: string }).text).toMatch(/^Worried about a child but it is not an emergency\? Talk it through with your designated safeguarding lead and the front door: ChECS \(Cheshire East Consultation Service; phone number to be confirmed\)\.$/);
    const topics = cardActions(card).filter((a) => a.verb === 'queries.topic').map((a) => a.data.topic);
    expect(topics.length).toBeGreaterThanOrEqual(2);
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(cardText(card)).not.toMatch(/don't have an answer/);
  });

  it('runs the "help me decide" dialog across turns', async () => {
    await bot.say(users.practitioner, 'help me decide');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/1 of 4/);
    for (const a of ['No', 'No', 'Yes']) await bot.say(users.practitioner, a);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/Level 3[\s\S]*consult the front door \(ChECS\) if unsure/);
  });
});
