import { PlaygroundSession, cardOf } from './playground';
import { cardActions, cardText } from '../support/harness';
import { listPacks, loadPackByName } from '../../content/load';

/**
 * One journey per feature through the Microsoft 365 Agents Playground's own API: the Playground
 * turns each request into the activity Teams would send, and the bot's replies come back over its
 * WebSocket, so this is the client the partnership's testers use.
 */
describe.each(listPacks())('under the %s pack', (packName) => {
  const pack = loadPackByName(packName);
  let s: PlaygroundSession;

  beforeAll(async () => {
    s = await new PlaygroundSession(packName).start();
  }, 60_000);
  afterAll(async () => s?.stop());

  function action(card: unknown, verb: string) {
    const found = cardActions(card).find((a) => a.verb === verb);
    if (!found) throw new Error(`no ${verb} button on the card: ${cardActions(card).map((a) => a.verb).join(', ')}`);
    return found;
  }

  it('answers help with a card naming this partnership\'s front door', async () => {
    const m = await s.say('help');
    expect(cardText(cardOf(m))).toMatch(/immediate danger/i);
    expect(cardText(cardOf(m))).toContain(pack.partnership.frontDoor.shortName);
  });

  it('answers "what is the escalation route?" with the escalation card', async () => {
    const m = await s.say('what is the escalation route?');
    const text = cardText(cardOf(m)) || String(m.message.text ?? '');
    expect(text).toMatch(/escalat/i);
    expect(text).toMatch(/999/);
  });

  it('acknowledges and completes an action from the card', async () => {
    const list = await s.say('my actions');
    const rows = cardActions(cardOf(list)).filter((a) => a.verb === 'actions.show');
    let opened: any;
    for (const row of rows) {
      const r = await s.invoke(list.message.messageId, 'actions.show', row.data);
      if (cardActions(r.value).some((a) => a.verb === 'actions.acknowledge')) {
        opened = r.value;
        break;
      }
    }
    expect(opened).toBeDefined();
    const ack = action(opened, 'actions.acknowledge');
    const acked = await s.invoke(list.message.messageId, 'actions.acknowledge', ack.data);
    expect(cardText(acked.value)).toMatch(/Acknowledged/);
    const complete = action(acked.value, 'actions.complete');
    const done = await s.invoke(list.message.messageId, 'actions.complete', { ...complete.data, evidence: 'Refresher sessions delivered to all health visiting teams; attendance list filed.', impact: 'Screening tool use rose in the next audit.' });
    expect(cardText(done.value)).toMatch(/Completed|Awaiting sign-off/);
  });

  it('reads and rates a briefing', async () => {
    const lib = await s.say('briefings');
    const open = action(cardOf(lib), 'briefings.open');
    const opened = await s.invoke(lib.message.messageId, 'briefings.open', open.data);
    const card = opened.value ?? cardOf(await s.waitFor((m) => cardText(cardOf(m)).includes('read'), 0));
    const read = await s.invoke(lib.message.messageId, 'briefings.read', action(card, 'briefings.read').data);
    expect(JSON.stringify(read)).toMatch(/read/i);
    const rated = await s.invoke(lib.message.messageId, 'briefings.feedback', { ...action(card, 'briefings.feedback').data, useful: 'yes', reflection: 'I will use the screening tool at the next core group.' });
    expect(JSON.stringify(rated)).toMatch(/[Tt]hank/);
  });

  it('RSVPs to an agenda and sees the quorum line', async () => {
    const list = await s.say('meetings');
    const show = action(cardOf(list), 'meetings.show');
    const opened = await s.invoke(list.message.messageId, 'meetings.show', show.data);
    const agenda = opened.value;
    const main = pack.partnership.meetingSeries.find((x) => x.main)!;
    expect(cardText(agenda)).toMatch(main.quorum ? /Quorate/ : /No quorum rule for this group\./);
    const attend = cardActions(agenda).find((a) => a.verb === 'meetings.rsvp' && a.data?.response === 'attending');
    expect(attend).toBeDefined();
    const after = await s.invoke(list.message.messageId, 'meetings.rsvp', attend!.data);
    expect(after.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(after.value)).toMatch(/Attending/i);
  });

  it('completes an audit check-in on the quick card', async () => {
    const m = await s.say('audit rounds');
    const quick = action(cardOf(m), 'audits.quick.open');
    const opened = await s.invoke(m.message.messageId, 'audits.quick.open', quick.data);
    const t = pack.audits.templates.find((x) => x.actionSource === 'multi-agency-audit')!;
    expect(cardText(opened.value)).toContain(`Quick check-in: ${t.codePrefix}-DEMO`);
    const answers = Object.fromEntries(t.questions.map((q) => [`q_${q.id}`, t.answerScale[0]]));
    const done = await s.invoke(m.message.messageId, 'audits.quick.submit', { ...quick.data, reference: t.referenceExample, ...answers, grade: t.gradeScale[1], strengths: 'Clear plan', improvements: 'none', proposedActions: '' });
    expect(cardText(done.value)).toMatch(/1 submitted/);
  });
});
