import { readFileSync } from 'node:fs';
import { listTemplates } from '../../cards/expand';
import { startTestBot, users, personalConversationId, cardText, cardActions, SettableClock, type TestBot } from '../support/harness';
import { pressButton } from '../support/adaptive-cards';
import { facts, inputs, lastCard, buttonData, invokeCard } from '../actions/helpers';

/**
 * Issue 19: what a member tried in the Playground and stumbled on, one test per numbered item (items
 * 1, 3 and 9's wording are also checked on every card by test/cards/schema.test.ts and words.test.ts).
 * Through the real endpoint, the fake connector and embedded Cosmos.
 */
const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
let bot: TestBot;
const dm = personalConversationId;
const owner = users.dspPolice;

async function newAction(title: string, ownerId = owner.aadObjectId) {
  await bot.say(users.bu, 'new action');
  const res = await bot.invoke(users.bu, 'actions.create', { title, source: 'lcspr', ownerId, dueDate: '2027-01-29' });
  const card = invokeCard(res);
  return { card, id: String(buttonData(card, 'actions.show').id ?? '') };
}

beforeAll(async () => {
  bot = await startTestBot({ clock });
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await bot.grant(owner, ['dsp'], 'police');
  await bot.grant(users.practitioner, [], 'hospitals');
  await bot.say(users.practitioner, 'hello');
}, 60_000);
afterAll(async () => bot?.close());

describe('2. "Assign to me" on a ticket', () => {
  it('reaches the bot with the reply box empty, while "Send reply" still needs a reply', async () => {
    await bot.say(users.practitioner, 'where is the pre-birth protocol for the maternity unit');
    const suggest = bot.connector.cards(dm(users.practitioner)).pop();
    const ask = cardActions(suggest).find((a) => a.verb === 'queries.ask' || (a.verb === 'queries.feedback' && a.data.helpful === 'no'))!;
    await bot.invoke(users.practitioner, ask.verb!, ask.data);
    const ticket = bot.connector.cards(dm(users.bu)).pop();
    expect(cardText(ticket)).toMatch(/pre-birth protocol/);
    expect(pressButton(ticket, 'Assign to me').sent).toBe(true);
    // The reply box is not required in the card (Teach the bot must work with it empty); the server
    // refuses an empty reply with the field's label, sends nothing and keeps the card.
    expect(pressButton(ticket, 'Teach the bot').sent).toBe(true);
    const ticketId = cardActions(ticket).find((a) => a.verb === 'queries.reply')!.data.ticketId;
    const before = bot.connector.received.length;
    const empty = await bot.invoke(users.bu, 'queries.reply', { ticketId, answer: '' });
    expect(cardText(empty.value)).toContain('Reply to the asker: Please fill this in.');
    expect(bot.connector.received.length).toBe(before);
  });
});

describe('4. internal words', () => {
  it('an action from an audit names the round by its code, not its id', async () => {
    const round = await bot.app.services.repos.audits.rounds.create({
      type: 'round', id: 'f'.repeat(40), pk: bot.app.services.partnershipId, code: 'MACA-2611', templateId: 'multi-agency-case-audit', theme: 'Neglect',
      dueDate: '2026-12-18', agencies: ['police'], auditorIds: [owner.aadObjectId], status: 'open', createdBy: users.bu.aadObjectId, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(),
    });
    const t = bot.app.services.content.audits.templates.find((x) => x.id === 'multi-agency-case-audit')!;
    const answers = Object.fromEntries(t.questions.map((q) => [`q_${q.id}`, t.answerScale[0]]));
    await bot.invoke(owner, 'audits.quick.submit', { roundId: round.id, reference: 'MACA-2026-014', ...answers, grade: t.gradeScale[0], strengths: 'none', improvements: 'none', proposedActions: 'Refresh the screening tool training' });
    const [checkIn] = await bot.app.services.repos.audits.checkInsFor(round.id);
    await bot.invoke(users.bu, 'audits.action.create', { roundId: round.id, checkInId: checkIn.id });
    const actionCard = bot.connector.cards(dm(owner)).pop();
    expect(facts(actionCard).Source).toMatch(/\(MACA-2611\)$/);
    expect(JSON.stringify(facts(actionCard))).not.toContain('f'.repeat(40));
  });

  it('a card button answers in plain text, without markdown marks', async () => {
    const res = await bot.invoke(users.bu, 'no.such.verb', {});
    expect(res.value).toBe('Sorry, I do not recognise that button. The card may be out of date: type help to start again.');
  });

  it('a missing id says the card is out of date, without naming a key', async () => {
    const res = await bot.invoke(owner, 'actions.acknowledge', {});
    expect(res.value).toBe('This card is out of date. Please open it again from the latest message, or type help.');
  });
});

