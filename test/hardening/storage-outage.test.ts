import { startTestBot, users, personalConversationId, type TestBot } from '../support/harness';
import { buttonData, lastCard } from '../actions/helpers';

/**
 * Cosmos unavailable for a while: the embedded server refuses connections (data kept), turns answer
 * with a short apology, nothing is half-written, and the bot recovers without a restart.
 */
describe('storage outage', () => {
  let bot: TestBot;
  let actionId: string;
  beforeAll(async () => {
    bot = await startTestBot();
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.dspPolice, ['dsp'], 'police');
    const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    ({ id: actionId } = await bot.app.services.actions.createAction(
      { title: 'Refresh the escalation policy briefing for schools', source: 'lcspr', ownerId: users.dspPolice.aadObjectId, ownerAgency: 'police', dueDate: due },
      users.bu.aadObjectId,
    ));
  });
  afterAll(async () => {
    await bot?.embedded.start();
    await bot?.close();
  });

  const snapshot = async () => {
    const { resources } = await bot.app.services.store.containers.actions.items.query({ query: 'SELECT * FROM c' }).fetchAll();
    return resources.map(({ _ts, _etag, _rid, _self, _attachments, ...d }) => d).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  };

  it('apologises during the outage, changes nothing, reports it in /healthz, and recovers without a restart', async () => {
    const card = lastCard(bot, users.dspPolice);
    const ack = buttonData(card, 'actions.acknowledge');
    const before = await snapshot();

    await bot.embedded.stop();
    const message = await bot.say(users.practitioner, 'help');
    expect(message.status).toBe(200);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/cannot reach its storage.*nothing was changed.*reference [0-9a-f]{8}/);

    const pressed = await bot.invoke(users.dspPolice, 'actions.acknowledge', ack);
    expect(pressed).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(pressed.value).toMatch(/cannot reach its storage/);
    expect(JSON.stringify(pressed)).not.toMatch(/at .*\.ts:\d+|Error:/);

    const health = await fetch(`${bot.app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', storage: 'unreachable' });

    await bot.embedded.start();
    expect(await snapshot()).toEqual(before);
    expect((await fetch(`${bot.app.url}/healthz`)).status).toBe(200);

    const retried = await bot.invoke(users.dspPolice, 'actions.acknowledge', ack);
    expect(retried.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await bot.app.services.store.containers.actions.item(actionId, bot.app.services.partnershipId).read();
    expect(after.resource.status).toBe('acknowledged');
  });
});
