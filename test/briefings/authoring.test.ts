import { startTestBot, users, personalConversationId, cardText, cardActions, SettableClock, TENANT, type TestBot } from '../support/harness';
import { authorDraft, engineOf, formFields, postsByConversation, seedRecipients } from './fixtures';

describe('authoring, scheduling and audiences', () => {
  let bot: TestBot;
  const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
  beforeAll(async () => {
    bot = await startTestBot({ clock, env: { OUTBOUND_RATE_PER_SECOND: '50' } });
    await seedRecipients(bot, 40);
  });
  afterAll(async () => bot?.close());
  const buChat = () => personalConversationId(users.bu);

  it('previews in the author\'s chat exactly as recipients see it, and warns when it runs past seven minutes', async () => {
    const briefingId = await authorDraft(bot);
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    // Each field is within its own limit; together they run to about 1,750 words (nine minutes).
    const res = await bot.invoke(users.bu, 'briefings.preview', { briefingId, ...formFields({ background: words(390), whyItMatters: words(290), key1: words(190), key2: words(190), key3: words(190), remember: words(190), actions: words(290) }) });
    expect(cardText(res.value)).toMatch(/Preview sent to your chat/);
    expect(cardText(res.value)).toMatch(/longer than the 7-minute target/);
    const preview = bot.connector.cards(buChat()).pop();
    expect(cardText(preview)).toMatch(/PREVIEW/);
    expect(cardText(preview)).toMatch(/Seeing neglect sooner/);
    // Same buttons as recipients get; pressing one on a preview records nothing.
    const read = cardActions(preview).find((a) => a.verb === 'briefings.read')!;
    expect((await bot.invoke(users.bu, 'briefings.read', read.data)).value).toMatch(/This is a preview/);
    expect(await engineOf(bot).repo.responses.count('c.pk = @pk', [{ name: '@pk', value: briefingId }])).toBe(0);
  });

  it('refuses authoring text with child-identifying details and keeps everything typed', async () => {
    const briefingId = await authorDraft(bot);
    const res = await bot.invoke(users.bu, 'briefings.save', { briefingId, ...formFields({ background: 'The child was born on 03/04/2019 and lives at CW1 2AB.' }) });
    expect(cardText(res.value)).toMatch(/Background/);
    expect(cardText(res.value)).toMatch(/identify a child/i);
    expect(JSON.stringify(res.value)).toContain('CW1 2AB');
    const stored = await engineOf(bot).repo.getBriefing(briefingId);
    expect(stored?.background).not.toMatch(/CW1/);
  });

  it('answers a stale form with the typed values and a clear message', async () => {
    const briefingId = await authorDraft(bot);
    const res = await bot.invoke(users.bu, 'briefings.save', { briefingId, etag: '"stale"', ...formFields({ title: 'My newer title' }) });
    expect(cardText(res.value)).toMatch(/Someone else changed this/);
    expect(JSON.stringify(res.value)).toContain('My newer title');
  });

  it('lists drafts, which can be reopened', async () => {
    await bot.say(users.bu, 'drafts');
    const card = bot.connector.cards(buChat()).pop();
    expect(cardText(card)).toMatch(/Drafts/);
    const open = cardActions(card).find((a) => a.verb === 'briefings.open')!;
    const res = await bot.invoke(users.bu, 'briefings.open', open.data);
    expect(cardText(res.value)).toMatch(/Draft 7-minute briefing/);
  });

  it('sends at the scheduled UK time through the sweep, not before', async () => {
    const briefingId = await authorDraft(bot, { audienceKind: 'agencies', agencies: 'police', sendDate: '2026-11-25', sendTime: '09:30' });
    const confirm = await bot.invoke(users.bu, 'briefings.send', { briefingId, ...formFields({ audienceKind: 'agencies', agencies: 'police', sendDate: '2026-11-25', sendTime: '09:30' }) });
    // Sending to people is confirmed with the count, as for everyone.
    expect(cardText(confirm.value)).toMatch(/"Seeing neglect sooner" will go to members of Police: \d+ people, at 25 Nov 2026 09:30 UK time\./);
    const res = await bot.invoke(users.bu, 'briefings.send', cardActions(confirm.value).find((a) => a.verb === 'briefings.send')!.data);
    expect(res.value).toMatch(/Scheduled: .* 09:30 UK time/);
    bot.connector.clear();
    expect(await bot.app.scheduler.tick(clock.now(), true)).toMatchObject({ 'sweep:briefings:broadcast': { started: 0 } });
    clock.set('2026-11-25T09:31:00Z');
    expect(await bot.app.scheduler.tick(clock.now(), true)).toMatchObject({ 'sweep:briefings:broadcast': { started: 1 } });
    await engineOf(bot).idle();
    // Only members of the chosen agency (every fifth synthetic member is police).
    const posts = postsByConversation(bot);
    expect(posts.size).toBe(8);
    const sent = await engineOf(bot).repo.getBriefing(briefingId);
    expect(sent?.status).toBe('sent');
    // The author was not in a conversation when it went: the progress card was opened in their chat.
    expect(sent?.progress?.ref.conversation.id).toBe(buChat());
    expect(cardText(bot.connector.received.filter((r) => r.method === 'PUT' && r.conversationId === buChat()).pop()!.body.attachments[0].content)).toMatch(/Sent/);
    // Editing it afterwards changes the text, not who it went to.
    const edit = await bot.invoke(users.bu, 'briefings.edit', { briefingId });
    expect(JSON.stringify(edit.value)).not.toContain('"id":"audienceKind"');
    const { audienceKind, agencies, sendDate, sendTime, conversations, roles, ...fields } = formFields({ title: 'Edited title' });
    void [audienceKind, agencies, sendDate, sendTime, conversations, roles];
    await bot.invoke(users.bu, 'briefings.save', { briefingId, ...fields });
    await engineOf(bot).idle();
    const edited = await engineOf(bot).repo.getBriefing(briefingId);
    expect(edited).toMatchObject({ title: 'Edited title', audience: { kind: 'agencies', agencies: ['police'] }, scheduledFor: sent!.scheduledFor });
  });

  it('posts once to a chosen channel', async () => {
    const channel = '19:leads@thread.tacv2';
    await bot.say(users.bu, 'hello', { conversationType: 'channel', conversationId: channel, teamId: 'team-1' });
    const conv = bot.app.services.members.conversationId(channel);
    await bot.app.services.members.saveConversation({ kind: 'channel', ref: { serviceUrl: bot.connector.url, channelId: 'msteams', conversation: { id: channel, tenantId: TENANT, conversationType: 'channel', isGroup: true }, bot: { id: '28:partnership-bot' } }, installed: true, teamId: 'team-1', name: 'Safeguarding leads' });
    const briefingId = await authorDraft(bot, { audienceKind: 'conversations', conversations: conv });
    bot.connector.clear();
    await bot.invoke(users.bu, 'briefings.send', { briefingId, ...formFields({ audienceKind: 'conversations', conversations: conv }) });
    await engineOf(bot).idle();
    expect(postsByConversation(bot, channel).get(channel)).toBe(1);
    expect(postsByConversation(bot).size).toBe(0);
    // In a channel, "I've read this" answers with a message and leaves the shared card alone.
    await bot.grant(users.other, [], 'icb');
    const read = await bot.invoke(users.other, 'briefings.read', { briefingId }, { conversationType: 'channel', conversationId: channel });
    expect(read.value).toMatch(/marked this as read/);
  });
});

