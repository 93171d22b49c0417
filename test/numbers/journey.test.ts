import { startTestBot, users, personalConversationId, cardText, cardActions, memoryLogger, SettableClock, type TestBot, type TestUser } from '../support/harness';
import { cardSchemaValidator, chartElements, withChartFallbacks } from '../support/card-schema';
import { authorDraft, engineOf, formFields } from '../briefings/fixtures';
import { facts, inputs } from '../actions/helpers';
import { plannedCount } from '../../bot/meetings/attendance-report';
import { quarter } from '../../bot/numbers/periods';

/**
 * Through the real endpoint: a history scripted with the bot's own commands and cards across
 * 2025 Q4 and 2026 Q1 (board meetings recorded, actions imported, completed, returned and extended,
 * an audit round with a learning action, a briefing read and rated, questions asked and one
 * answered by the business unit over a working day), then `numbers 2026 Q1` shows exactly the
 * figures that history gives, with charts that have fallbacks. Published figures are recorded from
 * the card and from a CSV; the quarterly post goes to the board's channel once, even with two
 * instances. No error is logged.
 */
const clock = new SettableClock(new Date('2025-11-03T10:00:00Z'));
const { log, lines } = memoryLogger('info');
let bot: TestBot;
const partners = [users.dspCouncil, users.dspPolice, users.dspIcb, users.dspEducation];
const BOARD_CHANNEL = '19:board@thread.tacv2';
const dm = (u: TestUser) => personalConversationId(u);
const lastCard = (u: TestUser) => bot.connector.cards(dm(u)).pop();
const lastText = (u: TestUser) => bot.connector.texts(dm(u)).pop() ?? '';
const at = (iso: string) => clock.set(iso);
const validate = cardSchemaValidator();

async function boardMeeting(createOn: string, day: string, present: TestUser[]) {
  at(createOn);
  const created = await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Partnership board', meetingDate: day, meetingTime: '10:00', lengthMinutes: '120', chairAgency: 'rota' });
  const meetingId = cardActions(created.value).find((a) => a.verb === 'meetings.publish')!.data.meetingId as string;
  expect(cardText((await bot.invoke(users.bu, 'meetings.publish', { meetingId })).value)).toMatch(/Published to 4 members 1:1/);
  return {
    meetingId,
    record: async () => {
      at(`${day}T14:00:00Z`);
      const open = await bot.invoke(users.bu, 'meetings.record.open', { meetingId });
      const etag = cardActions(open.value).find((a) => a.verb === 'meetings.record')!.data.etag;
      const toggles = Object.fromEntries(partners.map((u) => [`present-${u.aadObjectId}`, present.includes(u) ? 'true' : 'false']));
      expect(cardText((await bot.invoke(users.bu, 'meetings.record', { meetingId, etag, ...toggles, decisions: '', actions: '' })).value)).toMatch(/Recorded\./);
    },
  };
}

const action = (ref: string) => bot.app.services.repos.actions.byReference(ref).then((a) => a!);
async function step(user: TestUser, verb: string, ref: string, data: object) {
  const a = await action(ref);
  const res = await bot.invoke(user, verb, { id: a.id, etag: a._etag, ...data });
  expect(res.statusCode).toBe(200);
  return res;
}

beforeAll(async () => {
  bot = await startTestBot({ clock, log, env: { BROADCAST_RATE_PER_SECOND: '50' } });
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await bot.grant(users.dspCouncil, ['dsp'], 'council-childrens');
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  await bot.grant(users.dspIcb, ['dsp'], 'icb');
  await bot.grant(users.dspEducation, ['dsp'], 'education');
  await bot.grant(users.chair, ['chair'], 'police');
  await bot.grant(users.practitioner, [], 'hospitals');
  for (const u of partners) await bot.say(users.bu, `add ${u.name} to group board`);
}, 60_000);
afterAll(async () => bot?.close());

