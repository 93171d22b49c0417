import { startTestBot, users, personalConversationId, SettableClock, type TestBot } from '../support/harness';
import { addWorkingDays } from '../../bot/shared/time/working-days';

/**
 * A process killed mid-nudge-sweep leaves its claims pending. The next sweep (any instance) releases
 * claims older than any sweep takes and sends them: the owner is not left without the nudge.
 */
describe('nudge sweep interrupted between claim and send', () => {
  let bot: TestBot;
  const clock = new SettableClock(new Date('2026-11-10T10:00:00Z'));
  beforeAll(async () => {
    bot = await startTestBot({ clock });
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.dspPolice, ['dsp'], 'police');
    // Set a fortnight ago, due in 2 working days: the "2 working days before" nudge is due today.
    await bot.app.services.actions.createAction({ title: 'Publish the revised escalation leaflet', source: 'lcspr', ownerId: users.dspPolice.aadObjectId, dueDate: addWorkingDays('2026-11-24', 2) }, users.bu.aadObjectId);
    clock.set('2026-11-24T10:00:00Z');
  });
  afterAll(async () => bot?.close());

  const nudgesTo = () => bot.connector.activities(personalConversationId(users.dspPolice)).filter((r) => r.method === 'POST').length;
  const claims = async () => (await bot.app.services.store.containers.notifications.items.query('SELECT * FROM c WHERE c.feature = "actions"').fetchAll()).resources;

  it('resends a nudge whose claim was left pending by a crash, once', async () => {
    const before = nudgesTo();
    await bot.app.scheduler.tick(clock.now(), true);
    expect(nudgesTo()).toBe(before + 1);

    // Simulate the crash: the claim exists but was never settled, and the message never left.
    const [claim] = await claims();
    await bot.app.services.store.containers.notifications.item(claim.id, claim.pk).replace({ ...claim, status: 'pending', activityId: undefined, sentAt: undefined, createdAt: '2026-11-24T09:00:00.000Z' });
    const afterCrash = nudgesTo();

    clock.set('2026-11-24T10:30:00Z');
    const stats = await bot.app.scheduler.tick(clock.now(), true);
    expect(stats['sweep:actions:nudges']).toMatchObject({ recovered: 1 });
    expect(nudgesTo()).toBe(afterCrash + 1);
    expect((await claims()).map((c) => c.status)).toEqual(['sent']);

    // And it is not sent a third time.
    clock.set('2026-11-24T11:00:00Z');
    await bot.app.scheduler.tick(clock.now(), true);
    expect(nudgesTo()).toBe(afterCrash + 1);
  });
});
