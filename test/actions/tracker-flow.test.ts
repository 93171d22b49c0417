import { startTestBot, users, personalConversationId, cardText, SettableClock, type TestBot } from '../support/harness';
import { facts, inputs, lastCard, buttonData, invokeCard } from './helpers';

/** Through the real endpoint, fake connector and embedded Cosmos: the tracker's main path. */
describe('action tracker through the real endpoint', () => {
  let bot: TestBot;
  const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
  const owner = users.dspPolice;
  let actionId = '';

  beforeAll(async () => {
    bot = await startTestBot({ clock });
    await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
    await bot.grant(users.chair, ['chair'], 'icb');
    await bot.grant(owner, ['dsp'], 'police');
    await bot.grant(users.dspIcb, ['dsp'], 'icb');
    await bot.say(users.practitioner, 'hello');
  });
  afterAll(async () => bot?.close());

  const stored = () => bot.app.services.repos.actions.get(actionId);
  const summaryFacts = async () => {
    await bot.say(users.chair, 'tracker');
    return facts(lastCard(bot, users.chair));
  };

  it('offers the business unit a new-action form with known people as owners', async () => {
    await bot.say(users.bu, 'new action');
    const card = lastCard(bot, users.bu);
    expect(cardText(card)).toMatch(/New action/);
    expect(JSON.stringify(card)).toContain(owner.aadObjectId);
    expect(buttonData(card, 'actions.create')).toBeDefined();
  });

  it('refuses the form to a practitioner', async () => {
    await bot.say(users.practitioner, 'new action');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/only the business unit/i);
  });

  it('keeps what was typed and explains a due date in the past', async () => {
    const res = await bot.invoke(users.bu, 'actions.create', { title: 'Refresh neglect tool training', source: 'lcspr', ownerId: owner.aadObjectId, dueDate: '2026-11-01' });
    const card = invokeCard(res);
    expect(cardText(card)).toMatch(/Due date: That date is in the past: please choose today or a later date\./);
    expect(inputs(card)).toMatchObject({ title: 'Refresh neglect tool training', dueDate: '2026-11-01' });
    expect(await bot.app.services.repos.actions.byReference('LCSPR-2025-01/R3')).toBeUndefined();
  });

  it.each([
    [{ source: 'lcspr', ownerId: 'x', dueDate: '2026-12-18' }, /Title: Please fill this in\./],
    [{ title: 'T', source: 'gossip', ownerId: 'x', dueDate: '2026-12-18' }, /Source: Please choose where it came from\./],
    [{ title: 'T', source: 'lcspr', ownerId: 'x', dueDate: 'next week' }, /Due date: Please choose a date\./],
    [{ title: 'T', source: 'lcspr', ownerId: 'x', dueDate: '2026-02-30' }, /Due date: That is not a real date: please choose another\./],
  ])('rejects a bad new action (%j)', async (data, message) => {
    expect(cardText(invokeCard(await bot.invoke(users.bu, 'actions.create', data)))).toMatch(message);
  });

  it('creates an action and sends the owner a card with Universal Action buttons', async () => {
    const before = bot.connector.cards(personalConversationId(owner)).length;
    const res = await bot.invoke(users.bu, 'actions.create', { title: 'Refresh neglect tool training for universal services', description: 'Deliver refresher sessions and report take-up.', source: 'lcspr', reference: 'LCSPR-2025-01/R3', ownerId: owner.aadObjectId, dueDate: '2026-12-18', priority: 'neglect' });
    expect(cardText(invokeCard(res))).toMatch(/Created LCSPR-2025-01\/R3/);
    const cards = bot.connector.cards(personalConversationId(owner));
    expect(cards.length).toBe(before + 1);
    const card = cards[cards.length - 1];
    expect(cardText(card)).toMatch(/Refresh neglect tool training/);
    expect(cardText(card)).toMatch(/Police/);
    actionId = buttonData(card, 'actions.acknowledge').id as string;
    expect((card as any).refresh.userIds).toEqual([owner.id]);
    expect((await stored())?.status).toBe('open');
    const log = await bot.app.services.audit.recent(5, actionId);
    expect(log[0]).toMatchObject({ feature: 'actions', action: 'create', actorId: users.bu.aadObjectId });
  });

  it('shows the new action in the summary and in my actions', async () => {
    expect(await summaryFacts()).toMatchObject({ 'Open (not yet acknowledged)': '1', Acknowledged: '0', Completed: '0', Neglect: '1' });
    await bot.say(owner, 'my actions');
    expect(cardText(lastCard(bot, owner))).toMatch(/LCSPR-2025-01\/R3/);
  });

  it('refuses a button press from someone who is not the owner, business unit or chair, and changes nothing', async () => {
    const a = await stored();
    const res = await bot.invoke(users.practitioner, 'actions.update', { id: actionId, etag: a!._etag, note: 'I did it', progress: 'in_progress' });
    expect(JSON.stringify(res.value)).toMatch(/Only the owner of this action, the business unit or the chair/);
    expect((await stored())?._etag).toBe(a!._etag);
  });

  it('lets the owner acknowledge; the card refreshes in place', async () => {
    const card = lastCard(bot, owner);
    const data = buttonData(bot.connector.cards(personalConversationId(owner)).find((c) => JSON.stringify(c).includes('actions.acknowledge')), 'actions.acknowledge');
    const refreshed = invokeCard(await bot.invoke(owner, 'actions.acknowledge', data));
    expect(cardText(refreshed)).toMatch(/Acknowledged: thank you/);
    expect(JSON.stringify(refreshed)).not.toContain('actions.acknowledge');
    expect((await stored())?.status).toBe('acknowledged');
    void card;
    expect(await summaryFacts()).toMatchObject({ 'Open (not yet acknowledged)': '0', Acknowledged: '1' });
  });

  it('answers an out-of-date card (412) with the current action and the typed text kept', async () => {
    const before = await stored();
    const res = await bot.invoke(owner, 'actions.update', { id: actionId, etag: '"stale"', note: 'Sessions booked for January', progress: 'in_progress' });
    const card = invokeCard(res);
    expect(cardText(card)).toMatch(/Someone else changed this action/);
    expect(inputs(card).note).toBe('Sessions booked for January');
    expect(buttonData(card, 'actions.update').etag).toBe(before!._etag);
    expect((await stored())?._etag).toBe(before!._etag);
  });

  it('does not lose an update when two people save at once', async () => {
    const a = await stored();
    const [r1, r2] = await Promise.all([
      bot.invoke(owner, 'actions.update', { id: actionId, etag: a!._etag, note: 'First update', progress: 'in_progress' }),
      bot.invoke(users.bu, 'actions.update', { id: actionId, etag: a!._etag, note: 'Second update', progress: 'in_progress' }),
    ]);
    const texts = [cardText(invokeCard(r1)), cardText(invokeCard(r2))];
    expect(texts.filter((t) => /Update saved/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /Someone else changed this action/.test(t))).toHaveLength(1);
    const after = await stored();
    expect(after!.notes).toHaveLength(1);
    expect(after!.status).toBe('in_progress');
  });

  it.each([
    ['actions.complete', { evidence: '' }, /Evidence of completion: Please describe what was done, or give a link to the evidence\./],
    ['actions.complete', { evidence: '   ', evidenceLink: '' }, /Evidence of completion: Please describe what was done/],
    ['actions.complete', { evidence: 'Done', evidenceLink: 'not a link' }, /Link to the evidence.*https/],
    ['actions.complete', { evidence: 'Seen at home, postcode CW1 2AB' }, /contains a postcode[\s\S]*identify a child/i],
    ['actions.update', { note: 'Spoke to mum on 07700 900123', progress: 'in_progress' }, /contains a phone number/i],
    ['actions.extension.request', { newDueDate: '2027-01-29', reason: 'Waiting for the child born 03/04/2015' }, /contains a date of birth/i],
    ['actions.update', { note: 'ok', progress: 'finished' }, /Progress: Please choose in progress or blocked\./],
    ['actions.extension.request', { newDueDate: '2026-11-02', reason: 'Waiting for data' }, /New due date: That date is in the past/],
    ['actions.extension.request', { newDueDate: 'soon', reason: 'Waiting for data' }, /New due date: Please choose a date\./],
    ['actions.extension.request', { newDueDate: '2027-01-29', reason: '' }, /Reason for the extension: Please fill this in\./],
  ])('%s with %j gets a clear message, keeps the text and changes nothing', async (verb, data, message) => {
    const before = await stored();
    const card = invokeCard(await bot.invoke(owner, verb, { id: actionId, etag: before!._etag, ...data }));
    expect(cardText(card)).toMatch(message);
    for (const [k, v] of Object.entries(data)) if (v) expect(inputs(card)[k]).toBe(v);
    expect((await stored())?._etag).toBe(before!._etag);
  });

  it('answers an unknown actions verb clearly and changes nothing', async () => {
    const before = await stored();
    const res = await bot.invoke(owner, 'actions.explode', { id: actionId, etag: before!._etag });
    expect(res.value).toMatch(/do not recognise that button/);
    expect((await stored())?._etag).toBe(before!._etag);
  });

  it('lists the tracker commands in help for a partner', async () => {
    await bot.say(users.dspIcb, 'help');
    const text = cardText(lastCard(bot, users.dspIcb));
    expect(text).toMatch(/Action tracker[\s\S]*my actions[\s\S]*tracker[\s\S]*digest on \| digest off/);
    expect(text).not.toMatch(/import actions/);
  });

  it('answers an action id that does not exist in the card', async () => {
    const card = invokeCard(await bot.invoke(owner, 'actions.complete', { id: 'no-such-action', etag: '"x"', evidence: 'Done' }));
    expect(cardText(card)).toMatch(/cannot find that action/);
  });

  it('handles an extension request and the business unit decision', async () => {
    let a = await stored();
    const asked = invokeCard(await bot.invoke(owner, 'actions.extension.request', { id: actionId, etag: a!._etag, newDueDate: '2027-01-29', reason: 'Training venue unavailable in December' }));
    expect(cardText(asked)).toMatch(/Extension requested/);
    expect(cardText(lastCard(bot, users.bu))).toMatch(/asks for more time/);
    a = await stored();
    expect(cardText(invokeCard(await bot.invoke(owner, 'actions.extension.decide', { id: actionId, etag: a!._etag, decision: 'approve' })))).toMatch(/Only the business unit or the chair/);
    const decided = invokeCard(await bot.invoke(users.chair, 'actions.extension.decide', { id: actionId, etag: a!._etag, decision: 'approve', decisionNote: 'Agreed at the CSPR group' }));
    expect(cardText(decided)).toMatch(/Extension approved/);
    expect((await stored())?.dueDate).toBe('2027-01-29');
    expect(cardText(lastCard(bot, owner))).toMatch(/extension request was approved/);
  });

  it('completes with evidence, is signed off, and the summary counts change', async () => {
    let a = await stored();
    const done = invokeCard(await bot.invoke(owner, 'actions.complete', { id: actionId, etag: a!._etag, evidence: 'Four refresher sessions delivered; 112 practitioners attended.', evidenceLink: 'https://example.org/evidence', impact: 'Screening tool use in audits rose.' }));
    expect(cardText(done)).toMatch(/The business unit will sign it off/);
    expect((await stored())?.status).toBe('completed_pending_evidence');
    expect(await summaryFacts()).toMatchObject({ 'In progress': '0', 'Completed, awaiting sign-off': '1', Completed: '0' });
    a = await stored();
    const signed = invokeCard(await bot.invoke(users.bu, 'actions.signoff', { id: actionId, etag: a!._etag, signoffDecision: 'accept' }));
    expect(cardText(signed)).toMatch(/Signed off/);
    const s = await summaryFacts();
    expect(s).toMatchObject({ 'Completed, awaiting sign-off': '0', Completed: '1' });
    expect(cardText(lastCard(bot, users.chair))).toMatch(/Completed this quarter \(1\)/);
    await bot.say(owner, 'my actions');
    expect(cardText(lastCard(bot, owner))).toMatch(/no open actions/);
    const history = (await stored())!.history.map((h) => h.what);
    expect(history).toEqual(['created', 'acknowledged', 'update', 'extension-requested', 'extension-approved', 'complete', 'signed-off']);
  });

  it('shows one action by reference to those who may see it', async () => {
    await bot.say(users.dspIcb, 'action lcspr-2025-01/r3');
    expect(cardText(lastCard(bot, users.dspIcb))).toMatch(/Refresh neglect tool training/);
    await bot.say(users.practitioner, 'action LCSPR-2025-01/R3');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/belongs to someone else/);
    await bot.say(users.practitioner, 'tracker');
    expect(bot.connector.texts(personalConversationId(users.practitioner)).pop()).toMatch(/Sorry, only the/);
  });

  it('imports a CSV only when every row is valid, reporting problems by row', async () => {
    const header = 'reference,title,source,priority,owner,due date';
    const flagged = [header, 'RR-2026-011/R1,Visit 12 Acacia Road about the family,RR,,Police DSP,2027-02-26'].join('\n');
    await bot.say(users.bu, `import actions\n${flagged}`);
    expect(cardText(lastCard(bot, users.bu))).toMatch(/Row 2[\s\S]*street address/);
    const bad = [header, 'RR-2026-010/R1,Agree a cross-border information sharing protocol,RR,contextual safeguarding,Police DSP,2027-02-26', 'RR-2026-010/R2,,RR,,Nobody Known,31/02/2027', 'RR-2026-010/R1,Duplicate,XX,,ICB DSP,2026-01-01'].join('\n');
    await bot.say(users.bu, `import actions\n${bad}`);
    const card = lastCard(bot, users.bu);
    const text = cardText(card);
    expect(text).toMatch(/Nothing was imported/);
    expect(text).toMatch(/Row 3/);
    expect(text).toMatch(/title is empty/);
    expect(text).toMatch(/Nobody Known/);
    expect(text).toMatch(/Row 4/);
    expect(text).toMatch(/also on row 2/);
    expect(inputs(card).csv).toContain('Agree a cross-border');
    expect(await bot.app.services.repos.actions.byReference('RR-2026-010/R1')).toBeUndefined();

    const good = [header, 'RR-2026-010/R1,Agree a cross-border information sharing protocol,RR,contextual safeguarding,Police DSP,2027-02-26', 'RR-2026-010/R2,Add exploitation screening to the front-door checklist,rapid review,,ICB DSP,26/02/2027'].join('\n');
    const res = invokeCard(await bot.invoke(users.bu, 'actions.import', { csv: good }));
    expect(cardText(res)).toMatch(/Imported 2 actions/);
    const r2 = await bot.app.services.repos.actions.byReference('RR-2026-010/R2');
    expect(r2).toMatchObject({ ownerId: users.dspIcb.aadObjectId, dueDate: '2027-02-26', group: 'cspr-group', ownerAgency: 'icb' });
    expect(cardText(lastCard(bot, users.dspIcb))).toMatch(/Add exploitation screening/);
  });

  it('records the weekly digest preference', async () => {
    await bot.say(owner, 'digest on');
    expect((await bot.app.services.members.get(owner.aadObjectId))?.prefs.actionsDigest).toBe(true);
    await bot.say(owner, 'digest off');
    expect((await bot.app.services.members.get(owner.aadObjectId))?.prefs.actionsDigest).toBe(false);
  });
});
