import { startTestBot, users, personalConversationId, cardText, cardActions, SettableClock, type TestBot, type TestUser } from '../support/harness';

/**
 * The meetings journey through the real endpoint, the fake connector and embedded Cosmos: set up the
 * board, publish, RSVPs from the partners change the quorum line on every posted copy, re-publishing
 * updates the same activities, reminders go once, and the attendance report matches the replies.
 */
const clock = new SettableClock(new Date('2026-01-05T10:00:00Z'));
let bot: TestBot;
let meetingId = '';
const partners = [users.dspCouncil, users.dspPolice, users.dspIcb, users.dspEducation];
const dm = (u: TestUser) => personalConversationId(u);
const meetingCount = async () => (await bot.app.services.repos.meetings.meetings.query('c.pk = @pk', [{ name: '@pk', value: bot.app.services.partnershipId }])).length;
const stored = async () => (await bot.app.services.repos.meetings.get(meetingId))!;
const lastText = (u: TestUser) => bot.connector.texts(dm(u)).pop() ?? '';

beforeAll(async () => {
  bot = await startTestBot({ clock });
  await bot.grant(users.bu, ['businessUnit']);
  await bot.grant(users.dspCouncil, ['dsp'], 'council-childrens');
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  await bot.grant(users.dspIcb, ['dsp'], 'icb');
  await bot.grant(users.dspEducation, ['dsp'], 'education');
  await bot.grant(users.chair, ['chair'], 'police');
  await bot.say(users.practitioner, 'my roles');
}, 60_000);
afterAll(async () => bot?.close());

it('lets the business unit put the four partners and the chair in the board', async () => {
  for (const u of [...partners, users.chair]) {
    await bot.say(users.bu, `add ${u.name} to group board`);
    expect(lastText(users.bu)).toMatch(new RegExp(`${u.name} is now in the Partnership board`));
  }
  await bot.say(users.dspPolice, 'add Health Visitor to group board');
  expect(lastText(users.dspPolice)).toMatch(/^Sorry, only the business unit/);
  await bot.say(users.bu, 'group board');
  expect(lastText(users.bu)).toMatch(/5 members, agendas go to each member 1:1/);
});

it('refuses a meeting in the past and keeps what was typed', async () => {
  const res = await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Partnership board', meetingDate: '2026-01-02', meetingTime: '10:00', lengthMinutes: '150', place: 'Committee room' });
  expect(cardText(res.value)).toMatch(/already passed/);
  expect(JSON.stringify(res.value)).toContain('Committee room');
  expect(await meetingCount()).toBe(0);
});

