import { randomUUID } from 'node:crypto';
import { startTestBot, users, type TestBot } from '../support/harness';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';
import { FakeConnector } from '../support/fake-connector';
import { authorDraft, engineOf, formFields, postsByConversation, seedRecipients } from './fixtures';

const N = 300;

async function sendNow(bot: TestBot, briefingId: string) {
  const res = await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
  expect(res.value).toMatch(/Sending/);
}

describe('briefings broadcast under throttling', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { OUTBOUND_RATE_PER_SECOND: '50' } });
    await seedRecipients(bot, N);
  });
  afterAll(async () => bot?.close());

  it('429 with Retry-After: 1 for a while slows the sender and nothing is lost or sent twice', async () => {
    const briefingId = await authorDraft(bot);
    let firstAt = 0;
    bot.connector.behaviour = ({ method, conversationId, path }) => {
      if (method !== 'POST' || !conversationId?.startsWith('a:bulk-') || !path.endsWith('/activities')) return undefined;
      firstAt ||= Date.now();
      // Throttle everything for the first 2.5 s of the broadcast.
      return Date.now() - firstAt < 2500 ? { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'Throttled', message: 'slow down' } } } : undefined;
    };
    const started = Date.now();
    await sendNow(bot, briefingId);
    await engineOf(bot).idle();
    bot.connector.behaviour = undefined;

    const throttled = bot.connector.received.filter((r) => r.status === 429).length;
    expect(throttled).toBeGreaterThan(0);
    // The bucket paused everyone on each 429 instead of hammering: a handful of 429s per second, not hundreds.
    expect(throttled).toBeLessThan(60);
    const posts = postsByConversation(bot);
    expect(posts.size).toBe(N);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    const counts = await engineOf(bot).repo.counts(briefingId);
    expect(counts).toMatchObject({ sent: N + 1, queued: 0, sending: 0, failed: 0 });
    // 300 at 50/s is 6 s; the throttled window adds at least its length.
    expect(Date.now() - started).toBeGreaterThan(6000 + 2000);
  });

  it('403 MessageWritesBlocked and 404 mark recipients unreachable without retrying', async () => {
    bot.connector.clear();
    const briefingId = await authorDraft(bot, { title: 'Second briefing' });
    bot.connector.behaviour = ({ method, conversationId }) => {
      if (method !== 'POST') return undefined;
      if (conversationId === 'a:bulk-1') return { status: 403, body: { error: { code: 'MessageWritesBlocked', message: 'blocked' } } };
      if (conversationId === 'a:bulk-2') return { status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } };
      if (conversationId === 'a:bulk-3') return { status: 400, body: { error: { code: 'BadArgument', message: 'bad' } } };
      return undefined;
    };
    await sendNow(bot, briefingId);
    await engineOf(bot).idle();
    bot.connector.behaviour = undefined;
    const attempts = (id: string) => bot.connector.received.filter((r) => r.method === 'POST' && r.conversationId === id).length;
    expect(attempts('a:bulk-1')).toBe(1);
    expect(attempts('a:bulk-2')).toBe(1);
    const repo = engineOf(bot).repo;
    const d1 = await repo.deliveries.get(repo.deliveryId(briefingId, 'member:aad-staff-1'), briefingId);
    const d3 = await repo.deliveries.get(repo.deliveryId(briefingId, 'member:aad-staff-3'), briefingId);
    expect(d1).toMatchObject({ status: 'unreachable' });
    expect(d1?.reason).toMatch(/MessageWritesBlocked/);
    expect(d3).toMatchObject({ status: 'failed' });
    expect((await repo.counts(briefingId)).sent).toBe(N + 1 - 3);
  });
});

describe('briefings broadcast after a worker dies', () => {
  let embedded: EmbeddedCosmos;
  let connector: FakeConnector;
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    connector = await new FakeConnector().start();
    const databaseId = `crash-${randomUUID().slice(0, 8)}`;
    a = await startTestBot({ embedded, connector, databaseId, instanceId: 'worker-a', env: { OUTBOUND_RATE_PER_SECOND: '50' } });
    b = await startTestBot({ embedded, connector, databaseId, instanceId: 'worker-b', env: { OUTBOUND_RATE_PER_SECOND: '50' } });
    for (const bot of [a, b]) engineOf(bot).tune({ broadcastLeaseMs: 1500, renewMs: 300 });
    await seedRecipients(a, N);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    await embedded?.close();
  });

  it('a second worker resumes and everyone gets it, with no more duplicates than were in flight', async () => {
    const briefingId = await authorDraft(a);
    await sendNow(a, briefingId);
    await connector.waitFor(() => postsByConversation(a).size >= 100, 20_000);
    const engineA = engineOf(a);
    const inFlight = engineA.onWire;
    engineA.kill();
    await engineA.idle();
    const before = postsByConversation(a).size;
    expect(before).toBeLessThan(N);

    // The dead worker's lease lapses; the sweep on the other instance picks the broadcast up.
    await new Promise((r) => setTimeout(r, 1700));
    const stats = await b.app.scheduler.tick(new Date(), true);
    expect(stats['sweep:briefings:broadcast']).toMatchObject({ started: 1 });
    await engineOf(b).idle();

    const posts = postsByConversation(b);
    expect(posts.size).toBe(N);
    const duplicates = [...posts.values()].reduce((s, n) => s + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(inFlight);
    const repo = engineOf(b).repo;
    expect(await repo.counts(briefingId)).toMatchObject({ queued: 0, sending: 0, failed: 0, sent: N + 1 });
    expect((await repo.getBriefing(briefingId))?.status).toBe('sent');
  });
});

describe('who may send', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    await seedRecipients(bot, 5);
  });
  afterAll(async () => bot?.close());

  it('a practitioner cannot start, send, cancel or withdraw a briefing, and nothing is delivered', async () => {
    const briefingId = await authorDraft(bot);
    await bot.grant(users.practitioner, ['practitioner'], 'police');
    await bot.say(users.practitioner, 'new briefing');
    expect(bot.connector.texts().pop()).toMatch(/only the business unit/i);
    for (const verb of ['briefings.send', 'briefings.save', 'briefings.cancel', 'briefings.retract', 'briefings.reach', 'briefings.export']) {
      const res = await bot.invoke(users.practitioner, verb, { briefingId, confirmed: true, ...formFields() });
      expect(res.value).toMatch(/only the business unit/i);
    }
    await engineOf(bot).idle();
    const repo = engineOf(bot).repo;
    expect((await repo.getBriefing(briefingId))?.status).toBe('draft');
    expect(await repo.deliveries.count('c.pk = @pk', [{ name: '@pk', value: briefingId }])).toBe(0);
    expect(postsByConversation(bot).size).toBe(0);
  });
});
