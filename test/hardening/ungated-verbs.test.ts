import { startTestBot, users, personalConversationId, cardActions, memoryLogger, type TestBot } from '../support/harness';
import { authorDraft, engineOf } from '../briefings/fixtures';
import type { ContainerName } from '../../storage/containers';

/**
 * Every card verb that has no role gate checks ownership itself. Each is called by a practitioner who
 * has no part in the real records it names (someone else's action, a meeting of a group they are
 * not in, a briefing sent to another agency, an audit round they do not audit, someone else's
 * question and ticket): nothing a role holder or owner may change is changed, and nothing errors.
 */
const MAY_CHANGE: ContainerName[] = ['members', 'botState', 'leases', 'auditLog', 'notifications'];

let bot: TestBot;
const { log, lines } = memoryLogger();
const outsider = users.other;
const ids: Record<string, string> = {};

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const [name, container] of Object.entries(bot.app.services.store.containers)) {
    if (MAY_CHANGE.includes(name as ContainerName)) continue;
    const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
    out[name] = resources.map(({ _ts, _rid, _self, _attachments, ...d }) => d).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

beforeAll(async () => {
  bot = await startTestBot({ log });
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  await bot.grant(users.dspIcb, ['dsp'], 'icb');
  await bot.grant(outsider, [], 'education');
  await bot.say(outsider, 'my roles');

  const due = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  const action = await bot.app.services.actions.createAction({ title: 'Check information sharing agreements', source: 'meeting', ownerId: users.dspPolice.aadObjectId, dueDate: due }, users.bu.aadObjectId);
  ids.id = action.id;
  ids.etag = (await bot.app.services.repos.actions.get(action.id))!._etag;

  await bot.say(users.bu, 'add Police DSP to group board');
  const draft = await bot.invoke(users.bu, 'meetings.new', { seriesId: 'partnership-board', title: 'Partnership board', meetingDate: due, meetingTime: '10:00', lengthMinutes: '60' });
  ids.meetingId = cardActions(draft.value).find((a) => a.verb === 'meetings.publish')!.data.meetingId;
  await bot.invoke(users.bu, 'meetings.publish', { meetingId: ids.meetingId });

  ids.briefingId = await authorDraft(bot, { audienceKind: 'agencies', agencies: 'icb' });
  await bot.invoke(users.bu, 'briefings.send', { briefingId: ids.briefingId, confirmed: true });
  await engineOf(bot).idle();

  const round = await bot.invoke(users.bu, 'audits.round.create', { templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: due, auditors: 'Police DSP' });
  expect(round.value).toMatch(/created and sent to 1 of 1 auditors/);
  ids.roundId = cardActions(bot.connector.cards(personalConversationId(users.dspPolice)).pop()).find((a) => a.verb === 'audits.start')!.data.roundId;

  await bot.say(users.dspPolice, 'what is the escalation route');
  const answer = bot.connector.cards(personalConversationId(users.dspPolice)).pop();
  ids.queryId = cardActions(answer).find((a) => a.data?.queryId)!.data.queryId;
  await bot.invoke(users.dspPolice, 'queries.ask', { queryId: ids.queryId });
  const { resources } = await bot.app.services.store.containers.queries.items.query('SELECT * FROM c WHERE c.type = "ticket"').fetchAll();
  ids.ticketId = resources[0].id;
}, 90_000);
afterAll(async () => bot?.close());

it('has a real record for every kind of id', () => {
  expect(Object.keys(ids).sort()).toEqual(['briefingId', 'etag', 'id', 'meetingId', 'queryId', 'roundId', 'ticketId']);
});

it('changes nothing when an outsider presses any ungated button on records that are not theirs', async () => {
  const ungated = bot.app.router.verbs.all().filter((v) => !v.roles?.length);
  expect(ungated.map((v) => v.verb)).toEqual(expect.arrayContaining(['actions.signoff', 'actions.extension.decide', 'meetings.rsvp', 'briefings.feedback', 'audits.quick.submit', 'queries.topic']));
  const payload = {
    ...ids,
    response: 'attending', helpful: 'no', useful: 'yes', reflection: 'We will use this in supervision.', topic: 'escalation',
    note: 'Progress made', progress: 'in_progress', evidence: 'Done and shared', newDueDate: '2099-01-01', reason: 'More time needed',
    decision: 'approve', outcome: 'approved', extensionId: 'x', cancelReason: 'Not needed', reference: 'MACA-2026-001', grade: 'Good',
  };
  lines.length = 0;
  const before = await snapshot();
  const answers: string[] = [];
  for (const v of ungated) {
    const res = await bot.invoke(outsider, v.verb, payload);
    answers.push(`${v.verb}: ${res.statusCode} ${JSON.stringify(res.value).slice(0, 80)}`);
    expect(res.statusCode).toBe(200);
  }
  expect(await snapshot()).toEqual(before);
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  expect(answers.join('\n')).not.toMatch(/something went wrong|cannot reach its storage/);
});

it('shows an outsider none of the records by their ids', async () => {
  const said = async (verb: string) => JSON.stringify((await bot.invoke(outsider, verb, ids)).value);
  expect(await said('briefings.reach')).toBe(JSON.stringify('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.'));
  expect(await said('briefings.export')).toBe(JSON.stringify('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.'));
  expect(await said('briefings.open')).toBe(JSON.stringify('That briefing was shared with a different group, so I cannot show it to you.'));
  expect(await said('meetings.show')).toBe(JSON.stringify('That agenda is for the members of the Partnership board. If you should be in the group, ask the business unit.'));
  expect(await said('actions.show')).not.toContain('Check information sharing agreements');
  expect(await said('audits.quick.open')).toBe(JSON.stringify('Only the auditors named for this round can complete its check-ins.'));
});
