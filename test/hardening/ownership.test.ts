import { startTestBot, users, type TestBot } from '../support/harness';
import { seedDemo } from '../../bot/briefings/demo';
import { deterministicId } from '../../storage/ids';

/**
 * Card data that names a record the caller has no part in is refused and changes nothing: a briefing
 * response from someone it was not sent to (which would inflate the reach figures). Someone else's
 * action is covered in roles-table.test.ts, a non-member's RSVP in test/meetings/flow.test.ts.
 */
describe('responses to a briefing meant for another agency', () => {
  let bot: TestBot;
  let briefingId: string;
  beforeAll(async () => {
    bot = await startTestBot();
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.practitioner, [], 'mid-cheshire-trust');
    await bot.grant(users.dspPolice, ['dsp'], 'police');
    await seedDemo(bot.app.services, { memberId: users.bu.aadObjectId });
    briefingId = deterministicId('demo-briefing', bot.app.services.partnershipId, 'published');
    await bot.app.services.store.containers.briefings.item(briefingId, bot.app.services.partnershipId).patch([
      { op: 'replace', path: '/audience', value: { kind: 'agencies', conversations: [], roles: [], agencies: ['police'] } },
    ]);
  });
  afterAll(async () => bot?.close());

  const responses = async () => (await bot.app.services.store.containers.deliveries.items.query('SELECT * FROM c WHERE c.type = "response"').fetchAll()).resources;

  it('refuses a read and a rating from someone outside the audience, storing nothing', async () => {
    const read = await bot.invoke(users.practitioner, 'briefings.read', { briefingId });
    expect(read.value).toMatch(/not sent to you/);
    const rated = await bot.invoke(users.practitioner, 'briefings.feedback', { briefingId, useful: 'yes' });
    expect(JSON.stringify(rated)).toMatch(/not sent to you/);
    expect(await responses()).toEqual([]);
  });

  it('records the same response from someone in the audience', async () => {
    const read = await bot.invoke(users.dspPolice, 'briefings.read', { briefingId });
    expect(read.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await responses()).map((r) => r.memberId)).toEqual([users.dspPolice.aadObjectId]);
  });
});
