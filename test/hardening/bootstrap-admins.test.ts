import { startTestBot, users, personalConversationId, type TestBot } from '../support/harness';

/** BUSINESS_UNIT_ADMINS only bootstraps the first admins: a revoke sticks like any other. */
describe('configured business-unit admins', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { BUSINESS_UNIT_ADMINS: `${users.bu.aadObjectId},${users.chair.aadObjectId}` } });
  });
  afterAll(async () => bot?.close());

  const lastText = (u: typeof users.bu) => bot.connector.texts(personalConversationId(u)).pop();

  it('get the business unit role on first sight', async () => {
    await bot.say(users.bu, 'my roles');
    await bot.say(users.chair, 'my roles');
    expect(lastText(users.bu)).toBe('You are **Business Unit Officer**. Roles: business unit, practitioner. Agency: not set.');
    expect(lastText(users.chair)).toBe('You are **Board Chair**. Roles: business unit, practitioner. Agency: not set.');
  });

  it('can have it revoked, and it does not come back on their next message', async () => {
    await bot.say(users.bu, 'revoke business unit from Board Chair');
    expect(lastText(users.bu)).toBe('Board Chair no longer has the business unit role.');
    await bot.say(users.chair, 'my roles');
    expect(lastText(users.chair)).toBe('You are **Board Chair**. Roles: practitioner. Agency: not set.');
    await bot.say(users.chair, 'members');
    expect(lastText(users.chair)).toBe('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
  });
});
