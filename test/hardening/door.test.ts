import { startTestBot, users, TENANT, memoryLogger, personalConversationId, type TestBot } from '../support/harness';

/**
 * The door (bot/edge/inbound.ts, server.ts): an activity the bot cannot act on gets 400, one from
 * outside Teams or the partnership's tenant gets 403, and neither runs a turn, stores anything or
 * logs at error level. Identity is the Teams aadObjectId and the tenant is conversation.tenantId.
 */
describe('the door', () => {
  let bot: TestBot;
  const { log, lines } = memoryLogger();
  beforeAll(async () => {
    bot = await startTestBot({ log, env: { ALLOWED_TENANTS: TENANT } });
    await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  });
  afterAll(async () => bot?.close());

  const base = () => bot.activity(users.practitioner, { type: 'message', text: 'help' }) as Record<string, any>;
  const without = (...keys: string[]) => () => {
    const a = base();
    for (const k of keys) delete a[k];
    return a;
  };
  const withField = (path: string, value: unknown) => () => {
    const a = base();
    const parts = path.split('.');
    let o = a;
    for (const p of parts.slice(0, -1)) o = o[p] = { ...(o[p] ?? {}) };
    o[parts[parts.length - 1]] = value;
    return a;
  };
  const invoke = (value: unknown) => () => ({ ...bot.activity(users.practitioner, { type: 'invoke', name: 'adaptiveCard/action' }), value });

  const malformed: [string, () => unknown][] = [
    ['an empty object', () => ({})],
    ['an array', () => [base()]],
    ['no type', without('type')],
    ['a numeric type', withField('type', 7)],
    ['no from', without('from')],
    ['from as a string', withField('from', 'someone')],
    ['from without an id', withField('from', { name: 'x', aadObjectId: 'aad-x' })],
    ['a message without an aadObjectId', withField('from', { id: '29:x', name: 'x' })],
    ['a numeric aadObjectId', withField('from.aadObjectId', 12345)],
    ['a 64 KB aadObjectId', withField('from.aadObjectId', 'a'.repeat(65_536))],
    ['an aadObjectId with a slash', withField('from.aadObjectId', 'aad/../admin')],
    ['a 2 KB display name', withField('from.name', 'n'.repeat(2_000))],
    ['no conversation', without('conversation')],
    ['a conversation without an id', withField('conversation', { conversationType: 'personal', tenantId: TENANT })],
    ['a numeric conversation id', withField('conversation.id', 42)],
    ['a 2 KB conversation id', withField('conversation.id', 'c'.repeat(2_000))],
    ['a tenant id that is not an id', withField('conversation.tenantId', '../../etc')],
    ['no recipient', without('recipient')],
    ['no channelId', without('channelId')],
    ['no serviceUrl', without('serviceUrl')],
    ['a numeric serviceUrl', withField('serviceUrl', 8080)],
    ['a serviceUrl that is not a URL', withField('serviceUrl', 'not a url')],
    ['a file: serviceUrl', withField('serviceUrl', 'file:///etc/passwd')],
    ['text that is a number', withField('text', 123)],
    ['an invoke with no value', invoke(undefined)],
    ['an invoke with no action', invoke({})],
    ['an invoke whose action is a string', invoke({ action: 'go' })],
    ['an invoke whose verb is a number', invoke({ action: { type: 'Action.Execute', verb: 7 } })],
    ['an invoke with a 10 KB verb', invoke({ action: { type: 'Action.Execute', verb: 'v'.repeat(10_000) } })],
    ['a replyToId object', withField('replyToId', { id: 'x' })],
  ];

  it.each(malformed)('answers %s with 400, runs no turn and logs no error', async (_name, make) => {
    lines.length = 0;
    const before = bot.connector.received.length;
    const res = await bot.post(make() as object);
    expect(res.status).toBe(400);
    expect(bot.connector.received.length).toBe(before);
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('answers a body over 100 KB with 413 and no turn', async () => {
    const res = await bot.post({ ...base(), text: 'x'.repeat(120_000) });
    expect(res.status).toBe(413);
  });

  const refused: [string, () => Record<string, any>, string][] = [
    ['another channel (Direct Line, Web Chat)', () => ({ ...base(), channelId: 'directline' }), 'This bot only accepts Microsoft Teams activities.'],
    ['no conversation.tenantId, even with one in channelData', () => {
      const a = base();
      delete a.conversation.tenantId;
      a.channelData = { tenant: { id: TENANT } };
      return a;
    }, 'This tenant is not allowed to use this bot.'],
    ['a foreign tenant', () => ({ ...base(), conversation: { ...base().conversation, tenantId: '99999999-8888-7777-6666-555555555555' } }), 'This tenant is not allowed to use this bot.'],
    ['a service URL off this machine (anonymous development)', () => ({ ...base(), serviceUrl: 'https://smba.trafficmanager.net/uk/' }), 'This bot only accepts Microsoft Teams activities.'],
  ];
  it.each(refused)('refuses %s with 403 and stores nothing', async (_name, make, error) => {
    lines.length = 0;
    const before = bot.connector.received.length;
    const a = make();
    a.from = { id: '29:stranger', name: 'Stranger', aadObjectId: 'aad-stranger' };
    const res = await bot.post(a);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error });
    expect(bot.connector.received.length).toBe(before);
    expect(await bot.app.services.members.get('aad-stranger')).toBeUndefined();
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("a spoofed activity naming the business unit's channel account id, without its object id, is not the business unit", async () => {
    const a = base();
    a.from = { id: users.bu.aadObjectId, name: 'Business Unit Officer' };
    a.text = 'my roles';
    expect((await bot.post(a)).status).toBe(400);
    const spoofChannel = { ...a, channelId: 'directline', from: { id: users.bu.id, name: 'x', aadObjectId: users.bu.aadObjectId }, conversation: { ...a.conversation, tenantId: undefined }, channelData: { tenant: { id: TENANT } } };
    expect((await bot.post(spoofChannel)).status).toBe(403);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).join('\n')).not.toContain('business unit');
  });

  it('still answers a well-formed Teams message', async () => {
    const res = await bot.say(users.practitioner, 'my roles');
    expect(res.status).toBe(200);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toBe('You are **Health Visitor**. Roles: practitioner. Agency: not set.');
  });
});
