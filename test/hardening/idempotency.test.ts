import { startTestBot, users, type TestBot } from '../support/harness';
import { buttonData, lastCard } from '../actions/helpers';

/** A double click, or Teams retrying an invoke with the same activity id, changes state once. */
describe('idempotent card actions', () => {
  let bot: TestBot;
  let id: string;
  beforeAll(async () => {
    bot = await startTestBot();
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.dspPolice, ['dsp'], 'police');
    const due = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    ({ id } = await bot.app.services.actions.createAction({ title: 'Publish the revised threshold guidance', source: 'lcspr', ownerId: users.dspPolice.aadObjectId, dueDate: due }, users.bu.aadObjectId));
  });
  afterAll(async () => bot?.close());

  const history = async () => {
    const { resource } = await bot.app.services.store.containers.actions.item(id, bot.app.services.partnershipId).read();
    return resource.history as { action: string }[];
  };

  it('acknowledges once when the same invoke arrives twice at the same moment', async () => {
    const data = buttonData(lastCard(bot, users.dspPolice), 'actions.acknowledge');
    const activity = bot.activity(users.dspPolice, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'actions.acknowledge', data } } });
    const [a, b] = await Promise.all([bot.post(activity), bot.post(activity)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const acks = (await history()).filter((h) => /acknowledge/i.test(JSON.stringify(h)));
    expect(acks).toHaveLength(1);
  });

  it('acknowledges once when the button is pressed again later (a retry or double click)', async () => {
    const before = (await history()).length;
    const data = buttonData(lastCard(bot, users.dspPolice), 'actions.acknowledge');
    await bot.invoke(users.dspPolice, 'actions.acknowledge', data);
    await bot.invoke(users.dspPolice, 'actions.acknowledge', data);
    expect((await history()).length).toBe(before);
  });
});
