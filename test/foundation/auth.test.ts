import { OpenIdServer } from '../support/openid-server';
import { startTestBot, users, personalConversationId, TENANT, memoryLogger, type TestBot } from '../support/harness';

const APP_ID = '6f1b2c3d-1111-4222-8333-944445555666';

/**
 * Authentication against a local OpenID metadata + signing-key endpoint (BOT_OPENID_METADATA), with
 * tokens signed by a key of ours: the real validation code accepts a valid token, and refuses each
 * kind of bad one with 401 and its own logged reason.
 */
describe('Bot Framework authentication with an app id configured', () => {
  let bot: TestBot;
  let idp: OpenIdServer;
  let stranger: OpenIdServer;
  let consoleError: jest.SpyInstance;
  const { log, lines } = memoryLogger();
  beforeAll(async () => {
    // botbuilder prints refused tokens with console.error; keep test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    idp = await new OpenIdServer().start();
    stranger = await new OpenIdServer().start();
    bot = await startTestBot({ log, env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT, HOST: '127.0.0.1', BOT_OPENID_METADATA: idp.metadataUrl } });
  });
  afterAll(async () => {
    await bot?.close();
    await idp?.close();
    await stranger?.close();
    consoleError.mockRestore();
  });

  /** A button press whose answer comes back in the HTTP response (no outbound call, which would need real credentials). */
  const press = (over: Record<string, unknown> = {}) => ({
    ...bot.activity(users.practitioner, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'queries.feedback', data: { queryId: 'not-a-question', helpful: 'yes' } } } }),
    ...over,
  });
  const valid = (claims: Record<string, unknown> = {}) => idp.sign({ aud: APP_ID, serviceurl: bot.connector.url, ...claims });
  const refusedFor = () => lines.filter((l) => l.event === 'auth-refused').map((l) => l.reason);

  it('accepts a valid token and runs the turn', async () => {
    lines.length = 0;
    const res = await bot.post(press(), { authorization: `Bearer ${valid()}` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Only the person who asked can rate this answer.' });
    expect(refusedFor()).toEqual([]);
    expect(await bot.app.services.members.get(users.practitioner.aadObjectId)).toBeDefined();
  });

  const now = Math.floor(Date.now() / 1000);
  const refused: [string, () => string, string][] = [
    ['with no token', () => '', 'no-token'],
    ['signed with another key under our key id', () => stranger.sign({ aud: APP_ID, serviceurl: bot.connector.url }, { kid: idp.kid }), 'bad-signature'],
    ['signed with a key nobody published', () => stranger.sign({ aud: APP_ID, serviceurl: bot.connector.url }), 'unknown-key'],
    ['for another audience', () => valid({ aud: '00000000-0000-0000-0000-000000000000' }), 'wrong-audience'],
    ['from another issuer', () => valid({ iss: 'https://evil.example.org' }), 'wrong-issuer'],
    ['that has expired', () => valid({ exp: now - 3600, nbf: now - 7200 }), 'expired'],
    ['for another service URL', () => valid({ serviceurl: 'https://smba.trafficmanager.net/uk/' }), 'service-url-claim'],
    ['unsigned (alg none)', () => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID })).toString('base64url')}.`, 'algorithm'],
    ['that is not a JWT at all', () => 'abc.def.ghi', 'malformed'],
  ];
  it.each(refused)('refuses a token %s with 401, logs why, and runs no turn', async (_name, token, reason) => {
    lines.length = 0;
    const before = bot.connector.received.length;
    const t = token();
    const res = await bot.post(press({ from: { id: '29:someone', name: 'Someone', aadObjectId: 'aad-refused-caller' } }), t ? { authorization: `Bearer ${t}` } : {});
    expect(res.status).toBe(401);
    expect(refusedFor()).toEqual([reason]);
    expect(bot.connector.received.length).toBe(before);
    expect(await bot.app.services.members.get('aad-refused-caller')).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain(t || 'no token at all');
  });

  it('refuses a valid token from another channel (Web Chat is on by default on an Azure Bot) with 403', async () => {
    lines.length = 0;
    const res = await bot.post(press({ channelId: 'directline' }), { authorization: `Bearer ${valid()}` });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'This bot only accepts Microsoft Teams activities.' });
    expect(lines.find((l) => l.event === 'activity-refused')).toMatchObject({ reason: 'channel', channel: 'directline' });
  });

  it("refuses a valid token whose activity names another tenant, or none, with 403 (the bot's own tenant is the default allow-list)", async () => {
    const other = press();
    (other as any).conversation = { ...(other as any).conversation, tenantId: '99999999-8888-7777-6666-555555555555' };
    expect((await bot.post(other, { authorization: `Bearer ${valid()}` })).status).toBe(403);
    const none = press();
    delete (none as any).conversation.tenantId;
    expect((await bot.post(none, { authorization: `Bearer ${valid()}` })).status).toBe(403);
  });

  it('answers 401 before any tenant check, so an unauthenticated caller cannot probe the allow-list', async () => {
    const other = press();
    (other as any).conversation = { ...(other as any).conversation, tenantId: '99999999-8888-7777-6666-555555555555' };
    expect((await bot.post(other)).status).toBe(401);
    expect((await bot.post(press())).status).toBe(401);
  });
});

describe('signing keys that cannot be fetched', () => {
  let bot: TestBot;
  let consoleError: jest.SpyInstance;
  const { log, lines } = memoryLogger();
  beforeAll(async () => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const idp = await new OpenIdServer().start();
    const url = idp.metadataUrl;
    await idp.close();
    bot = await startTestBot({ log, env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT, BOT_OPENID_METADATA: url } });
  });
  afterAll(async () => {
    await bot?.close();
    consoleError.mockRestore();
  });

  it('fail closed: 401, never 500', async () => {
    const signer = await new OpenIdServer().start();
    const token = signer.sign({ aud: APP_ID, serviceurl: bot.connector.url });
    await signer.close();
    const res = await bot.post(bot.activity(users.practitioner, { type: 'message', text: 'help' }), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(lines.filter((l) => l.event === 'auth-refused').map((l) => l.reason)).toEqual(['keys-unreachable']);
  });
});

describe('tenant allow-list', () => {
  let bot: TestBot;
  const { log, lines } = memoryLogger();
  beforeAll(async () => {
    bot = await startTestBot({ env: { ALLOWED_TENANTS: TENANT }, log });
  });
  afterAll(async () => bot?.close());

  it('answers an allowed tenant', async () => {
    expect((await bot.say(users.practitioner, 'help')).status).toBe(200);
    expect(bot.connector.cards(personalConversationId(users.practitioner))).toHaveLength(1);
  });

  it('refuses another tenant with 403, stores nothing and sends nothing', async () => {
    const before = bot.connector.received.length;
    const res = await bot.say(users.other, 'help', { tenantId: '99999999-8888-7777-6666-555555555555' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/tenant is not allowed/);
    expect(bot.connector.received.length).toBe(before);
    expect(await bot.app.services.members.get(users.other.aadObjectId)).toBeUndefined();
    const refused = lines.find((l) => l.event === 'activity-refused');
    expect(refused).toMatchObject({ reason: 'tenant', tenant: '99999999-8888-7777-6666-555555555555', activityType: 'message' });
    expect(JSON.stringify(lines)).not.toContain('"help"');
  });

  it('refuses an activity that names no tenant when an allow-list is set', async () => {
    const a = bot.activity(users.other, { type: 'message', text: 'help' }) as Record<string, any>;
    delete a.conversation.tenantId;
    delete a.channelData;
    expect((await bot.post(a)).status).toBe(403);
  });
});
