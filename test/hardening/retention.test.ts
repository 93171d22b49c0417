import { startTestBot, type TestBot } from '../support/harness';
import { sweepRetention } from '../../bot/core/retention-sweep';

describe('retention sweep', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { RETENTION_DAYS_QUERIES: '30', RETENTION_DAYS_DELIVERIES: '60' } });
  });
  afterAll(async () => bot?.close());

  const days = (n: number) => new Date(Date.now() - n * 86400_000).toISOString();

  it('deletes query logs and delivery records past their retention and keeps the rest', async () => {
    const { queries, deliveries, actions } = bot.app.services.store.containers;
    await queries.items.create({ id: 'q-old', pk: 'p', type: 'query', createdAt: days(31) });
    await queries.items.create({ id: 'q-new', pk: 'p', type: 'query', createdAt: days(29) });
    await queries.items.create({ id: 'q-touched', pk: 'p', type: 'ticket', createdAt: days(90), updatedAt: days(2) });
    await deliveries.items.create({ id: 'd-old', pk: 'b1', type: 'delivery', updatedAt: days(61) });
    await deliveries.items.create({ id: 'd-new', pk: 'b1', type: 'delivery', updatedAt: days(59) });
    await actions.items.create({ id: 'a-old', pk: 'p', type: 'not-retained', createdAt: days(4000) });

    const result = await sweepRetention(bot.app.services, new Date());
    expect(result).toMatchObject({ queries: 1, deliveries: 1 });

    const ids = async (c: typeof queries) => (await c.items.query('SELECT c.id FROM c').fetchAll()).resources.map((r) => r.id).sort();
    expect(await ids(queries)).toEqual(['q-new', 'q-touched']);
    expect(await ids(deliveries)).toEqual(['d-new']);
    expect(await ids(actions)).toContain('a-old');
  });

  it('runs from the scheduler under its lease', async () => {
    const stats = await bot.app.scheduler.tick(new Date(), true);
    expect(stats['sweep:system:retention']).toEqual({ queries: 0, deliveries: 0, notifications: 0 });
  });
});
