import { startTestBot, users, personalConversationId, cardText, cardActions, type TestBot } from '../support/harness';

/**
 * Through the real endpoint: the business unit sends a round to two auditors, one answers in the
 * dialog and one on the quick card, the summary counts are right, and a proposed learning action
 * goes into the tracker with one click.
 */
describe('audit round end to end', () => {
  let bot: TestBot;
  let roundId = '';
  beforeAll(async () => {
    bot = await startTestBot();
    await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
    await bot.grant(users.dspPolice, ['dsp'], 'police');
    await bot.grant(users.dspIcb, ['dsp'], 'icb');
  });
  afterAll(async () => bot?.close());

  const due = () => new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);

  it('keeps what was typed when the round form is wrong', async () => {
    const res = await bot.invoke(users.bu, 'audits.round.create', { templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: '2020-01-01', auditors: 'Police DSP' });
    expect(cardText(res.value)).toMatch(/Due date: That date is in the past/);
    expect(JSON.stringify(res.value)).toContain('"value":"Neglect"');
  });

  it('refuses round creation to anyone but the business unit', async () => {
    const res = await bot.invoke(users.dspPolice, 'audits.round.create', { templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: due(), auditors: 'Police DSP' });
    expect(res.value).toMatch(/only the business unit/);
  });

  it('creates a round and sends each auditor a check-in card', async () => {
    const res = await bot.invoke(users.bu, 'audits.round.create', { templateId: 'multi-agency-case-audit', theme: 'Neglect', dueDate: due(), auditors: 'Police DSP, ICB DSP', agencies: 'police,icb' });
    expect(res.value).toMatch(/created and sent to 2 of 2 auditors/);
    const invite = bot.connector.cards(personalConversationId(users.dspPolice)).pop();
    expect(cardText(invite)).toMatch(/Audit check-in: MACA-/);
    roundId = cardActions(invite).find((a) => a.verb === 'audits.start')!.data.roundId;
    expect(bot.connector.cards(personalConversationId(users.dspIcb)).length).toBe(1);
  });

  it('lets the first auditor answer in the dialog', async () => {
    const start = await bot.invoke(users.dspPolice, 'audits.start', { roundId });
    expect(start.value).toMatch(/started in our chat/);
    for (const text of ['MACA-2026-101', 'yes', 'yes', 'partly', 'yes', 'no', 'yes', 'good', 'Strong information sharing', 'Chronology late', 'Refresh chronology guidance']) {
      await bot.say(users.dspPolice, text);
    }
    expect(bot.connector.texts(personalConversationId(users.dspPolice)).pop()).toMatch(/MACA-2026-101\*\* in MACA-\d+ is saved and submitted/);
  });

  it('lets the second auditor use the quick card, keeping answers when one is refused', async () => {
    const open = await bot.invoke(users.dspIcb, 'audits.quick.open', { roundId });
    const inputs = ['voice', 'chronology', 'tool', 'oversight', 'sharing', 'plan'];
    const answers = Object.fromEntries(inputs.map((q) => [`q_${q}`, 'no']));
    expect(cardText(open.value)).toMatch(/Quick check-in/);
    const refused = await bot.invoke(users.dspIcb, 'audits.quick.submit', { roundId, reference: 'MACA-2026-102', ...answers, grade: 'requires improvement', strengths: 'Call 07700 900123 for the family', improvements: 'Supervision notes thin' });
    expect(cardText(refused.value)).toMatch(/Strengths: .*phone number/);
    expect(JSON.stringify(refused.value)).toContain('Supervision notes thin');
    const done = await bot.invoke(users.dspIcb, 'audits.quick.submit', { roundId, reference: 'MACA-2026-102', ...answers, grade: 'requires improvement', strengths: 'Health visitor persistent', improvements: 'Supervision notes thin', proposedActions: '' });
    expect(cardText(done.value)).toMatch(/1 submitted/);
  });

  it('summarises the round with the right counts and agencies, and a proposed action goes into the tracker', async () => {
    const res = await bot.invoke(users.bu, 'audits.summary', { roundId });
    const text = cardText(res.value);
    expect(text).toMatch(/2 check-ins submitted by 2 of 2 auditors/);
    expect(text).toMatch(/Police, ICB|ICB, Police/);
    expect(text).toMatch(/Is the voice and lived experience[\s\S]*yes 1 \(50%\) · partly 0 \(0%\) · no 1 \(50%\)/);
    expect(text).toMatch(/good 1 \(50%\)[\s\S]*requires improvement 1 \(50%\)/);
    const add = cardActions(res.value).find((a) => a.verb === 'audits.action.create')!;
    const created = await bot.invoke(users.bu, 'audits.action.create', add.data);
    expect(cardText(created.value)).toMatch(/In the tracker/);
    const { resources } = await bot.app.services.store.containers.actions.items.query('SELECT * FROM c WHERE c.type = "action"').fetchAll();
    expect(resources.map((a) => a.title)).toContain('Refresh chronology guidance');
    expect(resources.find((a) => a.title === 'Refresh chronology guidance')).toMatchObject({ source: 'multi-agency-audit', ownerId: users.dspPolice.aadObjectId });
    // One click, once: a second press changes nothing.
    await bot.invoke(users.bu, 'audits.action.create', add.data);
    const again = await bot.app.services.store.containers.actions.items.query('SELECT * FROM c WHERE c.type = "action"').fetchAll();
    expect(again.resources.length).toBe(resources.length);
  });

  it('gives the business unit a CSV and refuses the summary to an auditor', async () => {
    await bot.say(users.bu, `audit csv ${cardText(bot.connector.cards(personalConversationId(users.dspPolice))[0]).match(/MACA-\d+/)![0]}`);
    expect(bot.connector.texts(personalConversationId(users.bu)).pop()).toMatch(/```csv\nquestion,yes \(n\)/);
    const res = await bot.invoke(users.dspPolice, 'audits.summary', { roundId });
    expect(res.value).toMatch(/only the business unit or chair/);
  });
});
