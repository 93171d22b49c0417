import { startTestBot, users, personalConversationId, cardText, cardActions, type TestBot } from '../support/harness';
import { matchCommand } from '../../bot/core/command-registry';
import { seedDemo } from '../../bot/meetings/demo';

/** A group with its own channel: the agenda goes there once, and every RSVP updates that one post. */
let bot: TestBot;
const CHANNEL = '19:board@thread.tacv2';
const inChannel = { conversationType: 'channel' as const, conversationId: CHANNEL, teamId: '19:team@thread.tacv2' };

beforeAll(async () => {
  bot = await startTestBot();
  await bot.grant(users.bu, ['businessUnit']);
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  await bot.grant(users.dspIcb, ['dsp'], 'icb');
}, 60_000);
afterAll(async () => bot?.close());

it('posts to the group channel and updates that post on every RSVP', async () => {
  await bot.say(users.bu, 'use this channel for board', inChannel);
  expect(bot.connector.texts(CHANNEL).pop()).toMatch(/will be posted here/);
  await bot.say(users.bu, 'add Police DSP to group board');
  await bot.say(users.bu, 'add ICB DSP to group board');
  const date = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const created = await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Partnership board', meetingDate: date, meetingTime: '10:00', lengthMinutes: '120' });
  const meetingId = cardActions(created.value).find((a) => a.verb === 'meetings.publish')!.data.meetingId;
  await bot.invoke(users.bu, 'meetings.publish', { meetingId });
  const posts = bot.connector.received.filter((r) => r.method === 'POST' && r.conversationId === CHANNEL && r.body?.summary?.startsWith('Agenda'));
  expect(posts).toHaveLength(1);
  const r = await bot.invoke(users.dspPolice, 'meetings.rsvp', { meetingId, response: 'attending' }, inChannel);
  expect(cardText(r.value)).toMatch(/Latest reply: Police DSP, attending/);
  const update = bot.connector.received.filter((x) => x.method === 'PUT' && x.conversationId === CHANNEL).pop()!;
  expect(update.activityId).toBe(posts[0].assignedId);
  expect(cardText(update.body.attachments[0].content)).toMatch(/police ✓, ICB ✗/);
});

it('seeds a demo board meeting the Playground user can open and reply to', async () => {
  await bot.grant(users.chair, ['businessUnit', 'chair'], 'council-childrens');
  await seedDemo(bot.app.services, { memberId: users.chair.aadObjectId });
  await seedDemo(bot.app.services, { memberId: users.chair.aadObjectId });
  const store = bot.app.services.repos.meetings;
  expect((await store.getGroup('partnership-board'))?.memberIds).toContain(users.chair.aadObjectId);
  await bot.say(users.chair, 'meetings');
  const list = bot.connector.cards(personalConversationId(users.chair)).pop();
  const open = cardActions(list).find((a) => a.verb === 'meetings.show' && a.data?.meetingId === 'demo-board-upcoming');
  expect(open).toBeDefined();
  const shown = await bot.invoke(users.chair, 'meetings.show', open!.data);
  const text = cardText(shown.value);
  for (const t of ['Rapid review update', 'Contextual safeguarding', 'Child sexual abuse', 'Education as a protective factor', 'Neglect', 'tracker']) expect(text).toContain(t);
  const r = await bot.invoke(users.chair, 'meetings.rsvp', { meetingId: 'demo-board-upcoming', response: 'attending' });
  expect(cardText(r.value)).toMatch(/local authority ✓/);
});

it('every role-gated command matches its own usage line (as the roles table test fills it in)', () => {
  const sample = (usage: string) => usage.replace(/\[person\]|\[who\]/g, 'Role practitioner').replace(/\[group\]/g, 'partnership-board').replace(/\[date\]/g, '2026-04-01').replace(/\[[^\]]+\]/g, 'x').replace(/\s+/g, ' ').trim();
  const mine = bot.app.router.commands.filter((c) => c.feature === 'meetings');
  for (const c of mine) expect(matchCommand(bot.app.router.commands, sample(c.usage ?? c.name), { kind: c.scopes?.[0] ?? 'personal' })?.command.name).toBe(c.name);
});
