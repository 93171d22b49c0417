import { startTestBot, users, personalConversationId, cardText, cardActions, memoryLogger, type TestBot } from '../support/harness';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';

/**
 * The business unit's content edits through the real endpoint, on two bot instances sharing one store:
 * confirm a fact, change an answer, revert it; each instance sees each change without a restart.
 */
describe('content: confirm, change and revert from Teams, seen by every instance', () => {
  let embedded: EmbeddedCosmos;
  let a: TestBot;
  let b: TestBot;
  const logA = memoryLogger('warn');
  const logB = memoryLogger('warn');
  const dm = personalConversationId;
  const lastCard = (bot: TestBot, user: typeof users.bu) => bot.connector.cards(dm(user)).pop();

  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    a = await startTestBot({ embedded, databaseId: 'content-round-trip', log: logA.log });
    b = await startTestBot({ embedded, databaseId: 'content-round-trip', connector: a.connector, log: logB.log });
    await a.grant(users.bu, ['businessUnit'], 'council-childrens');
    await a.grant(users.practitioner, [], 'mid-cheshire-trust');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await embedded?.close();
  });

  it('lists what is to be confirmed, for the business unit only', async () => {
    await a.say(users.bu, 'content');
    const card = lastCard(a, users.bu);
    expect(cardText(card)).toMatch(/To confirm \(1 to 8 of \d+\)/);
    expect(cardText(card)).toMatch(/Front door phone/);
    expect(cardActions(card).find((x) => x.verb === 'content.fact' && x.data?.factId === 'front-door.phone')).toBeDefined();
    await b.say(users.practitioner, 'content');
    expect(b.connector.texts(dm(users.practitioner)).pop()).toBe('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
    const refused = await b.invoke(users.practitioner, 'content.confirm', { factId: 'front-door.phone' });
    expect(refused.value).toBe('Sorry, only the business unit can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.');
    expect((await a.app.services.overrides.history())).toHaveLength(0);
  });

  it('confirming the front-door number on one instance shows it on the other', async () => {
    await b.say(users.practitioner, 'help');
    expect(cardText(lastCard(b, users.practitioner))).toMatch(/contact ChECS \(Cheshire East Consultation Service; phone number to be confirmed\)/);
    const fact = await a.invoke(users.bu, 'content.fact', { factId: 'front-door.phone' });
    expect(cardText(fact.value)).toMatch(/0300 123 5012/);
    expect(cardText(fact.value)).toMatch(/To be confirmed: shown to people as "to be confirmed", not as this value/);
    const confirmed = await a.invoke(users.bu, 'content.confirm', { factId: 'front-door.phone', note: 'Checked with the front door manager' });
    expect(cardText(confirmed.value)).toMatch(/Confirmed\. Every copy of the bot now shows it as confirmed\./);
    expect(cardText(confirmed.value)).toMatch(/Confirmed by Business Unit Officer on .+ \(why: Checked with the front door manager\)/);
    await b.say(users.practitioner, 'help');
    expect(cardText(lastCard(b, users.practitioner))).toMatch(/For urgent concerns contact ChECS on 0300 123 5012\./);
  });

  it('refuses a wording that is not a phone number, or a rule, keeping what was typed and changing nothing', async () => {
    const before = (await a.app.services.overrides.history()).length;
    const bad = await a.invoke(users.bu, 'content.change', { factId: 'front-door.out-of-hours-phone', value: 'ring the duty team' });
    expect(cardText(bad.value)).toMatch(/New wording: enter a phone number, for example 0300 123 4567\. Nothing was changed\./);
    expect(JSON.stringify(bad.value)).toContain('ring the duty team');
    const child = await a.invoke(users.bu, 'content.change', { factId: 'topic.neglect', value: 'For example the boy at 12 Acacia Avenue, born 03/04/2015.' });
    expect(cardText(child.value)).toMatch(/New wording: This looks like it contains a date of birth and a street address/);
    const rule = await a.invoke(users.bu, 'content.change', { factId: 'group.partnership-board.quorum', value: 'Any two partners' });
    expect(cardText(rule.value)).toMatch(/This is a rule: it can be confirmed here, but a different rule needs a change to the pack\. Nothing was changed\./);
    expect((await a.app.services.overrides.history()).length).toBe(before);
  });

  const newSummary = 'When you disagree with another agency about a child, say so early and follow the escalation policy: this is the business unit\'s new wording.';
  let changeId = '';

  it('changing an answer on one instance is what practitioners see on the other, with its source line', async () => {
    await b.say(users.practitioner, 'escalation route');
    expect(cardText(lastCard(b, users.practitioner))).toMatch(/normal part of working together/);
    const changed = await a.invoke(users.bu, 'content.change', { factId: 'topic.escalation-route', value: newSummary });
    expect(cardText(changed.value)).toMatch(/Saved\. Every copy of the bot now uses the new wording/);
    changeId = cardActions(changed.value).find((x) => x.verb === 'content.revert')!.data.overrideId;
    await b.say(users.practitioner, 'escalation route');
    const text = cardText(lastCard(b, users.practitioner));
    expect(text).toContain(newSummary);
    expect(text).toMatch(/Source: CESCP arrangements \(section 20.*Updated by the business unit \(Business Unit Officer, \d{1,2} [A-Z][a-z]{2} \d{4}\)/);
  });

  it('the most-asked list shows the answer people asked for', async () => {
    await a.say(users.bu, 'content');
    const card = lastCard(a, users.bu);
    expect(cardText(card)).toMatch(/Answers most asked about\n(Review .*\n)?\*\*Escalation route: resolving a professional disagreement\*\*\nAsked 2 times recently/);
    expect(cardText(card)).toMatch(/2 changes in force/);
  });

  it('reverting on the other instance restores the pack\'s wording everywhere, and it is all in the audit log', async () => {
    const reverted = await b.invoke(users.bu, 'content.revert', { overrideId: changeId });
    expect(cardText(reverted.value)).toMatch(/Reverted: the pack's own wording applies again everywhere\./);
    await a.say(users.practitioner, 'escalation route');
    const text = cardText(lastCard(a, users.practitioner));
    expect(text).not.toContain(newSummary);
    expect(text).toMatch(/normal part of working together/);
    const again = await a.invoke(users.bu, 'content.revert', { overrideId: changeId });
    expect(again.value?.type === 'AdaptiveCard' || typeof again.value === 'object').toBe(true);
    const log = await a.app.services.audit.recent(20);
    expect(log.filter((x) => x.feature === 'content').map((x) => x.action).sort()).toEqual(['override-change', 'override-confirm', 'override-revert']);
    const history = await b.app.services.overrides.history();
    expect(history.map((o) => [o.target, o.action, o.status])).toEqual([
      ['front-door.phone', 'confirm', 'active'],
      ['topic.escalation-route', 'change', 'reverted'],
    ]);
  });

  it('logged no errors on either instance', () => {
    expect([...logA.lines, ...logB.lines].filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
