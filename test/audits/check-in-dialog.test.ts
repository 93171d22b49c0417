import { DialogTestClient } from 'botbuilder-testing';
import { ConversationState, MemoryStorage } from 'botbuilder';
import cases from './testData/check-in-dialog.json';
import { startTestBot, users, type TestBot } from '../support/harness';
import { CheckInDialog } from '../../dialogs/audits/check-in-dialog';
import type { CheckInOptions } from '../../bot/audits/check-ins';
import { CheckIns } from '../../bot/audits/check-ins';
import { CosmosBotStateStorage } from '../../bot/edge/bot-state-storage';
import { connectStore } from '../../storage/cosmos';
import { newId } from '../../storage/ids';

/**
 * Table-driven DialogTestClient tests of the check-in dialog against the embedded Cosmos server, and
 * a resume after the storage client is thrown away and reconnected mid-check-in.
 */
let bot: TestBot;
let roundId: string;
const auditor = users.dspPolice;

beforeAll(async () => {
  bot = await startTestBot();
  await bot.grant(auditor, ['dsp'], 'police');
  const at = new Date().toISOString();
  roundId = newId();
  await bot.app.services.store.containers.audits.items.create({ type: 'round', id: roundId, pk: bot.app.services.partnershipId, code: 'MACA-2699', templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: '2099-01-01', agencies: [], auditorIds: [auditor.aadObjectId], status: 'open', createdBy: 'x', createdAt: at, updatedAt: at });
});
afterAll(async () => bot?.close());

async function record(reference: string) {
  const { resources } = await bot.app.services.store.containers.audits.items.query({ query: 'SELECT * FROM c WHERE c.type = "checkin" AND c.reference = @r', parameters: [{ name: '@r', value: reference }] }).fetchAll();
  return resources[0];
}

async function clearDrafts() {
  const { resources } = await bot.app.services.store.containers.audits.items.query('SELECT * FROM c WHERE c.type = "checkin" AND c.status = "draft"').fetchAll();
  for (const r of resources) await bot.app.services.store.containers.audits.item(r.id, r.pk).delete();
}

/** Teams sends the member's Entra object id with every message; the dialog checks the speaker against it. */
const as = (aadObjectId: string) => ({
  onTurn: async (ctx: import('botbuilder').TurnContext, next: () => Promise<void>) => {
    ctx.activity.from = { ...ctx.activity.from, aadObjectId };
    await next();
  },
});
const asAuditor = [as(auditor.aadObjectId)];

type Case = { name: string; turns: string[]; expectLast?: string; expectReplies?: string[]; record: Record<string, unknown> };

it.each((cases as Case[]).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
  await clearDrafts();
  const options: CheckInOptions = { roundId, memberId: auditor.aadObjectId, agency: 'police' };
  const client = new DialogTestClient('msteams', new CheckInDialog(() => new CheckIns(bot.app.services)), options, asAuditor, new ConversationState(new MemoryStorage()));
  const replies: string[] = [];
  let reply = await client.sendActivity('start');
  replies.push(reply.text ?? '');
  for (const text of c.turns) {
    reply = await client.sendActivity(text);
    replies.push(reply?.text ?? '');
    for (let r = client.getNextReply(); r; r = client.getNextReply()) replies.push(r.text ?? "");
  }
  if (c.expectLast) expect(replies[replies.length - 1]).toMatch(new RegExp(c.expectLast));
  for (const e of c.expectReplies ?? []) expect(replies.join('\n')).toMatch(new RegExp(e));
  expect(await record(String(c.record.reference))).toMatchObject(c.record);
});

it('resumes where the auditor left off after the storage client is restarted', async () => {
  await clearDrafts();
  const options: CheckInOptions = { roundId, memberId: auditor.aadObjectId, agency: 'police' };
  const dialog = () => new CheckInDialog(() => new CheckIns(bot.app.services));
  const stateOn = async () => {
    const store = await connectStore({ endpoint: bot.embedded.endpoint, key: bot.embedded.key, databaseId: bot.config.COSMOS_DATABASE, insecureLoopbackTls: true });
    return { store, state: new ConversationState(new CosmosBotStateStorage(store.containers.botState)) };
  };

  const first = await stateOn();
  const before = new DialogTestClient('msteams', dialog(), options, asAuditor, first.state);
  await before.sendActivity('start');
  await before.sendActivity('MACA-2026-020');
  const asked = await before.sendActivity('yes');
  expect(asked.text).toMatch(/Question 2 of 6/);
  first.store.dispose();

  // A new process: new storage client, same conversation. The dialog carries on at question 2.
  const second = await stateOn();
  const after = new DialogTestClient('msteams', dialog(), options, asAuditor, second.state);
  const next = await after.sendActivity('partly');
  expect(next.text).toMatch(/Question 3 of 6/);
  expect(await record('MACA-2026-020')).toMatchObject({ answers: { voice: 'yes', chronology: 'partly' }, status: 'draft' });
  second.store.dispose();
});

it('refuses a check-in on a closed round', async () => {
  await bot.app.services.store.containers.audits.item(roundId, bot.app.services.partnershipId).patch([{ op: 'replace', path: '/status', value: 'closed' }]);
  const client = new DialogTestClient('msteams', new CheckInDialog(() => new CheckIns(bot.app.services)), { roundId, memberId: auditor.aadObjectId }, asAuditor, new ConversationState(new MemoryStorage()));
  const reply = await client.sendActivity('start');
  expect(reply.text).toMatch(/round has closed/);
  await bot.app.services.store.containers.audits.item(roundId, bot.app.services.partnershipId).patch([{ op: 'replace', path: '/status', value: 'open' }]);
});

it('never saves another member\'s message as the auditor\'s answer', async () => {
  await clearDrafts();
  const options: CheckInOptions = { roundId, memberId: auditor.aadObjectId, agency: 'police' };
  const state = new ConversationState(new MemoryStorage());
  let speaker = auditor.aadObjectId;
  const client = new DialogTestClient('msteams', new CheckInDialog(() => new CheckIns(bot.app.services)), options, [
    { onTurn: async (ctx: import('botbuilder').TurnContext, next: () => Promise<void>) => { ctx.activity.from = { ...ctx.activity.from, aadObjectId: speaker }; await next(); } },
  ], state);
  await client.sendActivity('start');
  speaker = users.other.aadObjectId;
  await client.sendActivity('MACA-2026-099');
  expect(await record('MACA-2026-099')).toBeUndefined();
});
