import { startTestBot, users, personalConversationId, type TestBot, type TestUser } from '../support/harness';
import { matchCommand } from '../../bot/core/command-registry';
import type { Role } from '../../content/schema/partnership';
import type { ContainerName } from '../../storage/containers';

/**
 * Walks every state-changing card verb and command that declares the roles allowed to use it, and
 * calls it as members who hold each other role: every call is refused and the store is unchanged.
 * New verbs and commands are covered as features register them.
 */
const ROLES: Role[] = ['businessUnit', 'dsp', 'lsp', 'chair', 'practitioner'];
const IGNORED: ContainerName[] = ['botState', 'leases'];

let bot: TestBot;
const callers = new Map<string, TestUser>();

function callerFor(role: Role): TestUser {
  let u = callers.get(role);
  if (!u) {
    u = { id: `29:role-${role}`, aadObjectId: `aad-role-${role}`, name: `Role ${role}` };
    callers.set(role, u);
  }
  return u;
}

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const [name, container] of Object.entries(bot.app.services.store.containers)) {
    if (IGNORED.includes(name as ContainerName)) continue;
    const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
    out[name] = resources.map(({ _ts, _rid, _self, _attachments, ...d }) => d).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

/**
 * Turns a usage line such as "grant [role] to [person] agency [agency]" into text that matches: every
 * placeholder is written [like this] (bot/shared/format.ts), and each usage line is one runnable form.
 */
function sampleText(usage: string): string {
  return usage
    .replace(/\[role\]/g, 'chair')
    .replace(/\[person\]|\[who\]/g, 'Role practitioner')
    .replace(/\[agency\]/g, 'police')
    .replace(/\[group\]/g, 'partnership-board')
    .replace(/\[date\]/g, '2026-04-01')
    .replace(/\[[^\]]+\]/g, 'x')
    .replace(/\s+/g, ' ')
    .trim();
}

beforeAll(async () => {
  bot = await startTestBot();
  await bot.grant(users.bu, ['businessUnit']);
  await bot.grant(users.dspPolice, ['dsp'], 'police');
  for (const role of ROLES) {
    const u = callerFor(role);
    await bot.grant(u, role === 'practitioner' ? [] : [role], 'police');
    // First contact legitimately records the member's chat; do it before any snapshot.
    await bot.say(u, 'my roles');
    await bot.say(u, 'my roles', { conversationType: 'channel', conversationId: '19:roles@thread.tacv2' });
  }
  const due = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  await bot.app.services.actions.createAction({ title: 'Check information sharing agreements', source: 'meeting', ownerId: users.dspPolice.aadObjectId, dueDate: due }, users.bu.aadObjectId);
}, 60_000);
afterAll(async () => bot?.close());

it('refuses every role-gated card verb to every role that lacks it, changing nothing', async () => {
  const gated = bot.app.router.verbs.all().filter((v) => v.roles && v.roles.length > 0);
  expect(gated.length).toBeGreaterThan(5);
  const before = await snapshot();
  const refusedWrongly: string[] = [];
  let calls = 0;
  for (const verb of gated) {
    for (const role of ROLES.filter((r) => !verb.roles!.includes(r) && !(r !== 'practitioner' && verb.roles!.includes('practitioner')))) {
      const res = await bot.invoke(callerFor(role), verb.verb, { id: 'any', etag: 'any', briefingId: 'any', meetingId: 'any' });
      calls++;
      if (!(res.statusCode === 200 && /^Sorry, only the /.test(String(res.value)))) refusedWrongly.push(`${verb.verb} as ${role}: ${JSON.stringify(res).slice(0, 120)}`);
    }
  }
  expect(refusedWrongly).toEqual([]);
  expect(calls).toBeGreaterThan(10);
  expect(await snapshot()).toEqual(before);
});

it('refuses every role-gated command to every role that lacks it, changing nothing', async () => {
  const gated = bot.app.router.commands.filter((c) => c.roles && c.roles.length > 0);
  const before = await snapshot();
  const unmatched: string[] = [];
  const wrong: string[] = [];
  let calls = 0;
  for (const command of gated) {
    const text = sampleText(command.usage ?? command.name);
    const kind = command.scopes?.[0] ?? 'personal';
    if (matchCommand(bot.app.router.commands, text, { kind })?.command !== command) {
      unmatched.push(`${command.feature}:${command.name} ("${text}")`);
      continue;
    }
    for (const role of ROLES.filter((r) => !command.roles!.includes(r))) {
      const user = callerFor(role);
      const conversationId = kind === 'personal' ? personalConversationId(user) : '19:roles@thread.tacv2';
      const sent = bot.connector.texts(conversationId).length;
      await bot.say(user, text, { conversationType: kind, conversationId });
      calls++;
      const reply = bot.connector.texts(conversationId).slice(sent).join('\n');
      if (!/^Sorry, only the /.test(reply)) wrong.push(`${command.name} as ${role}: ${reply.slice(0, 100)}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(calls).toBeGreaterThan(5);
  // Every gated command is exercised: a usage line that no longer matches its own pattern is a defect too.
  expect(unmatched).toEqual([]);
  expect(await snapshot()).toEqual(before);
});

it("refuses changes to someone else's action, changing nothing", async () => {
  const card = bot.connector.cards(personalConversationId(users.dspPolice)).pop();
  const buttons: { verb?: string; data?: any }[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute') buttons.push({ verb: o.verb as string, data: o.data });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  const ownerOnly = buttons.filter((b) => b.verb && /^actions\.(acknowledge|update|complete|extension)/.test(b.verb));
  expect(ownerOnly.length).toBeGreaterThan(0);
  await bot.say(users.other, 'my roles');
  const before = await snapshot();
  for (const b of ownerOnly) {
    const res = await bot.invoke(users.other, b.verb!, { ...b.data, note: 'Progress made', progress: 'in_progress', evidence: 'Done', newDueDate: '2099-01-01', reason: 'More time' });
    expect(JSON.stringify(res)).toMatch(/only|not yours|owner|Sorry/i);
  }
  expect(await snapshot()).toEqual(before);
});