describe('2025 Q4', () => {
  it('holds a board with three of the four partners present, and leaves an action overdue', async () => {
    const m = await boardMeeting('2025-11-03T10:00:00Z', '2025-11-18', [users.dspCouncil, users.dspPolice, users.dspIcb]);
    at('2025-11-05T10:00:00Z');
    await bot.say(users.bu, 'import actions\nreference,title,source,priority,owner,due date\nMTG-2025-001/R1,Circulate the revised escalation policy,meeting,,Council DSP,2025-12-24');
    expect(lastText(users.bu)).toMatch(/Imported 1 action/);
    await m.record();
    at('2025-12-10T10:00:00Z');
    await bot.say(users.practitioner, "what's the escalation route?");
  });

  it('posts the 2025 Q4 card to the business unit on 2 January, the first working day, when the board has no channel', async () => {
    at('2026-01-01T10:00:00Z');
    expect((await bot.app.scheduler.tick(clock.now(), true))['sweep:numbers:quarterly']).toEqual({ outsideWorkingHours: 1 });
    at('2026-01-02T10:00:00Z');
    expect((await bot.app.scheduler.tick(clock.now(), true))['sweep:numbers:quarterly']).toEqual({ posted: 1, toBoardChannel: 0 });
    const card = lastCard(users.bu);
    expect(cardText(card)).toMatch(/Partnership in numbers[\s\S]*October to December 2025 \(2025 Q4\)/);
    expect(facts(card)['Board attendance']).toBe('75% (3 of 4 places) · no earlier figure');
    expect((await bot.app.scheduler.tick(clock.now(), true))['sweep:numbers:quarterly']).toEqual({ alreadyPosted: 1 });
  });
});

