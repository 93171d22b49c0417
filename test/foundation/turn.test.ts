import { startTestBot, users, personalConversationId, cardText, type TestBot } from '../support/harness';

describe('a turn through the real endpoint', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot?.close());

  it('answers help with a card at the fake connector', async () => {
    const res = await bot.say(users.practitioner, 'help');
    expect(res.status).toBe(200);
    const cards = bot.connector.cards(personalConversationId(users.practitioner));
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/immediate danger/i);
    expect(cardText(cards[0])).toMatch(/my roles/i);
  });

  it('stores the member and their 1:1 conversation reference', async () => {
    const m = await bot.app.services.members.get(users.practitioner.aadObjectId);
    expect(m?.personal?.conversation.id).toBe(personalConversationId(users.practitioner));
    expect(m?.personal?.serviceUrl).toBe(bot.connector.url);
  });

  it('refuses a business-unit command to a practitioner and changes nothing', async () => {
    await bot.say(users.practitioner, `grant chair to ${users.practitioner.name}`);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/only the business unit/i);
    const m = await bot.app.services.members.get(users.practitioner.aadObjectId);
    expect(m?.roles).toEqual([]);
  });

  it('lets the business unit grant a role, and records it in the audit log', async () => {
    await bot.grant(users.bu, ['businessUnit']);
    await bot.say(users.bu, `grant chair to ${users.practitioner.name} agency police`);
    expect(bot.connector.texts(personalConversationId(users.bu)).pop()).toMatch(/now has the chair role/);
    const m = await bot.app.services.members.get(users.practitioner.aadObjectId);
    expect(m?.roles).toEqual(['chair']);
    expect(m?.agency).toBe('police');
    const log = await bot.app.services.audit.recent(5, users.practitioner.aadObjectId);
    expect(log[0]).toMatchObject({ action: 'grant', actorId: users.bu.aadObjectId });
  });

  it('answers an unknown card verb with a clear message, not an error', async () => {
    const res = await bot.invoke(users.practitioner, 'nothing.here', { x: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.value).toMatch(/do not recognise that button/);
  });

  it('reports storage in /healthz', async () => {
    const res = await fetch(`${bot.app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', storage: 'reachable' });
  });
});
