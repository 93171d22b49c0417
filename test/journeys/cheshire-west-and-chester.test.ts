import { startTestBot, users, personalConversationId, cardText, memoryLogger, type TestBot } from '../support/harness';

/** Issue 18's "done when", literally, through the real endpoint with CONTENT_PACK=cheshire-west-and-chester. */
describe('CONTENT_PACK=cheshire-west-and-chester', () => {
  let bot: TestBot;
  const memory = memoryLogger('warn');
  const last = (u: typeof users.bu) => cardText(bot.connector.cards(personalConversationId(u)).pop());
  beforeAll(async () => {
    bot = await startTestBot({ env: { CONTENT_PACK: 'cheshire-west-and-chester' }, log: memory.log });
    await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
    await bot.grant(users.practitioner, [], 'countess-of-chester');
  }, 60_000);
  afterAll(async () => bot?.close());

  it('answers "where do I make a referral" with iART', async () => {
    await bot.say(users.practitioner, 'where do I make a referral');
    const text = last(users.practitioner);
    expect(text).toMatch(/The front door: iART/);
    expect(text).toMatch(/Integrated Access and Referral Team, is where anyone who is worried about a child's welfare/);
    expect(text).toMatch(/iART's phone number is to be confirmed by the partnership\./);
  });

  it('answers "what is the escalation route" with iART', async () => {
    await bot.say(users.practitioner, 'what is the escalation route');
    const text = last(users.practitioner);
    expect(text).toMatch(/^If a child is in immediate danger, call 999 and ask for the police\. For urgent concerns contact the front door, iART/);
    expect(text).toMatch(/including disagreeing with a decision made by iART/);
    expect(text).toMatch(/Escalations that the agencies cannot settle go to the SCP Executive/);
  });

  it('answers "levels of need" with the Continuum of Need', async () => {
    await bot.say(users.practitioner, 'levels of need');
    const text = last(users.practitioner);
    expect(text).toMatch(/Levels of need: the Continuum of Need/);
    expect(text).toMatch(/\*\*Partnership Plus\*\*/);
    expect(text).toMatch(/Team around the Family/);
    expect(text).toMatch(/Source: CWAC SCP annual report 2019-20/);
  });

  it('offers the Executive with the Independent Chair on `new meeting`', async () => {
    await bot.say(users.bu, 'new meeting');
    expect(last(users.bu)).toMatch(/SCP Executive \(Independent Chair\)/);
    await bot.say(users.bu, 'new meeting for executive');
    expect(last(users.bu)).toMatch(/Chaired by the Independent Chair\. Leave the chair blank to use them\./);
    // The group the person asked for is chosen on the form.
    expect(JSON.stringify(bot.connector.cards(personalConversationId(users.bu)).pop())).toMatch(/"id":"seriesId","label":"Group","value":"executive"/);
  });

  it('logged no errors', () => {
    expect(memory.lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