describe('2026 Q1, scripted through the bot', () => {
  it('records two board meetings and has one cancelled', async () => {
    const jan = await boardMeeting('2026-01-05T09:00:00Z', '2026-01-20', partners);
    await jan.record();
    const march = await boardMeeting('2026-02-16T10:00:00Z', '2026-03-03', partners);
    // The bot has no command to cancel a meeting yet, so it is cancelled in storage, as an administrator would.
    await bot.app.services.repos.meetings.meetings.mutate(march.meetingId, bot.app.services.partnershipId, (x) => ({ ...x, status: 'cancelled' }));
    const late = await boardMeeting('2026-03-09T10:00:00Z', '2026-03-24', [users.dspCouncil, users.dspIcb, users.dspEducation]);
    await late.record();
  });

  it('imports actions, completes one on time, returns one and completes it late, and extends one', async () => {
    at('2026-01-05T10:00:00Z');
    await bot.say(users.bu, [
      'import actions',
      'reference,title,source,priority,owner,due date',
      'RR-2026-001/R1,Share the updated neglect screening guidance,RR,neglect,Police DSP,2026-02-27',
      'RR-2026-001/R2,Agree an exploitation screening step at the front door,RR,contextual-safeguarding,ICB DSP,2026-03-13',
      'LCSPR-2026-001/R1,Refresh the chronology guidance for supervisors,LCSPR,neglect,Council DSP,2026-01-30',
      'MAA-2026-001/R1,Add education attendance data to case audits,MAA,education-protective,Education DSP,2026-03-06',
    ].join('\n'));
    expect(lastText(users.bu)).toMatch(/Imported 4 actions/);
    at('2026-01-28T10:00:00Z');
    await step(users.dspCouncil, 'actions.complete', 'LCSPR-2026-001/R1', { evidence: 'Guidance rewritten and circulated to supervisors.' });
    at('2026-02-03T10:00:00Z');
    await step(users.bu, 'actions.signoff', 'LCSPR-2026-001/R1', { signoffDecision: 'return', signoffNote: 'Please add the results of the supervision audit.' });
    at('2026-02-10T10:00:00Z');
    await step(users.dspCouncil, 'actions.complete', 'LCSPR-2026-001/R1', { evidence: 'Supervision audit results added to the guidance.' });
    at('2026-02-12T10:00:00Z');
    await step(users.bu, 'actions.signoff', 'LCSPR-2026-001/R1', { signoffDecision: 'accept' });
    at('2026-02-18T10:00:00Z');
    await step(users.dspPolice, 'actions.acknowledge', 'RR-2026-001/R1', {});
    await step(users.dspPolice, 'actions.complete', 'RR-2026-001/R1', { evidence: 'Guidance shared through the police safeguarding bulletin.' });
    at('2026-02-20T10:00:00Z');
    await step(users.bu, 'actions.signoff', 'RR-2026-001/R1', { signoffDecision: 'accept' });
    at('2026-03-02T10:00:00Z');
    await step(users.dspIcb, 'actions.extension.request', 'RR-2026-001/R2', { newDueDate: '2026-04-30', reason: 'Waiting for the front-door redesign' });
    at('2026-03-10T10:00:00Z');
    await step(users.bu, 'actions.extension.decide', 'RR-2026-001/R2', { decision: 'approve' });
    expect((await action('LCSPR-2026-001/R1')).status).toBe('completed');
    expect((await action('RR-2026-001/R2')).dueDate).toBe('2026-04-30');
  });

  it('runs an audit round: two of three auditors return, one learning action is raised', async () => {
    at('2026-02-02T10:00:00Z');
    const res = await bot.invoke(users.bu, 'audits.round.create', { templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: '2026-02-27', auditors: 'Police DSP, ICB DSP, Council DSP', agencies: 'police,icb,council-childrens' });
    expect(res.value).toMatch(/sent to 3 of 3 auditors/);
    const roundId = cardActions(lastCard(users.dspPolice)).find((a) => a.verb === 'audits.start')!.data.roundId;
    const answers = Object.fromEntries(['voice', 'chronology', 'tool', 'oversight', 'sharing', 'plan'].map((q) => [`q_${q}`, 'yes']));
    at('2026-02-16T10:00:00Z');
    await bot.invoke(users.dspPolice, 'audits.quick.submit', { roundId, reference: 'MACA-2026-101', ...answers, grade: 'good', strengths: 'Clear plan', improvements: 'Chronology late', proposedActions: 'Refresh the chronology guidance for health visitors' });
    await bot.invoke(users.dspIcb, 'audits.quick.submit', { roundId, reference: 'MACA-2026-102', ...answers, grade: 'requires improvement', strengths: 'Good sharing', improvements: 'Supervision notes thin', proposedActions: '' });
    at('2026-03-02T10:00:00Z');
    const summary = await bot.invoke(users.bu, 'audits.summary', { roundId });
    const add = cardActions(summary.value).find((a) => a.verb === 'audits.action.create')!;
    expect(cardText((await bot.invoke(users.bu, 'audits.action.create', add.data)).value)).toMatch(/In the tracker/);
  });

  it('sends a briefing to police and ICB staff: two of three read it, one finds it useful, one partly', async () => {
    at('2026-02-10T10:00:00Z');
    const audience = { audienceKind: 'agencies', agencies: 'police,icb' };
    const briefingId = await authorDraft(bot, audience);
    const confirm = await bot.invoke(users.bu, 'briefings.send', { briefingId, ...formFields(audience) });
    expect(cardText(confirm.value)).toMatch(/will go to members of Police, ICB: 3 people/);
    await bot.invoke(users.bu, 'briefings.send', cardActions(confirm.value).find((a) => a.verb === 'briefings.send')!.data);
    await engineOf(bot).idle();
    expect((await engineOf(bot).repo.counts(briefingId)).sent).toBe(3);
    at('2026-02-11T10:00:00Z');
    await bot.invoke(users.dspPolice, 'briefings.read', { briefingId });
    await bot.invoke(users.dspPolice, 'briefings.feedback', { briefingId, useful: 'yes' });
    await bot.invoke(users.dspIcb, 'briefings.read', { briefingId });
    await bot.invoke(users.dspIcb, 'briefings.feedback', { briefingId, useful: 'partly' });
  });

  it('takes three questions; one goes to the business unit and is answered the next working day', async () => {
    at('2026-01-15T10:00:00Z');
    await bot.say(users.practitioner, "what's the escalation route?");
    const answer = lastCard(users.practitioner);
    await bot.invoke(users.practitioner, 'queries.feedback', cardActions(answer).find((a) => a.verb === 'queries.feedback' && a.data.helpful === 'yes')!.data);
    at('2026-01-20T10:00:00Z');
    await bot.say(users.practitioner, 'what does NRM stand for?');
    at('2026-02-03T10:00:00Z');
    await bot.say(users.practitioner, 'xyzzy plugh frobnicate');
    const ask = cardActions(lastCard(users.practitioner)).find((a) => a.verb === 'queries.ask')!;
    expect(cardText((await bot.invoke(users.practitioner, 'queries.ask', ask.data)).value)).toMatch(/sent your question/);
    const ticket = (await bot.app.services.repos.queries.openTickets())[0];
    at('2026-02-04T10:00:00Z');
    await bot.invoke(users.bu, 'queries.assign', { ticketId: ticket.id });
    expect(cardText((await bot.invoke(users.bu, 'queries.reply', { ticketId: ticket.id, answer: 'That is not a safeguarding term; please ask again in your own words.' })).value)).toMatch(/Answered/);
  });
});

