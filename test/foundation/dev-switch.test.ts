import { loadConfig, ConfigError } from '../../bot/core/config';
import { startApp } from '../../bot/edge/server';
import { createLogger } from '../../bot/core/logger';
import { startDevApp } from '../../bot/edge/dev/local-chat';
import { createDevSwitchFeature } from '../../bot/edge/dev/dev-switch';
import { DEMO_PERSONAS, personaAgency } from '../../bot/edge/dev/demo-members';
import { listPacks, loadPackByName } from '../../content/load';
import { PLAYGROUND_USER } from '../../bot/edge/dev/playground-user';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';
import { startTestBot, personalConversationId, users, type TestBot } from '../support/harness';
import { FakeConnector } from '../support/fake-connector';

/**
 * Issue 19, item 10: "dev as [role]" lets the local demo show every view, and exists only there.
 */
describe.each(listPacks())('the demo people under the %s pack', (packName) => {
  const pack = loadPackByName(packName);
  it.each(DEMO_PERSONAS.map((p) => [p.key, p] as const))('%s works for one of its agencies', (_key, persona) => {
    const id = personaAgency(pack, persona);
    expect(pack.partnership.agencies.map((a) => a.id)).toContain(id);
  });
});

describe('the "dev as" switch', () => {
  let embedded: EmbeddedCosmos;
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
  });
  afterAll(async () => embedded?.close());

  it('is not a command of the normal bot: a production-shaped bot treats it as a question and changes no role', async () => {
    const bot: TestBot = await startTestBot({ embedded });
    try {
      await bot.say(users.practitioner, 'dev as business unit');
      const member = await bot.app.services.members.get(users.practitioner.aadObjectId);
      expect(member!.roles).toEqual([]);
      expect(bot.app.router.commands.map((c) => c.name)).not.toContain('dev as');
      expect(bot.connector.texts(personalConversationId(users.practitioner)).join('\n')).not.toMatch(/Development only/);
    } finally {
      await bot.close();
    }
  });

  it('is refused by startApp unless the bot is anonymous on loopback', async () => {
    const config = loadConfig({ PORT: '0', MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002', COSMOS_ENDPOINT: 'https://127.0.0.1:1', COSMOS_KEY: 'x' });
    await expect(startApp({ config, devFeatures: [createDevSwitchFeature], log: createLogger('silent') })).rejects.toThrow(ConfigError);
  });

  it('in the demo, switches the Playground user between the business unit, a chair, a police DSP and practitioners', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SCHEDULER_ENABLED: 'false', COSMOS_DATABASE: 'devswitch' });
    const { app } = await startDevApp({ config, embedded, scheduler: false, log: createLogger('silent') });
    const connector = await new FakeConnector().start();
    try {
      const say = (text: string) =>
        fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', id: `m-${Math.random()}`, channelId: 'msteams', serviceUrl: connector.url, text, from: { id: PLAYGROUND_USER.id, name: PLAYGROUND_USER.name, aadObjectId: PLAYGROUND_USER.aadObjectId }, recipient: { id: 'bot' }, conversation: { id: 'dev-personal', conversationType: 'personal', tenantId: PLAYGROUND_USER.tenantId } }),
        });
      const me = () => app.services.members.get(PLAYGROUND_USER.aadObjectId);
      expect((await me())!.roles).toContain('businessUnit');
      await say('dev as police dsp');
      expect(await me()).toMatchObject({ roles: ['dsp'], agency: 'police' });
      expect(connector.texts().pop()).toMatch(/^Development only: you now see the bot as Sam Carter \(police DSP, demo\)/);
      // It lasts: the next turn does not give the business-unit role back.
      await say('my roles');
      expect(await me()).toMatchObject({ roles: ['dsp'], agency: 'police' });
      await say('dev as school practitioner');
      expect(await me()).toMatchObject({ roles: [], agency: 'education' });
      await say('dev as health practitioner');
      expect(await me()).toMatchObject({ roles: [], agency: 'east-cheshire-trust' });
      expect(connector.texts().pop()).toBe('Development only: you now see the bot as Ellie Brooks (health visitor, demo). Roles: practitioner. Agency: East Cheshire NHS Trust. Type help to see what they can do, or dev as business unit to go back.');
      await say('dev as business unit');
      expect((await me())!.roles).toEqual(['businessUnit', 'chair']);
      // The demo people are stored, and the partners sit in the board.
      expect((await app.services.members.all()).map((m) => m.name).filter((n) => /\(.*demo\)$/.test(n))).toHaveLength(5);
      expect((await app.services.repos.meetings.getGroup('partnership-board'))!.memberIds).toEqual(expect.arrayContaining(['demo-chair', 'demo-dsp-police']));
    } finally {
      await app.close();
      await connector.close();
    }
  });
});