describe('cancelling a broadcast', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { OUTBOUND_RATE_PER_SECOND: '20' } });
    await seedRecipients(bot, 200);
  });
  afterAll(async () => bot?.close());

  it('stops sending, reports it on the progress card, and leaves the rest unsent', async () => {
    const briefingId = await authorDraft(bot);
    await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
    await bot.connector.waitFor(() => postsByConversation(bot).size >= 20, 20_000);
    const progress = bot.connector.cards(personalConversationId(users.bu)).pop();
    const cancel = cardActions(progress).find((a) => a.verb === 'briefings.cancel')!;
    const res = await bot.invoke(users.bu, 'briefings.cancel', cancel.data);
    expect(res.value).toMatch(/Cancelling/);
    await engineOf(bot).idle();
    const sent = postsByConversation(bot).size;
    expect(sent).toBeLessThan(200);
    expect((await engineOf(bot).repo.getBriefing(briefingId))?.status).toBe('cancelled');
    const last = bot.connector.received.filter((r) => r.method === 'PUT' && r.conversationId === personalConversationId(users.bu)).pop();
    expect(cardText(last!.body.attachments[0].content)).toMatch(/Sending cancelled/);
    // The sweep does not resume a cancelled broadcast.
    await bot.app.scheduler.tick(new Date(), true);
    await engineOf(bot).idle();
    expect(postsByConversation(bot).size).toBe(sent);
  });
});

describe('withdrawing while still sending', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { OUTBOUND_RATE_PER_SECOND: '20' } });
    await seedRecipients(bot, 150);
  });
  afterAll(async () => bot?.close());

  it('stops new sends and replaces every card already delivered', async () => {
    const briefingId = await authorDraft(bot);
    await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
    await bot.connector.waitFor(() => postsByConversation(bot).size >= 20, 20_000);
    await bot.invoke(users.bu, 'briefings.retract', { briefingId, confirmed: true });
    await engineOf(bot).idle();
    const delivered = postsByConversation(bot);
    expect(delivered.size).toBeLessThan(150);
    const withdrawnIn = new Set(
      bot.connector.received
        .filter((r) => r.method === 'PUT' && r.status === 200 && r.conversationId?.startsWith('a:bulk-') && /Withdrawn/.test(cardText(r.body.attachments?.[0]?.content)))
        .map((r) => r.conversationId),
    );
    expect([...delivered.keys()].filter((c) => !withdrawnIn.has(c))).toEqual([]);
    const b = await engineOf(bot).repo.getBriefing(briefingId);
    expect(b).toMatchObject({ status: 'retracted' });
    expect(b!.syncedVersion).toBe(b!.version);
  });
});

describe('demo data for the Playground', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot?.close());

  it('stores one published briefing and one draft, idempotently', async () => {
    const { seedDemo } = await import('../../bot/briefings/demo');
    await bot.grant(users.bu, ['businessUnit']);
    await seedDemo(bot.app.services, { memberId: users.bu.aadObjectId });
    await seedDemo(bot.app.services, { memberId: users.bu.aadObjectId });
    await bot.say(users.practitioner, 'briefings neglect');
    const lib = bot.connector.cards(personalConversationId(users.practitioner)).pop();
    expect(cardText(lib)).toMatch(/Seeing neglect sooner: learning from a rapid review/);
    const read = cardActions(lib).find((a) => a.verb === 'briefings.open')!;
    expect(cardText((await bot.invoke(users.practitioner, 'briefings.open', read.data)).value)).toMatch(/What to remember/);
    await bot.say(users.bu, 'drafts');
    expect(cardText(bot.connector.cards(personalConversationId(users.bu)).pop())).toMatch(/Information sharing across borders/);
    const published = await engineOf(bot).repo.library();
    expect(published).toHaveLength(1);
  });
});