it('creates a draft with the chair from the rota and items from the quick format', async () => {
  const due = '2026-03-31';
  try {
    await bot.app.services.actions.createAction({ title: 'Refresh the neglect screening tool training', source: 'meeting', ownerId: users.dspIcb.aadObjectId, group: 'partnership-board', dueDate: due }, users.bu.aadObjectId);
  } catch (e) {
    if (!/not available/i.test(String((e as Error).message))) throw e;
  }
  const res = await bot.invoke(users.bu, 'meetings.new', {
    seriesId: 'partnership-board',
    title: 'Partnership board',
    meetingDate: '2026-01-20',
    meetingTime: '10:00',
    lengthMinutes: '60',
    link: 'https://teams.microsoft.com/l/meetup-join/test',
    chairAgency: 'rota',
    quick: 'Rapid review update | Council DSP | council-childrens | 30 | assurance\nNeglect strategy refresh | ICB DSP | icb | 20 | decision',
  });
  const text = cardText(res.value);
  expect(text).toMatch(/Draft saved/);
  expect(text).toMatch(/CEC children's services/);
  expect(text).toMatch(/10:00-10:30/);
  expect(text).toMatch(/Quorate: local authority ✗, police ✗, ICB ✗ \(not quorate yet\)/);
  expect(text).toMatch(/chair was taken from the group's chair rule \(Council DSP\)/);
  meetingId = cardActions(res.value).find((a) => a.verb === 'meetings.publish')!.data.meetingId;
  expect(meetingId).toBeTruthy();
  if (/tracker could not be reached/.test(text)) console.warn('action tracker not available: matters arising assertion skipped');
  else expect(text).toMatch(/Refresh the neglect screening tool training/);
});

it('refuses an agenda item with no title, and a stale edit, without losing anything', async () => {
  const before = await stored();
  const noTitle = await bot.invoke(users.bu, 'meetings.item.add', { meetingId, etag: before._etag, title: '  ', presenter: 'Police DSP', minutes: '15', kind: 'information' });
  expect(cardText(noTitle.value)).toMatch(/Title: Please fill this in\./);
  expect(JSON.stringify(noTitle.value)).toContain('Police DSP');
  const added = await bot.invoke(users.bu, 'meetings.item.add', { meetingId, etag: before._etag, title: 'Exploitation pathway progress', presenter: 'Police DSP', agency: 'police', minutes: '20', kind: 'assurance' });
  expect(cardText(added.value)).toMatch(/Item added/);
  expect(cardText(added.value)).toMatch(/70 minutes, 10 more than the 60-minute meeting/);
  const stale = await bot.invoke(users.bu, 'meetings.edit', { meetingId, etag: before._etag, title: 'Board (renamed)', meetingDate: '2026-01-20', meetingTime: '10:00', lengthMinutes: '150' });
  expect(cardText(stale.value)).toMatch(/Someone else changed this meeting/);
  expect(JSON.stringify(stale.value)).toContain('Board (renamed)');
  const after = await stored();
  expect(after.title).toBe('Partnership board');
  expect(after.items).toHaveLength(3);
  const fresh = await bot.invoke(users.bu, 'meetings.edit', { meetingId, etag: after._etag, title: 'Partnership board', meetingDate: '2026-01-20', meetingTime: '10:00', lengthMinutes: '150', chairAgency: 'rota', link: 'https://teams.microsoft.com/l/meetup-join/test' });
  expect(cardText(fresh.value)).toMatch(/Saved/);
  expect((await stored()).lengthMinutes).toBe(150);
});

it('shows a draft agenda to the business unit only, even to members of its group', async () => {
  const asMember = await bot.invoke(users.dspCouncil, 'meetings.show', { meetingId });
  expect(asMember.value).toBe('That agenda is for the members of the Partnership board. If you should be in the group, ask the business unit.');
  const asBu = await bot.invoke(users.bu, 'meetings.show', { meetingId });
  expect(cardText(asBu.value)).toMatch(/Partnership board/);
});

const posted = new Map<string, string>();

it('publishes the agenda to each member 1:1', async () => {
  const res = await bot.invoke(users.bu, 'meetings.publish', { meetingId });
  expect(cardText(res.value)).toMatch(/Published to 5 members 1:1/);
  for (const u of partners) {
    const sends = bot.connector.received.filter((r) => r.method === 'POST' && r.conversationId === dm(u) && r.body?.summary === 'Agenda: Partnership board');
    expect(sends).toHaveLength(1);
    posted.set(u.aadObjectId, sends[0].assignedId!);
    expect(cardText(sends[0].body.attachments[0].content)).toMatch(/Partnership board/);
    expect(cardActions(sends[0].body.attachments[0].content).map((a) => a.verb)).toContain('meetings.rsvp');
  }
});

const deputy = { id: '29:deputy', aadObjectId: 'aad-deputy', name: 'Assistant Head of Education' };

it('turns RSVPs from three partners into the quorum line on every posted copy', async () => {
  let r = await bot.invoke(users.dspCouncil, 'meetings.rsvp', { meetingId, response: 'attending' });
  expect(cardText(r.value)).toMatch(/local authority ✓, police ✗, ICB ✗ \(not quorate yet\)/);
  r = await bot.invoke(users.dspPolice, 'meetings.rsvp', { meetingId, response: 'attending' });
  expect(cardText(r.value)).toMatch(/local authority ✓, police ✓, ICB ✗ \(not quorate yet\)/);
  const noName = await bot.invoke(users.dspEducation, 'meetings.rsvp', { meetingId, response: 'deputy', deputyName: '' });
  expect(noName.value).toMatch(/deputy's name/);
  const unknown = await bot.invoke(users.dspEducation, 'meetings.rsvp', { meetingId, response: 'deputy', deputyName: 'Assistant Head of Education', deputyAgency: 'same' });
  expect(unknown.value).toBe('I could not find anyone called "Assistant Head of Education". They need to be in a team the bot is in, or to have said hello to me first. Nothing was changed.');
  await bot.say(deputy, 'my roles');
  r = await bot.invoke(users.dspEducation, 'meetings.rsvp', { meetingId, response: 'deputy', deputyName: 'Assistant Head of Education', deputyAgency: 'same' });
  // Education is a local partner, not a statutory one: its deputy is recorded but the board still needs the ICB.
  expect(cardText(r.value)).toMatch(/Quorate: local authority ✓, police ✓, ICB ✗ \(not quorate yet\)/);
  expect(cardText(r.value)).not.toMatch(/education [✓✗]/);
  expect(cardText(r.value)).toMatch(/Attending 2 · Deputies 1 · Apologies 0 · No reply 2/);
  const update = bot.connector.received.filter((x) => x.method === 'PUT' && x.conversationId === dm(users.dspIcb)).pop()!;
  expect(update.activityId).toBe(posted.get(users.dspIcb.aadObjectId));
  expect(cardText(update.body.attachments[0].content)).toMatch(/Deputies 1/);
});

it('shows a published agenda to its members, and not to someone outside the group', async () => {
  expect(cardText((await bot.invoke(users.dspCouncil, 'meetings.show', { meetingId })).value)).toMatch(/Partnership board/);
  const outsider = await bot.invoke(users.practitioner, 'meetings.show', { meetingId });
  expect(outsider.value).toBe('That agenda is for the members of the Partnership board. If you should be in the group, ask the business unit.');
});

it('refuses an RSVP from someone outside the group, changing nothing', async () => {
  const before = await stored();
  const r = await bot.invoke(users.practitioner, 'meetings.rsvp', { meetingId, response: 'attending' });
  expect(r.value).toMatch(/Only members of the Partnership board/);
  expect((await stored())._etag).toBe(before._etag);
});

it('lets the named deputy, and only them, confirm for the member who named them', async () => {
  // Someone else with the same display name is not the deputy: deputies are recognised by member id.
  const namesake = { id: '29:namesake', aadObjectId: 'aad-namesake', name: 'Assistant Head of Education' };
  const before = await stored();
  const refused = await bot.invoke(namesake, 'meetings.rsvp', { meetingId, response: 'attending' });
  expect(refused.value).toBe('Only members of the Partnership board (or a deputy a member has named) can reply to this agenda. Nothing was changed. If you should be in the group, ask the business unit.');
  expect((await stored())._etag).toBe(before._etag);
  const r = await bot.invoke(deputy, 'meetings.rsvp', { meetingId, response: 'attending' });
  expect(cardText(r.value)).toMatch(/confirmed as deputy for Education DSP/);
  expect((await stored()).rsvps[users.dspEducation.aadObjectId]).toMatchObject({ response: 'deputy', deputyId: deputy.aadObjectId });
});

it('re-publishing after an edit updates the same activities instead of posting new ones', async () => {
  const m = await stored();
  await bot.invoke(users.bu, 'meetings.item.add', { meetingId, etag: m._etag, title: 'Any other business', minutes: '10', kind: 'information' });
  const postsBefore = bot.connector.received.filter((r) => r.method === 'POST').length;
  const res = await bot.invoke(users.bu, 'meetings.publish', { meetingId });
  expect(cardText(res.value)).toMatch(/Updated the posted agenda in place/);
  expect(bot.connector.received.filter((r) => r.method === 'POST').length).toBe(postsBefore);
  for (const u of partners) {
    const last = bot.connector.received.filter((r) => r.method === 'PUT' && r.conversationId === dm(u)).pop()!;
    expect(last.activityId).toBe(posted.get(u.aadObjectId));
    expect(cardText(last.body.attachments[0].content)).toMatch(/Any other business/);
  }
});

it('sends the RSVP chase and the quorum warning once each, on working days', async () => {
  await bot.invoke(users.dspIcb, 'meetings.rsvp', { meetingId, response: 'apologies' });
  // Tue 13 Jan is the papers deadline: presenters of items with no paper are reminded, once.
  clock.set('2026-01-13T09:45:00Z');
  const papers = await bot.app.scheduler.tick(clock.now(), true);
  expect(papers['sweep:meetings:reminders']).toMatchObject({ papers: 3 });
  expect(bot.connector.texts(dm(users.dspPolice)).pop()).toMatch(/no paper for "Exploitation pathway progress"/);
  await bot.app.scheduler.tick(clock.now(), true);
  expect(bot.connector.texts(dm(users.dspPolice)).filter((t) => /Papers for/.test(t))).toHaveLength(1);
  clock.set('2026-01-13T18:00:00Z');
  expect(await bot.app.scheduler.tick(clock.now(), true)).toMatchObject({ 'sweep:meetings:reminders': {} });
  // Fri 16 Jan is 2 working days before Tue 20 Jan: only the chair has not replied.
  clock.set('2026-01-16T09:45:00Z');
  const chase = await bot.app.scheduler.tick(clock.now(), true);
  expect(chase['sweep:meetings:reminders']).toMatchObject({ rsvp: 1 });
  expect(bot.connector.cards(dm(users.chair)).pop()).toBeDefined();
  expect(cardText(bot.connector.cards(dm(users.chair)).pop())).toMatch(/not replied yet/);
  await bot.app.scheduler.tick(clock.now(), true);
  expect(bot.connector.cards(dm(users.chair)).filter((c) => /not replied yet/.test(cardText(c)))).toHaveLength(1);
  // Mon 19 Jan, 1 working day before: ICB has sent apologies, so the chair and business unit are warned.
  clock.set('2026-01-19T09:45:00Z');
  await bot.app.scheduler.tick(clock.now(), true);
  await bot.app.scheduler.tick(clock.now(), true);
  expect(bot.connector.texts(dm(users.chair)).filter((t) => /will not be quorate/.test(t))).toHaveLength(1);
  expect(bot.connector.texts(dm(users.bu)).filter((t) => /will not be quorate/.test(t) && /ICB ✗/.test(t))).toHaveLength(1);
});

it('records the meeting from the RSVPs, creates actions and sends the summary', async () => {
  clock.set('2026-01-20T14:00:00Z');
  const open = await bot.invoke(users.bu, 'meetings.record.open', { meetingId });
  const values: Record<string, string> = {};
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      if (n.type === 'Input.Toggle') values[n.id] = n.value;
      Object.values(n).forEach(walk);
    }
  };
  walk(open.value);
  expect(values[`present-${users.dspIcb.aadObjectId}`]).toBe('false');
  expect(values[`present-${users.dspEducation.aadObjectId}`]).toBe('true');
  const etag = cardActions(open.value).find((a) => a.verb === 'meetings.record')!.data.etag;
  const bad = await bot.invoke(users.bu, 'meetings.record', { meetingId, etag, ...values, decisions: 'Neglect strategy approved', actions: 'Circulate the strategy | Nobody Known | 2026-02-27' });
  expect(cardText(bad.value)).toMatch(/Nothing was saved.*I do not know anyone called "Nobody Known"/);
  expect((await stored()).status).toBe('published');
  const res = await bot.invoke(users.bu, 'meetings.record', { meetingId, etag, ...values, decisions: 'Neglect strategy approved for consultation', actions: 'Circulate the neglect strategy to partner agencies | Police DSP | 2026-02-27' });
  const text = cardText(res.value);
  expect(text).toMatch(/Recorded\./);
  const m = await stored();
  expect(m.status).toBe('held');
  expect(m.decisions).toEqual(['Neglect strategy approved for consultation']);
  if (/could not be created/.test(text)) console.warn('action tracker not available: action creation assertion skipped');
  else expect(m.actionIds).toHaveLength(1);
  const summary = bot.connector.cards(dm(users.dspPolice)).pop();
  expect(cardText(summary)).toMatch(/Summary: Partnership board/);
  expect(cardText(summary)).toMatch(/Neglect strategy approved/);
});

it('reports attendance by agency matching the RSVPs, meetings held against plan, and a CSV', async () => {
  await bot.say(users.bu, 'attendance board from 2026-01-01 to 2026-03-31');
  const card = bot.connector.cards(dm(users.bu)).pop();
  const text = cardText(card);
  expect(text).toMatch(/Attendance by agency \(1 meeting held\)/);
  const row = (agency: string) => new RegExp(`${agency}\\n1 of 1\\n100%`);
  expect(text).toMatch(row("CEC children's services"));
  expect(text).toMatch(row('Police'));
  expect(text).toMatch(row('Education'));
  expect(text).toMatch(/ICB\n0 of 1\n0%/);
  await bot.say(users.bu, 'attendance csv board from 2026-01-01 to 2026-03-31');
  const csv = lastText(users.bu);
  expect(csv).toMatch(/attendance,Partnership board,ICB,,1,,0,0,2026-01-01,2026-03-31/);
  expect(csv).toMatch(/meetings,Partnership board,,\d+,1,0/);
  await bot.say(users.dspIcb, 'attendance');
  expect(lastText(users.dspIcb)).toMatch(/^Sorry, only the business unit or chair/);
});

it('lists upcoming meetings for members, with buttons', async () => {
  clock.set('2026-01-06T09:00:00Z');
  await bot.say(users.dspPolice, 'meetings');
  const card = bot.connector.cards(dm(users.dspPolice)).pop();
  expect(cardText(card)).toMatch(/Partnership board/);
  expect(cardActions(card).some((a) => a.verb === 'meetings.show')).toBe(true);
});