describe('5. the new-meeting form', () => {
  it('"new meeting for board" fills in the group as well as the title and length', async () => {
    await bot.say(users.bu, 'new meeting for board');
    expect(inputs(lastCard(bot, users.bu))).toMatchObject({ seriesId: 'partnership-board', title: 'Partnership board', lengthMinutes: '150' });
  });

  it('keeps the length after an error, and takes a venue with its postcode', async () => {
    const bad = invokeCard(await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Board', meetingDate: '2026-11-02', meetingTime: '10:00', lengthMinutes: '90', place: 'Westfields, Middlewich Road, Sandbach CW11 1HZ' }));
    expect(cardText(bad)).toMatch(/Date: that date and time has already passed/);
    expect(inputs(bad)).toMatchObject({ lengthMinutes: '90', place: 'Westfields, Middlewich Road, Sandbach CW11 1HZ' });
    const ok = invokeCard(await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Board', meetingDate: '2026-12-10', meetingTime: '10:00', lengthMinutes: '90', place: 'Westfields, Middlewich Road, Sandbach CW11 1HZ', quick: "Early help offer | Head of service | CEC children's services | 20 | assurance" }));
    expect(cardText(ok)).toMatch(/Draft saved/);
    expect(cardText(ok)).toMatch(/CW11 1HZ/);
  });
});

describe('6. dates', () => {
  it('no date input carries a min, which clients enforce silently on typed dates', () => {
    const withMin = listTemplates().filter((t) => /"Input\.Date"[^}]*"min"/.test(readFileSync(t.path, 'utf8')));
    expect(withMin.map((t) => `${t.feature}/${t.name}`)).toEqual([]);
  });

  it('a past date gets a message and keeps what was typed', async () => {
    const { id } = await newAction('Share the neglect screening tool results with schools');
    const a = (await bot.app.services.repos.actions.get(id))!;
    const res = invokeCard(await bot.invoke(owner, 'actions.extension.request', { id, etag: a._etag, newDueDate: '2026-11-02', reason: 'Waiting for data' }));
    expect(cardText(res)).toMatch(/New due date: That date is in the past: please choose today or a later date\./);
    expect(inputs(res)).toMatchObject({ newDueDate: '2026-11-02', reason: 'Waiting for data' });
  });
});

describe('7. cards that refresh to their done state', () => {
  it('an action opened from "my actions" has a way back, after every change too', async () => {
    const { id } = await newAction('Publish the escalation policy summary for schools');
    await bot.say(owner, 'my actions');
    const opened = invokeCard(await bot.invoke(owner, 'actions.show', { id }));
    expect(buttonData(opened, 'actions.mine')).toBeDefined();
    const acked = invokeCard(await bot.invoke(owner, 'actions.acknowledge', buttonData(opened, 'actions.acknowledge')));
    expect(cardText(acked)).toMatch(/Acknowledged/);
    expect(buttonData(acked, 'actions.mine')).toBeDefined();
    expect(cardText(invokeCard(await bot.invoke(owner, 'actions.mine', {})))).toMatch(/My actions/);
  });

  it('the tracker names what waits for sign-off or an extension decision', async () => {
    const { id } = await newAction('Refresh the neglect tool training for health visitors');
    let a = (await bot.app.services.repos.actions.get(id))!;
    await bot.invoke(owner, 'actions.extension.request', { id, etag: a._etag, newDueDate: '2027-03-31', reason: 'Training dates moved by the trust' });
    a = (await bot.app.services.repos.actions.get(id))!;
    await bot.say(users.bu, 'tracker');
    const summary = lastCard(bot, users.bu);
    expect(cardText(summary)).toMatch(new RegExp(`\\*\\*${a.reference.replace(/[/.]/g, '\\$&')}\\*\\* Refresh the neglect tool training for health visitors`));
    expect(cardText(summary)).toMatch(/Extension requested/);
    expect(cardActions(summary).some((b) => b.verb === 'actions.show' && b.data.id === id)).toBe(true);
  });

  it('"Manage" stays on the business unit\'s agenda after they reply', async () => {
    await bot.say(users.bu, 'add Business Unit Officer to group board');
    const draft = invokeCard(await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Board', meetingDate: '2026-12-17', meetingTime: '10:00', lengthMinutes: '120' }));
    const meetingId = buttonData(draft, 'meetings.publish').meetingId;
    invokeCard(await bot.invoke(users.bu, 'meetings.publish', { meetingId }));
    const replied = invokeCard(await bot.invoke(users.bu, 'meetings.rsvp', { meetingId, response: 'attending' }));
    expect(cardText(replied)).toMatch(/Latest reply: Business Unit Officer, attending/);
    expect(cardActions(replied).map((b) => b.verb)).toEqual(expect.arrayContaining(['meetings.edit.open', 'meetings.publish']));
  });

  it('the briefing feedback form goes once feedback is given', async () => {
    const repo = bot.app.services.repos.briefings;
    const at = clock.now().toISOString();
    const b = await repo.briefings.create({
      type: 'briefing', id: 'b-stumbles', pk: bot.app.services.partnershipId, code: 'STUMB1', title: 'Seeing neglect sooner', source: '', background: 'Background.', whyItMatters: '', keyPoints: [], remember: '', actions: '',
      reflection: [], links: [], priorities: [], audience: { kind: 'everyone', conversations: [], roles: [], agencies: [] }, status: 'sent', sentAt: at, version: 1, syncedVersion: 1, authorId: users.bu.aadObjectId, authorName: '', createdAt: at, updatedAt: at,
    });
    const card = invokeCard(await bot.invoke(users.practitioner, 'briefings.feedback', { briefingId: b.id, useful: 'yes', reflection: 'I will use the screening tool in supervision.' }));
    expect(cardText(card)).toMatch(/Thank you for your feedback/);
    expect(cardActions(card).map((x) => x.verb)).not.toContain('briefings.feedback');
    expect(Object.keys(inputs(card))).not.toContain('reflection');
  });
});

describe('8. the child-details guard asks, and decides by purpose', () => {
  it('asks about "NHS" and ten digits that fail the check digit; ticking "I have checked" keeps the text', async () => {
    const { id } = await newAction('Check the referral pathway with the health visiting team');
    const a = (await bot.app.services.repos.actions.get(id))!;
    const note = 'Spoke to the NHS 485 777 3456 switchboard about the pathway';
    const asked = invokeCard(await bot.invoke(owner, 'actions.update', { id, etag: a._etag, note, progress: 'in_progress' }));
    expect(cardText(asked)).toMatch(/Progress update: This may contain an NHS number\./);
    expect(inputs(asked)).toMatchObject({ note, privacyConfirmed: 'false' });
    expect((await bot.app.services.repos.actions.get(id))!.notes).toEqual([]);
    const kept = invokeCard(await bot.invoke(owner, 'actions.update', { id, etag: a._etag, note, progress: 'in_progress', privacyConfirmed: 'true' }));
    expect(cardText(kept)).toMatch(/Update saved/);
    expect((await bot.app.services.repos.actions.get(id))!.notes.map((n) => n.text)).toEqual([note]);
  });

  it("asks about a likely child's name in free text, and still refuses a valid NHS number after the tick", async () => {
    const { id } = await newAction('Agree the joint visit protocol');
    const a = (await bot.app.services.repos.actions.get(id))!;
    const asked = invokeCard(await bot.invoke(owner, 'actions.update', { id, etag: a._etag, note: 'Met a boy called Jamie at the school gate', progress: 'in_progress' }));
    expect(cardText(asked)).toMatch(/This may contain a child's name/);
    const refused = invokeCard(await bot.invoke(owner, 'actions.update', { id, etag: a._etag, note: 'NHS number 943 476 5919', progress: 'in_progress', privacyConfirmed: 'true' }));
    expect(cardText(refused)).toMatch(/This looks like it contains an NHS number/);
    expect((await bot.app.services.repos.actions.get(id))!.notes).toEqual([]);
  });

  it('asks in chat with a button, then answers the question as written', async () => {
    await bot.say(users.practitioner, 'who looks after NHS 485 777 3456 referrals?');
    const card = bot.connector.cards(dm(users.practitioner)).pop();
    expect(cardText(card)).toMatch(/If a child is in immediate danger, call 999/);
    expect(cardText(card)).toMatch(/This may contain an NHS number/);
    const confirm = cardActions(card).find((b) => b.verb === 'queries.confirm')!;
    const done = invokeCard(await bot.invoke(users.practitioner, 'queries.confirm', confirm.data));
    expect(cardActions(done)).toEqual([]);
    expect(cardText(bot.connector.cards(dm(users.practitioner)).pop())).not.toMatch(/This may contain/);
  });

  it.each(['asdkjh qwpoe zzxv', '🙂🙂🙂', 'what is the weather like today'])('gives %j no red 999 banner', async (text) => {
    await bot.say(users.practitioner, text);
    expect(cardText(bot.connector.cards(dm(users.practitioner)).pop())).not.toMatch(/999/);
  });
});

describe('9. words and contrast', () => {
  it('no card colours text yellow ("Warning"), which is too faint on white', () => {
    const yellow = listTemplates().filter((t) => /"color":\s*"Warning"/i.test(readFileSync(t.path, 'utf8')));
    expect(yellow.map((t) => `${t.feature}/${t.name}`)).toEqual([]);
    expect(readFileSync(require.resolve('../../bot/actions/rag'), 'utf8')).not.toMatch(/'Warning'/);
  });

  it('an answer lists its links in the card body, where a long title is not cut short', async () => {
    await bot.say(users.practitioner, 'what are the levels of need?');
    const card = bot.connector.cards(dm(users.practitioner)).pop();
    expect(JSON.stringify(card)).not.toContain('Action.OpenUrl');
    expect(cardText(card)).toMatch(/\[Right Help, Right Time[^\]]*\]\(https:/);
  });

  it('counts are singular when there is one', async () => {
    await bot.say(users.bu, 'add Health Visitor to group learning-improvement');
    expect(bot.connector.texts(dm(users.bu)).pop()).toMatch(/\(1 member\)/);
  });
});
