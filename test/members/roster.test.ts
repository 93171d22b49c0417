import { startTestBot, users, memoryLogger, personalConversationId, type TestBot } from '../support/harness';
import { authorDraft, engineOf } from '../briefings/fixtures';
import type { FakeRosterMember } from '../support/fake-connector';

/**
 * Everyone means the partnership: the bot is added to a team whose 2,000 members have never spoken
 * to it; it reads the roster, and a briefing to everyone reaches each of them exactly once, opening a
 * 1:1 chat first. A member Teams says has left the team does not get the next one. Through the real
 * endpoint, the embedded Cosmos server and a local connector with the paged members API. The rate is
 * raised for the test (allowed only without an app id); the Teams-rate figures are in bench:broadcast.
 */
const TEAM = '19:partnership-team@thread.tacv2';
const N = 2000;
const roster: FakeRosterMember[] = Array.from({ length: N }, (_, i) => ({
  id: `29:roster-${i}`,
  aadObjectId: `aad-roster-${i}`,
  name: `Roster member ${i}`,
  email: `roster.${i}@partner.example.org`,
  userPrincipalName: `roster.${i}@partner.example.org`,
}));

let bot: TestBot;
const { log, lines } = memoryLogger();
const briefingPosts = (summaryPrefix: string) => {
  const byConversation = new Map<string, number>();
  for (const r of bot.connector.received) {
    if (r.method === 'POST' && r.status === 200 && r.path.endsWith('/activities') && String(r.body?.summary ?? '').startsWith(summaryPrefix)) byConversation.set(r.conversationId!, (byConversation.get(r.conversationId!) ?? 0) + 1);
  }
  return byConversation;
};

beforeAll(async () => {
  bot = await startTestBot({ log, env: { OUTBOUND_RATE_PER_SECOND: '1000' } });
  bot.connector.rosters.set(TEAM, roster);
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
}, 60_000);
afterAll(async () => bot?.close());

it('reads the whole roster when the bot is added to a team', async () => {
  const res = await bot.post(bot.activity(users.bu, { type: 'installationUpdate', action: 'add' }, { conversationType: 'channel', conversationId: TEAM, teamId: TEAM }));
  expect(res.status).toBe(200);
  await bot.app.services.background.idle();
  const pages = bot.connector.received.filter((r) => r.method === 'GET' && r.path.endsWith('/pagedmembers'));
  expect(pages).toHaveLength(4);
  const ids = await bot.app.services.members.idsInTeam(TEAM);
  expect(ids.size).toBe(N);
  const someone = await bot.app.services.members.get('aad-roster-1234');
  expect(someone).toMatchObject({ name: 'Roster member 1234', email: 'roster.1234@partner.example.org', teams: [TEAM] });
  expect(someone?.personal).toBeUndefined();
}, 120_000);

it('says how many will get a briefing to everyone, and how many chats must be opened first', async () => {
  const briefingId = await authorDraft(bot, { title: 'Seeing neglect sooner' });
  const confirm = await bot.invoke(users.bu, 'briefings.send', { briefingId });
  const text = JSON.stringify(confirm.value);
  expect(text).toContain(`everyone in the partnership: ${(N + 1).toLocaleString('en-GB')} people now.`);
  expect(text).toContain(`${N.toLocaleString('en-GB')} of them have no chat with the bot yet; I will open those chats first.`);
});

it('reaches every member of the roster exactly once, opening each 1:1 chat', async () => {
  const briefingId = await authorDraft(bot, { title: 'Everyone briefing one' });
  await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
  await engineOf(bot).idle();
  const opened = bot.connector.received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 200);
  expect(opened).toHaveLength(N);
  const posts = briefingPosts('7-minute briefing: Everyone briefing one');
  expect(posts.size).toBe(N + 1);
  expect([...posts.values()].filter((n) => n !== 1)).toEqual([]);
  const counts = await engineOf(bot).repo.counts(briefingId);
  expect(counts).toMatchObject({ sent: N + 1, failed: 0, unreachable: 0, queued: 0, sending: 0 });
}, 180_000);

it('does not send the next one to a member Teams says has left the team', async () => {
  const leaver = await bot.app.services.members.get('aad-roster-42');
  const leaverChat = leaver!.personal!.conversation.id;
  const removed = await bot.post(bot.activity(users.bu, { type: 'conversationUpdate', membersRemoved: [{ id: 'roster-42-chat-id', aadObjectId: 'aad-roster-42' }] }, { conversationType: 'channel', conversationId: TEAM, teamId: TEAM }));
  expect(removed.status).toBe(200);
  expect(await bot.app.services.members.get('aad-roster-42')).toMatchObject({ teams: [], leftAt: expect.any(String) });
  const briefingId = await authorDraft(bot, { title: 'Everyone briefing two' });
  await bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
  await engineOf(bot).idle();
  const posts = briefingPosts('7-minute briefing: Everyone briefing two');
  expect(posts.size).toBe(N);
  expect(posts.has(leaverChat)).toBe(false);
  expect(posts.get(personalConversationId(users.bu))).toBe(1);
  // No chat was opened twice: the chats opened for the first briefing were remembered.
  expect(bot.connector.received.filter((r) => r.method === 'POST' && r.path === '/v3/conversations' && r.status === 200)).toHaveLength(N);
}, 180_000);

it('logged no errors', () => {
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
});
