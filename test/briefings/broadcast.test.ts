import { startTestBot, users, personalConversationId, cardText, cardActions, type TestBot } from '../support/harness';
import { authorDraft, engineOf, formFields, postsByConversation, putsByConversation, seedRecipients } from './fixtures';

const N = 300;

describe('briefings broadcast through the real endpoint', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { OUTBOUND_RATE_PER_SECOND: '50' } });
    await seedRecipients(bot, N);
  });
  afterAll(async () => bot?.close());

  let briefingId = '';

  it('asks for confirmation before sending to everyone, then delivers exactly once to each of 300 recipients', async () => {
    briefingId = await authorDraft(bot);
    const first = await bot.invoke(users.bu, 'briefings.send', { briefingId, ...formFields() });
    expect(cardText(first.value)).toMatch(/Send to everyone\?/);
    const confirm = cardActions(first.value).find((a) => a.verb === 'briefings.send')!;
    const res = await bot.invoke(users.bu, 'briefings.send', confirm.data);
    expect(res.value).toMatch(/Sending/);
    await engineOf(bot).idle();

    const posts = postsByConversation(bot);
    expect(posts.size).toBe(N);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);

    const repo = engineOf(bot).repo;
    const counts = await repo.counts(briefingId);
    expect(counts.queued + counts.sending + counts.failed).toBe(0);
    const sent = await repo.deliveries.query('c.pk = @pk AND c.status = "sent"', [{ name: '@pk', value: briefingId }]);
    expect(sent.every((d) => !!d.activityId)).toBe(true);
    expect((await repo.getBriefing(briefingId))?.status).toBe('sent');

    // The author's progress card was posted and then replaced in place with the final figures.
    const buPuts = bot.connector.received.filter((r) => r.method === 'PUT' && r.conversationId === personalConversationId(users.bu));
    expect(buPuts.length).toBeGreaterThan(0);
    expect(cardText(buPuts[buPuts.length - 1].body.attachments[0].content)).toMatch(/Sent/);
  });

  it('an edit after sending updates every delivered card in place', async () => {
    const since = Date.now();
    const b = await engineOf(bot).repo.getBriefing(briefingId);
    // The sent form has no audience or schedule inputs, so the submission carries none.
    const { audienceKind, conversations, roles, agencies, sendDate, sendTime, ...edited } = formFields({ title: 'Seeing neglect sooner (corrected)' });
    void [audienceKind, conversations, roles, agencies, sendDate, sendTime];
    const res = await bot.invoke(users.bu, 'briefings.save', { briefingId, etag: b!._etag, ...edited });
    expect(res.statusCode).toBe(200);
    await engineOf(bot).idle();
    const puts = putsByConversation(bot, 'a:bulk-', since);
    expect(puts.size).toBe(N);
    for (const bodies of puts.values()) expect(cardText(bodies[bodies.length - 1].attachments[0].content)).toMatch(/corrected/);
    expect(postsByConversation(bot).size).toBe(N);
    const after = await engineOf(bot).repo.getBriefing(briefingId);
    expect(after!.syncedVersion).toBe(after!.version);
  });

  it('a practitioner reads it, rates it, and a reflection with child-identifying details is refused but the rating is kept', async () => {
    await bot.grant(users.practitioner, [], 'police');
    const read = await bot.invoke(users.practitioner, 'briefings.read', { briefingId });
    expect(cardText(read.value)).toMatch(/marked this as read/);
    const refused = await bot.invoke(users.practitioner, 'briefings.feedback', { briefingId, useful: 'partly', reflection: 'Will discuss the family at CW1 2AB in supervision' });
    expect(cardText(refused.value)).toMatch(/identify a child/i);
    // What they typed is still in the card.
    expect(JSON.stringify(refused.value)).toContain('CW1 2AB');
    const ok = await bot.invoke(users.practitioner, 'briefings.feedback', { briefingId, useful: 'yes', reflection: 'I will use the screening tool at our next team meeting.' });
    expect(cardText(ok.value)).toMatch(/Thank you for your feedback/);
    const repo = engineOf(bot).repo;
    const r = await repo.responses.get(repo.responseId(briefingId, users.practitioner.aadObjectId), briefingId);
    expect(r).toMatchObject({ useful: 'yes', agency: 'police' });
    expect(r?.reflection).not.toMatch(/CW1/);
  });

  it('a 28 KB reflection is refused with the field\'s limit, keeps the first 4,000 characters typed, and never overflows the card', async () => {
    const long = 'I will raise this with my team. '.repeat(900);
    const res = await bot.invoke(users.practitioner, 'briefings.feedback', { briefingId, useful: 'yes', reflection: long });
    expect(res.statusCode).toBe(200);
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(res.value)).toContain('keep it under 1,000 characters');
    expect(Buffer.byteLength(JSON.stringify(res.value))).toBeLessThan(28 * 1024);
    expect(JSON.stringify(res.value)).toContain(long.slice(0, 4000));
  });

  it('the business unit sees reach by agency and role, and gets a CSV without free text unless asked', async () => {
    const reach = await bot.invoke(users.bu, 'briefings.reach', { briefingId });
    const text = cardText(reach.value);
    expect(text).toMatch(/Reach: Seeing neglect sooner/);
    expect(text).toMatch(/Cheshire Constabulary/);
    await bot.invoke(users.bu, 'briefings.export', { briefingId, reflections: false });
    const csv = bot.connector.texts(personalConversationId(users.bu)).pop()!;
    expect(csv).toMatch(/```csv/);
    expect(csv).toMatch(/agency,Cheshire Constabulary,\d+,1,1,0,0/);
    expect(csv).not.toMatch(/screening tool at our next/);
    await bot.invoke(users.bu, 'briefings.export', { briefingId, reflections: true });
    expect(bot.connector.texts(personalConversationId(users.bu)).pop()).toMatch(/screening tool at our next/);
  });

  it('lists the briefing in the library, searchable by word and priority', async () => {
    await bot.say(users.practitioner, 'briefings neglect');
    expect(cardText(bot.connector.cards(personalConversationId(users.practitioner)).pop())).toMatch(/corrected/);
    await bot.say(users.practitioner, 'briefings exploitation');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/No briefings match/);
  });

  it('withdrawing replaces every delivered card with a withdrawn notice', async () => {
    const since = Date.now();
    const ask = await bot.invoke(users.bu, 'briefings.retract', { briefingId });
    expect(cardText(ask.value)).toMatch(/Withdraw this briefing\?/);
    await bot.invoke(users.bu, 'briefings.retract', cardActions(ask.value).find((a) => a.verb === 'briefings.retract')!.data);
    await engineOf(bot).idle();
    const puts = putsByConversation(bot, 'a:bulk-', since);
    expect(puts.size).toBe(N);
    for (const bodies of puts.values()) expect(cardText(bodies[bodies.length - 1].attachments[0].content)).toMatch(/Withdrawn/);
  });
});
