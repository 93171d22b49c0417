import { startTestBot, users, memoryLogger, SettableClock, type TestBot } from '../support/harness';
import { FakeConnector } from '../support/fake-connector';
import { authorDraft, engineOf, recipientConversation, seedRecipients } from './fixtures';
import { addWorkingDays } from '../../bot/shared/time/working-days';
import { newId } from '../../storage/ids';

/**
 * One limiter for everything that leaves the bot: a nudge sweep, an audit reminder sweep and a
 * broadcast run at the same time against a connector that enforces Teams' limits in sliding windows
 * (50/s for the tenant, 7/s and more per conversation). None goes over (no 429), none is lost, none is
 * sent twice, and no second holds more than 50 requests.
 */
const STAFF = 120;
const OWNERS = 40;
const AUDITORS = 20;
const clock = new SettableClock(new Date('2026-11-10T10:00:00Z'));
let bot: TestBot;
let connector: FakeConnector;
const { log, lines } = memoryLogger();

beforeAll(async () => {
  connector = await new FakeConnector({ limits: true }).start();
  bot = await startTestBot({ clock, connector, log });
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await seedRecipients(bot, STAFF);
  // Actions owned by 40 of them, due in 2 working days from the 24th: their "2 working days before" nudge is due then.
  for (let i = 0; i < OWNERS; i++) {
    await bot.app.services.actions.createAction({ title: `Review the neglect pathway ${i}`, source: 'lcspr', ownerId: `aad-staff-${i}`, dueDate: addWorkingDays('2026-11-24', 2) }, users.bu.aadObjectId);
  }
  // An audit round due on the 24th with 20 auditors who have not submitted: each gets a reminder then.
  const at = clock.now().toISOString();
  await bot.app.services.repos.audits.rounds.create({ type: 'round', id: newId(), pk: bot.app.services.partnershipId, code: 'MACA-2699', templateId: bot.app.services.content.audits.templates[0].id, theme: 'Neglect', dueDate: '2026-11-24', agencies: [], auditorIds: Array.from({ length: AUDITORS }, (_, i) => `aad-staff-${60 + i}`), status: 'open', createdBy: users.bu.aadObjectId, createdAt: at, updatedAt: at });
  clock.set('2026-11-24T10:00:00Z');
  await connector.waitFor(() => false, 1100).catch(() => undefined); // the action cards sent at creation leave the window
  connector.clear();
}, 120_000);
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

it('keeps to the Teams limits with a broadcast and two sweeps sending at once', async () => {
  const briefingId = await authorDraft(bot, { title: 'Everything at once' });
  const sending = bot.invoke(users.bu, 'briefings.send', { briefingId, confirmed: true });
  const sweeps = bot.app.scheduler.tick(clock.now(), true);
  await Promise.all([sending, sweeps]);
  await engineOf(bot).idle();

  expect(connector.throttled).toBe(0);
  const ok = connector.received.filter((r) => r.status === 200 && r.method === 'POST' && r.path.endsWith('/activities'));
  const count = (prefix: string) => {
    const per = new Map<string, number>();
    for (const r of ok) if (String(r.body?.summary ?? r.body?.text ?? '').startsWith(prefix)) per.set(r.conversationId!, (per.get(r.conversationId!) ?? 0) + 1);
    return per;
  };
  const briefing = count('7-minute briefing: Everything at once');
  expect(briefing.size).toBe(STAFF + 1);
  expect([...briefing.values()].every((n) => n === 1)).toBe(true);
  const nudges = count('Reminder: ');
  for (let i = 0; i < OWNERS; i++) expect(nudges.get(recipientConversation(i))).toBe(1);
  const reminders = count('Reminder: your check-in for audit round');
  expect(reminders.size).toBe(AUDITORS);
  for (let i = 60; i < 60 + AUDITORS; i++) expect(reminders.get(recipientConversation(i))).toBe(1);

  // Never more than 50 requests in any one second, counting every request that reached the connector.
  const times = connector.received.map((r) => r.arrived).sort((a, b) => a - b);
  let worst = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= 1000) j++;
    worst = Math.max(worst, i - j + 1);
  }
  expect(worst).toBeLessThanOrEqual(50);
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
}, 120_000);