describe('partnership in numbers', () => {
  let card: any;

  it('refuses practitioners, and the record form to anyone but the business unit', async () => {
    at('2026-04-10T10:00:00Z');
    await bot.say(users.practitioner, 'numbers');
    expect(lastText(users.practitioner)).toBe('Sorry, only the business unit, chair, Delegated Safeguarding Partner or Lead Safeguarding Partner can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
    await bot.say(users.chair, 'numbers record');
    expect(lastText(users.chair)).toBe('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
    expect((await bot.invoke(users.dspPolice, 'numbers.record', { year: '2025/26', etag: '', 'f_rapid-reviews': '9' })).value).toMatch(/^Sorry, only the business unit can do that/);
    expect(await bot.app.services.repos.numbers.year('2025/26')).toBeUndefined();
  });

  it('records published figures from the card: a mistake keeps what was typed and saves nothing', async () => {
    await bot.say(users.bu, 'numbers record 2025/26');
    expect(inputs(lastCard(users.bu))).toHaveProperty('f_rapid-reviews', '');
    const bad = await bot.invoke(users.bu, 'numbers.record', { year: '2025/26', etag: '', 'f_rapid-reviews': 'four', 'f_training-attendees': '7,120', 'f_s175-return-rate': '140' });
    const text = cardText(bad.value);
    expect(text).toContain('Nothing was saved.');
    expect(text).toContain('Rapid reviews held: please enter a whole number, such as 4.');
    expect(text).toContain('Section 175 return rate: please enter a percentage from 0 to 100, such as 84.');
    expect(inputs(bad.value)).toMatchObject({ 'f_rapid-reviews': 'four', 'f_training-attendees': '7,120' });
    expect(await bot.app.services.repos.numbers.year('2025/26')).toBeUndefined();

    const ok = await bot.invoke(users.bu, 'numbers.record', { year: '2025/26', etag: '', 'f_rapid-reviews': '5', 'f_training-attendees': '7,120', 'f_s175-return-rate': '98%' });
    expect(cardText(ok.value)).toContain('Saved: 3 changes, 3 figures recorded for 2025/26.');
    const stored = (await bot.app.services.repos.numbers.year('2025/26'))!;
    expect(stored.values['rapid-reviews']).toMatchObject({ value: 5, by: users.bu.aadObjectId, byName: users.bu.name, at: '2026-04-10T10:00:00.000Z' });
    expect(stored.values['training-attendees'].value).toBe(7120);
    expect((await bot.app.services.audit.recent(5, stored.id)).map((c) => [c.action, c.actorId, c.detail.changed])).toEqual([['record-published', users.bu.aadObjectId, 3]]);

    // The same form again, drawn before that save: someone else's change is never overwritten.
    const stale = await bot.invoke(users.bu, 'numbers.record', { year: '2025/26', etag: '', 'f_rapid-reviews': '6' });
    expect(cardText(stale.value)).toContain('Someone else changed these figures while you were editing.');
    expect(inputs(stale.value)['f_rapid-reviews']).toBe('6');
    expect((await bot.app.services.repos.numbers.year('2025/26'))!.values['rapid-reviews'].value).toBe(5);
  });

  it('records published figures from a CSV, all or nothing, naming the row and the figure', async () => {
    const before = (await bot.app.services.repos.numbers.year('2025/26'))!._etag;
    await bot.say(users.bu, 'numbers import 2025/26\nfigure,value\nnational-panel-notifications,3\nRapid reviews held,x\nrapid-reveiws,2');
    const text = cardText(lastCard(users.bu));
    expect(text).toContain('Nothing was recorded.');
    expect(text).toContain('Row 3, Rapid reviews held: please enter a whole number, such as 4.');
    expect(text).toContain('Row 4: "rapid-reveiws" is not a figure the partnership reports.');
    expect(inputs(lastCard(users.bu)).csv).toContain('national-panel-notifications,3');
    expect((await bot.app.services.repos.numbers.year('2025/26'))!._etag).toBe(before);
    const long = await bot.invoke(users.bu, 'numbers.import', { year: '2025/26', csv: `figure,value\n${'rapid-reviews,4\n'.repeat(300)}` });
    console.log('LONG', cardText(long.value).split('\n').slice(0,8).join(' / '));
    expect(cardText(long.value)).toContain('CSV: Please paste at most 4,000 characters, and split a longer file.');
    expect((await bot.app.services.repos.numbers.year('2025/26'))!._etag).toBe(before);
    await bot.say(users.bu, 'numbers import 2025/26\nfigure,value\nnational-panel-notifications,3');
    expect(lastText(users.bu)).toBe('Recorded 1 published figure for 2025/26 (4 recorded for the year). Type **numbers 2025/26** to see them beside the live figures.');
  });

  it('shows 2026 Q1 with exactly the figures of the scripted history, and its change since 2025 Q4', async () => {
    at('2026-04-15T10:00:00Z');
    await bot.say(users.chair, 'numbers 2026 Q1');
    card = lastCard(users.chair);
    const f = facts(card);
    const content = bot.app.services.content;
    const q = quarter(2026, 1);
    const planned = content.partnership.meetingSeries.reduce((t, s) => t + (plannedCount(s.cadence, content.meetings.cadenceOverrides.filter((o) => o.series === s.id), q.from, q.to) ?? 0), 0);
    expect(cardText(card)).toMatch(/CESCP · January to March 2026 \(2026 Q1\)\nChanges are against October to December 2025\./);
    expect(f).toMatchObject({
      'Meetings held': expect.stringMatching(new RegExp(`^2 of ${planned} planned · up 1 from 1$`)),
      'Board attendance': '88% (7 of 8 places) · up 13 points from 75%',
      'Meetings quorate': expect.stringMatching(/^50% \(1 of 2 held\) · /),
      'Meetings cancelled': '1 · up 1 from 0',
      'Actions opened': '5 · up 4 from 1',
      'Actions completed': '2 (1 by their due date) · up 2 from 0',
      'Due actions done on time': '33% (1 of 3 due) · up 33 points from 0%',
      'Overdue at period end': '2 · up 1 from 1',
      'Median days to complete': '42 days · no earlier figure',
      'Returned for more work': '1 · up 1 from 0',
      'Audit rounds': '1 · up 1 from 0',
      'Auditors who returned': '67% (2 of 3 asked) · no earlier figure',
      'Check-ins submitted': '2 · up 2 from 0',
      'Learning actions raised': '1 · up 1 from 0',
      'Briefings sent': '1 · up 1 from 0',
      Reached: '100% (3 of 3 people) · no earlier figure',
      Read: '67% (2 of 3 delivered) · no earlier figure',
      'Found it useful': '50% (1 of 2 ratings) · no earlier figure',
      'Questions asked': '3 · up 2 from 1',
      Unanswered: '33% (1 of 3 questions) · up 33 points from 0%',
      'Questions answered by the business unit': '1 (1 sent to them) · up 1 from 0',
      'Median time to answer': '1 working day · no earlier figure',
      'Rapid reviews held': '5 · 2024/25: 4 · up 1 from 4',
      'Section 175 return rate': '98% · 2024/25: 99% · down 1 point from 99%',
      'Serious incident notifications to the national panel': '3 · 2024/25: not recorded · no earlier figure',
    });
  });

  it('summarises it in plain sentences that quote only figures on the card', () => {
    const summary = card.body.find((b: any) => b.type === 'Container' && b.style === 'emphasis').items.slice(1).map((t: any) => t.text);
    expect(summary.slice(1)).toEqual([
      'Partnership board attendance was 88%, up from 75%.',
      '1 of 2 review actions due in the quarter was completed on time.',
      '2 actions were overdue at the end of the quarter, up from 1.',
      '1 briefing reached 100% of the people it was sent to; 67% read it, and 50% of those who rated it found it useful.',
      'Practitioners asked 3 questions; 33% went unanswered.',
    ]);
    expect(summary[0]).toMatch(/^2 of \d+ planned governance meetings were held; 1 was cancelled\.$|^All 2 planned governance meetings were held; 1 was cancelled\.$/);
  });

  it('draws Teams charts, each with a fallback table of the same figures, and passes the 1.5 schema without them', () => {
    const charts = chartElements(card);
    expect(charts.length).toBeGreaterThanOrEqual(2);
    for (const c of charts) expect(typeof c.fallback).toBe('object');
    const bySource = charts.find((c) => c.title === 'Actions completed by source')!;
    expect(bySource.data).toEqual([
      { x: 'Rapid review', y: 1 },
      { x: 'Local child safeguarding practice review (LCSPR)', y: 1 },
      { x: 'Multi-agency audit', y: 0 },
      { x: 'Board or meeting', y: 0 },
    ]);
    expect(JSON.stringify(bySource.fallback)).toContain('{"title":"Multi-agency audit","value":"2 · 0 · 0 · 1"}');
    expect(charts.find((c) => c.type === 'Chart.Donut')!.data).toEqual([{ legend: 'good', value: 1 }, { legend: 'requires improvement', value: 1 }]);
    expect(validate(withChartFallbacks(card))).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it("has buttons for the previous period, and for the year's CSV sent to the presser's own chat", async () => {
    const previous = cardActions(card).find((a) => a.verb === 'numbers.show')!;
    expect(previous).toMatchObject({ title: 'Previous: 2025 Q4', data: { period: '2025 Q4' } });
    const res = await bot.invoke(users.chair, 'numbers.show', previous.data);
    expect(facts(res.value)['Board attendance']).toBe('75% (3 of 4 places) · no earlier figure');
    expect(cardActions(card).map((a) => a.verb)).not.toContain('numbers.record.open');
    const csvButton = cardActions(card).find((a) => a.verb === 'numbers.csv')!;
    const sent = await bot.invoke(users.chair, 'numbers.csv', csvButton.data, { conversationType: 'channel', conversationId: BOARD_CHANNEL });
    expect(sent.value).toBe('Sent to your chat with me.');
    expect(lastText(users.chair)).toContain('2026 Q1,2026-01-01,2026-03-31,learning,Actions completed,,2,,');
    expect((await bot.invoke(users.chair, 'numbers.show', { period: 'next week' })).value).toMatch(/^I did not understand the period "next week"/);
  });

  it('gives the data behind every figure as CSV, and the appendix with attendance by agency and meeting', async () => {
    await bot.say(users.bu, 'numbers csv 2025/26');
    const csv = lastText(users.bu);
    expect(csv).toMatch(/^\*\*Partnership in numbers, 2025\/26\*\*[\s\S]*```csv\nperiod,from,to,section,figure,breakdown,value,counted,out_of\n/);
    expect(csv).toContain('2026 Q1,2026-01-01,2026-03-31,learning,Actions completed,,2,,');
    expect(csv).toContain('2025 Q4,2025-10-01,2025-12-31,governance,Attendance (%),Partnership board,75,3,4');
    expect(csv).toContain('2025/26,Rapid reviews held,5,recorded by Business Unit Officer on 2026-04-10,2024/25,4,');

    await bot.say(users.bu, 'numbers appendix 2025/26');
    const [appendix] = bot.connector.cards(dm(users.bu)).slice(-1);
    expect(cardText(appendix)).toContain('Attendance at Partnership board meetings (3 held)');
    expect(validate(appendix)).toEqual([]);
    const table = lastText(users.bu);
    expect(table).toContain('Partnership board,agency,2025-11-18,2026-01-20,2026-03-24,attended,held,percent');
    expect(table).toContain('Partnership board,Police,✓,✓,✗,2,3,67');
    expect(table).toContain('Partnership board,Education,✗,✓,✓,2,3,67');
  });

  it('answers a period it does not understand, or one not yet started, in a plain sentence', async () => {
    await bot.say(users.bu, 'numbers 2026 Q4');
    expect(lastText(users.bu)).toMatch(/^October to December 2026 has not started yet, so there are no figures for it\./);
    await bot.say(users.bu, 'numbers csv 2026 Q1');
    expect(lastText(users.bu)).toBe('This is for a reporting year (April to March), such as 2026/27.');
  });

  it('posts the 2026 Q1 card to the board channel on the first working day, once, even with two instances', async () => {
    await bot.say(users.bu, 'use this channel for board', { conversationType: 'channel', conversationId: BOARD_CHANNEL, teamId: 'team-board' });
    at('2026-03-31T10:00:00Z');
    expect((await bot.app.scheduler.tick(clock.now(), true))['sweep:numbers:quarterly']).toEqual({ notDue: 1 });
    at('2026-04-01T08:30:00Z'); // 09:30 in London (summer time)
    const second = await startTestBot({ clock, embedded: bot.embedded, connector: bot.connector, databaseId: bot.config.COSMOS_DATABASE, instanceId: 'second-instance', log });
    try {
      const [a, b] = await Promise.all([bot.app.scheduler.tick(clock.now(), true), second.app.scheduler.tick(clock.now(), true)]);
      const outcomes = [a['sweep:numbers:quarterly'], b['sweep:numbers:quarterly']];
      expect(outcomes).toContainEqual({ posted: 1, toBoardChannel: 1 });
      await second.app.scheduler.tick(clock.now(), true);
    } finally {
      await second.close();
    }
    const posts = bot.connector.received.filter((r) => r.method === 'POST' && r.conversationId === BOARD_CHANNEL && r.body?.summary?.startsWith('Partnership in numbers'));
    expect(posts).toHaveLength(1);
    expect(cardText(posts[0].body.attachments[0].content)).toContain('January to March 2026 (2026 Q1)');
  });

  it("tells the business unit instead when the board's channel refuses the post", async () => {
    at('2026-07-01T08:30:00Z');
    bot.connector.behaviour = (req) => (req.method === 'POST' && req.conversationId === BOARD_CHANNEL ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } } : undefined);
    try {
      expect((await bot.app.scheduler.tick(clock.now(), true))['sweep:numbers:quarterly']).toEqual({ posted: 1, toBoardChannel: 0 });
    } finally {
      bot.connector.behaviour = undefined;
    }
    expect(cardText(lastCard(users.bu))).toContain('April to June 2026 (2026 Q2)');
  });

  it('logged no error-level event', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
