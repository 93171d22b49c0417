import { generateKeyPairSync, createSign } from 'node:crypto';
import { startTestBot, users, personalConversationId, TENANT, memoryLogger, type TestBot } from '../support/harness';

const APP_ID = '6f1b2c3d-1111-4222-8333-944445555666';

function b64url(o: object | Buffer) {
  return (Buffer.isBuffer(o) ? o : Buffer.from(JSON.stringify(o))).toString('base64url');
}

/** A token signed with a key of our own: it can never verify against Bot Framework's keys. */
function forgedToken(claims: Record<string, unknown>, alg = 'RS256') {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64url({ alg, typ: 'JWT', kid: 'forged-key' })}.${b64url({ nbf: now - 10, exp: now + 600, ...claims })}`;
  return `${unsigned}.${b64url(createSign('RSA-SHA256').update(unsigned).sign(privateKey))}`;
}

describe('Bot Framework authentication with an app id configured', () => {
  let bot: TestBot;
  let consoleError: jest.SpyInstance;
  beforeAll(async () => {
    // botbuilder prints refused requests with console.error; keep test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    bot = await startTestBot({ env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: TENANT, HOST: '127.0.0.1' } });
  });
  afterAll(async () => {
    await bot?.close();
    consoleError.mockRestore();
  });

  const message = () => bot.activity(users.practitioner, { type: 'message', text: 'help' });

  it('refuses a request without a token with 401 and runs no turn', async () => {
    const res = await bot.post(message());
    expect(res.status).toBe(401);
    expect(bot.connector.received).toHaveLength(0);
    expect(await bot.app.services.members.get(users.practitioner.aadObjectId)).toBeUndefined();
  });

  const forged: [string, () => string][] = [
    ['signed with the wrong key', () => forgedToken({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: bot.connector.url })],
    ['for another audience', () => forgedToken({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000000', serviceurl: bot.connector.url })],
    ['from another issuer', () => forgedToken({ iss: 'https://evil.example.org', aud: APP_ID, serviceurl: bot.connector.url })],
    ['expired', () => forgedToken({ iss: 'https://api.botframework.com', aud: APP_ID, exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 })],
    ['unsigned (alg none)', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ iss: 'https://api.botframework.com', aud: APP_ID })}.`],
    ['not a JWT at all', () => 'abc.def.ghi'],
  ];
  it.each(forged)('refuses a token %s with 401', async (_name, token) => {
    const res = await bot.post(message(), { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(bot.connector.received).toHaveLength(0);
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
