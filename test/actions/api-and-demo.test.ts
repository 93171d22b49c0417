import { startTestBot, users, personalConversationId, cardText, SettableClock, type TestBot } from '../support/harness';
import { seedDemo } from '../../bot/actions/demo';
import { facts, lastCard } from './helpers';

describe('the actions API used by meetings and audits, and the demo data', () => {
  let bot: TestBot;
  const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
  beforeAll(async () => {
    bot = await startTestBot({ clock });
    await bot.grant(users.bu, ['businessUnit']);
    await bot.grant(users.dspCouncil, ['dsp'], 'council-childrens');
  });
  afterAll(async () => bot?.close());

  it('creates an action from a meeting with a generated reference and tells the owner', async () => {
    const api = bot.app.services.actions;
    const made = await api.createAction({ title: 'Circulate the revised escalation policy to all sub-groups', source: 'meeting', sourceRef: 'partnership-board/2026-11-24', ownerId: users.dspCouncil.aadObjectId, group: 'partnership-board', dueDate: '2026-12-04' }, users.bu.aadObjectId);
    expect(made.reference).toBe('MTG-2026-001');
    expect(cardText(lastCard(bot, users.dspCouncil))).toMatch(/Circulate the revised escalation policy/);
    const second = await api.createAction({ title: 'Second', source: 'meeting', ownerId: users.dspCouncil.aadObjectId, dueDate: '2026-11-24' }, users.bu.aadObjectId);
    expect(second.reference).toBe('MTG-2026-002');
  });

  it.each([
    [{ title: '', dueDate: '2026-12-04' }, /needs a title/],
    [{ title: 'T', dueDate: '2026-11-01' }, /in the past/],
    [{ title: 'T', dueDate: '04/12/2026' }, /not a date/],
    [{ title: 'T', dueDate: '2026-12-04', ownerId: 'nobody' }, /do not know the owner/],
    [{ title: 'T', dueDate: '2026-12-04', group: 'made-up' }, /not a partnership group/],
  ])('refuses bad input from another feature (%j)', async (input, message) => {
    await expect(bot.app.services.actions.createAction({ source: 'meeting', ownerId: users.dspCouncil.aadObjectId, ...input } as never, users.bu.aadObjectId)).rejects.toThrow(message);
  });

  it('lists matters arising for a group, most urgent first', async () => {
    const api = bot.app.services.actions;
    await api.createAction({ title: 'Earlier one', source: 'meeting', ownerId: users.dspCouncil.aadObjectId, group: 'partnership-board', dueDate: '2026-11-25' }, users.bu.aadObjectId);
    const items = await api.mattersArising('partnership-board', '2026-11-27');
    // "Second" had no group: meeting actions default to the partnership board (content pack).
    expect(items.map((i) => i.title)).toEqual(['Second', 'Earlier one', 'Circulate the revised escalation policy to all sub-groups']);
    expect(items[0]).toMatchObject({ overdue: true, rag: 'red', ownerName: 'Council DSP', status: 'open' });
    expect(await api.mattersArising('maqag', '2026-11-27')).toEqual([]);
  });

  it('keeps history append-only and guards writes with the ETag', async () => {
    const repo = bot.app.services.repos.actions;
    const [brief] = await bot.app.services.actions.mattersArising('partnership-board', '2026-11-27');
    const current = (await repo.get(brief.id))!;
    await expect(repo.replaceChecked(current, { ...current, history: [] })).rejects.toThrow(/append-only/);
    await expect(repo.replaceChecked({ ...current, _etag: '"old"' }, { ...current, title: 'Changed' })).rejects.toThrow(/changed by someone else/);
    expect((await repo.get(brief.id))!.title).toBe(current.title);
  });

  it('seeds demo actions once, some owned by the demo user, in several states', async () => {
    await bot.say(users.practitioner, 'hello');
    await seedDemo(bot.app.services, { memberId: users.practitioner.aadObjectId });
    await seedDemo(bot.app.services, { memberId: users.practitioner.aadObjectId });
    const entries = await bot.app.services.repos.actions.allEntries();
    const demo = entries.filter((e) => /^(RR|LCSPR|MAA|S11|LR)-/.test(e.ref) || e.ref === 'MTG-2025-014');
    expect(demo).toHaveLength(9);
    expect(new Set(demo.map((e) => e.status)).size).toBeGreaterThanOrEqual(6);
    await bot.say(users.practitioner, 'my actions');
    expect(cardText(lastCard(bot, users.practitioner))).toMatch(/4 actions need something from you/);
    await bot.say(users.bu, 'tracker');
    const f = facts(lastCard(bot, users.bu));
    expect(f).toMatchObject({ Blocked: '1', Cancelled: '1', 'Completed, awaiting sign-off': '1' });
    void personalConversationId;
  });
});
