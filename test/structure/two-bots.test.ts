import { startTestBot, users, personalConversationId, type TestBot } from '../support/harness';
import type { BriefingsFeature } from '../../bot/briefings';

/**
 * Two startApp calls in one process build two bots that share nothing: their own storage, roles,
 * messenger and rate limiter, and broadcast engine. (Module-level state is also checked statically
 * in boundaries.test.ts.)
 */
describe('two bots in one process', () => {
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    a = await startTestBot();
    b = await startTestBot();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  const engine = (bot: TestBot) => (bot.app.features.find((f) => f.name === 'briefings') as BriefingsFeature).engine;

  it('build separate services, messengers, limiters and engines', () => {
    expect(a.app.services).not.toBe(b.app.services);
    expect(a.app.services.messenger).not.toBe(b.app.services.messenger);
    expect(a.app.services.messenger.limiter).not.toBe(b.app.services.messenger.limiter);
    expect(engine(a)).not.toBe(engine(b));
    expect(a.app.services.repos.actions).not.toBe(b.app.services.repos.actions);
  });

  it('a role granted on one bot is unknown to the other', async () => {
    await a.grant(users.bu, ['businessUnit'], 'council-childrens');
    await a.say(users.bu, 'my roles');
    await b.say(users.bu, 'my roles');
    expect(a.connector.texts(personalConversationId(users.bu)).pop()).toContain('Roles: business unit');
    expect(b.connector.texts(personalConversationId(users.bu)).pop()).not.toContain('business unit');
  });

  it('a throttle on one bot does not pause the other', async () => {
    a.app.services.messenger.limiter.pause(5_000);
    const t0 = performance.now();
    await b.app.services.messenger.limiter.take('conv');
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('killing one broadcast engine leaves the other alive', () => {
    const before = engine(b).life.killed;
    engine(a).kill();
    expect(engine(a).life.killed).toBe(true);
    expect(engine(b).life.killed).toBe(before);
  });
});
