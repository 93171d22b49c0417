import { startTestBot, users, memoryLogger, personalConversationId, type TestBot } from '../support/harness';
import type { FakeRosterMember } from '../support/fake-connector';
import { exportParts } from '../../bot/members/roster-commands';

/**
 * The business unit's view of who is in the partnership: `sync members` reads the rosters (a member
 * missing from a complete read has left the team), the member directory loads from CSV all or nothing
 * with a sentence per bad row, and `members csv` exports everyone in parts that fit a Teams message.
 */
const TEAM = '19:qa-team@thread.tacv2';
const person = (i: number): FakeRosterMember => ({ id: `29:dir-${i}`, aadObjectId: `aad-dir-${i}`, name: `Directory person ${i}`, email: `person.${i}@council.example.org` });

let bot: TestBot;
const { log, lines } = memoryLogger();
const lastText = () => bot.connector.texts(personalConversationId(users.bu)).pop();

beforeAll(async () => {
  bot = await startTestBot({ log, env: { OUTBOUND_RATE_PER_SECOND: '1000' } });
  bot.connector.rosters.set(TEAM, [1, 2, 3, 4, 5].map(person));
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await bot.post(bot.activity(users.bu, { type: 'installationUpdate', action: 'add' }, { conversationType: 'channel', conversationId: TEAM, teamId: TEAM }));
  await bot.app.services.background.idle();
});
afterAll(async () => bot?.close());

it('lists the people found in a team with no agency yet', async () => {
  await bot.say(users.bu, 'members without agency');
  expect(lastText()).toContain('**5 members without an agency**');
  expect(lastText()).toContain('- Directory person 3 (person.3@council.example.org)');
});

it('refuses a directory with a bad row, loading nothing, and says which row and why', async () => {
  await bot.say(users.bu, 'load members\nemail, agency, roles\nperson.1@council.example.org, police, dsp\nnot-an-address, police,\nperson.3@council.example.org, the moon, chair');
  expect(lastText()).toBe(
    '**Nothing was loaded.** Fix these 2 problems and load the whole file again:\n\n- Row 3: E-mail: "not-an-address" is not an e-mail address.\n- Row 4: Agency: "the moon" is not one of the partnership\'s agencies.',
  );
  expect((await bot.app.services.members.get('aad-dir-1'))?.agency).toBeUndefined();
});

it('loads a good directory and gives the known members their agency and roles', async () => {
  await bot.say(users.bu, 'load members\nemail, agency, roles\nperson.1@council.example.org, police, dsp\nperson.2@council.example.org, council-childrens, chair; dsp\nsomeone.new@council.example.org, police,');
  expect(lastText()).toBe('Loaded 3 people into the member directory; 2 of them are already known from a team or a chat and now have their agency and roles. The others get theirs when they are found in a team.');
  expect(await bot.app.services.members.get('aad-dir-2')).toMatchObject({ agency: 'council-childrens', roles: ['chair', 'dsp'], inDirectory: true });
  const log = await bot.app.services.audit.recent(5);
  expect(log.find((c) => c.action === 'directory-load')).toMatchObject({ actorId: users.bu.aadObjectId, detail: { rows: 3, matched: 2 } });
});

it('a full sync takes people missing from the roster out of the team, and reports it', async () => {
  bot.connector.rosters.set(TEAM, [1, 2, 3, 4].map(person));
  await bot.say(users.bu, 'sync members');
  expect(lastText()).toBe('Reading the team rosters. Large teams take a minute; I will tell you here when it is done.');
  await bot.app.services.background.idle();
  expect(lastText()).toContain('4 members (0 new, 1 left).');
  expect(await bot.app.services.members.get('aad-dir-5')).toMatchObject({ teams: [], leftAt: expect.any(String) });
  // A member in the directory stays in the partnership even if they leave a team.
  bot.connector.rosters.set(TEAM, [2, 3, 4].map(person));
  await bot.say(users.bu, 'sync members');
  await bot.app.services.background.idle();
  expect((await bot.app.services.members.get('aad-dir-1'))?.leftAt).toBeUndefined();
});

it('exports everyone as CSV', async () => {
  await bot.say(users.bu, 'members csv');
  const csv = lastText()!;
  expect(csv).toContain('name,email,agency,roles,teams,status,in directory');
  expect(csv).toContain('Directory person 2,person.2@council.example.org,CEC children\'s services,chair; Delegated Safeguarding Partner; practitioner,1,active,yes');
  expect(csv).toContain('Directory person 5,person.5@council.example.org,,practitioner,0,left,no');
});

it('splits a long export into parts that each fit a Teams message', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `Person ${i},person.${i}@example.org,Police,practitioner,1,active,no`);
  const parts = exportParts('name,email', lines, 20_000);
  expect(parts.length).toBeGreaterThan(2);
  for (const p of parts) {
    expect(p.length).toBeLessThanOrEqual(20_000 + 'name,email'.length + 1);
    expect(p.startsWith('name,email\n')).toBe(true);
  }
  expect(parts.flatMap((p) => p.split('\n').slice(1))).toEqual(lines);
});

it('refuses every directory command to anyone but the business unit', async () => {
  for (const text of ['sync members', 'load members', 'members csv', 'members without agency']) {
    await bot.say(users.practitioner, text);
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toBe('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
  }
});

describe('with the bot in no team yet', () => {
  let alone: TestBot;
  beforeAll(async () => {
    alone = await startTestBot({ log });
    await alone.grant(users.bu, ['businessUnit'], 'council-childrens');
  });
  afterAll(async () => alone?.close());

  it('says so at once instead of promising a report', async () => {
    await alone.say(users.bu, 'sync members');
    await alone.app.services.background.idle();
    expect(alone.connector.texts(personalConversationId(users.bu))).toEqual(["The bot is not installed in any team yet. Add it to the partnership's teams first."]);
  });
});

it('logged no errors', () => {
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
});
