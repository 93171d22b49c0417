import { startTestBot, users, type TestBot } from '../support/harness';

describe('installation and conversation references', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot?.close());

  it('saves a team channel reference on install and says hello there', async () => {
    const res = await bot.post(
      bot.activity(users.bu, { type: 'installationUpdate', action: 'add' }, { conversationType: 'channel', conversationId: '19:board@thread.tacv2', teamId: '19:team@thread.tacv2' }),
    );
    expect(res.status).toBe(200);
    const channels = await bot.app.services.members.installedConversations('channel');
    expect(channels.map((c) => c.ref.conversation.id)).toContain('19:board@thread.tacv2');
    expect(channels[0].teamId).toBe('19:team@thread.tacv2');
  });

  it('records members added to a team so they can be reached 1:1 later', async () => {
    await bot.post(
      bot.activity(users.bu, { type: 'conversationUpdate', membersAdded: [{ id: users.other.id, name: users.other.name, aadObjectId: users.other.aadObjectId }] }, { conversationType: 'channel', conversationId: '19:board@thread.tacv2', teamId: '19:team@thread.tacv2' }),
    );
    const m = await bot.app.services.members.get(users.other.aadObjectId);
    expect(m?.personal).toBeUndefined();
    expect(m?.seenIn?.conversation.id).toBe('19:board@thread.tacv2');
  });

  it('opens a 1:1 chat through the connector for a member seen only in a team', async () => {
    const m = await bot.app.services.members.get(users.other.aadObjectId);
    const result = await bot.app.services.messenger.sendToMember(m!, 'A test nudge');
    expect(result.ok).toBe(true);
    const created = bot.connector.received.find((r) => r.method === 'POST' && r.path === '/v3/conversations');
    expect(created?.body.members[0].id).toBe(users.other.id);
    const after = await bot.app.services.members.get(users.other.aadObjectId);
    expect(after?.personal?.conversation.id).toBe(created?.assignedId);
    expect(bot.connector.texts(created?.assignedId)).toEqual(['A test nudge']);
    // The stored reference does not pin later messages to the activity that created the chat.
    expect(after?.personal?.activityId).toBeUndefined();
  });

  it('marks a member unreachable when the connector answers 403', async () => {
    bot.connector.behaviour = (req) => (req.conversationId?.startsWith('conv-') ? { status: 403, body: { error: { code: 'MessageWritesBlocked' } } } : undefined);
    const m = await bot.app.services.members.get(users.other.aadObjectId);
    const result = await bot.app.services.messenger.sendToMember(m!, 'Another nudge');
    bot.connector.behaviour = undefined;
    expect(result).toMatchObject({ ok: false, kind: 'unreachable', status: 403, code: 'MessageWritesBlocked' });
    // One attempt, no retry and no apology sent into a conversation that refuses messages.
    expect(bot.connector.received.filter((r) => r.status === 403)).toHaveLength(1);
    expect((await bot.app.services.members.get(users.other.aadObjectId))?.reachable).toBe(false);
  });

  it('routes an Action.Submit with an unknown verb to a clear message', async () => {
    await bot.submit(users.practitioner, { verb: 'nope.nothing' });
    expect(bot.connector.texts().pop()).toMatch(/do not recognise that button/);
  });
});
