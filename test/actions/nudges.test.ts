import { randomUUID } from 'node:crypto';
import { startTestBot, users, personalConversationId, cardText, SettableClock, type TestBot } from '../support/harness';
import { FakeConnector } from '../support/fake-connector';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';
import { runNudgeSweep } from '../../bot/actions/nudge-sweep';
import { lastCard } from './helpers';

/**
 * Two bot instances on one Cosmos database, both running the scheduler: every nudge goes once.
 * Dates: actions are created on Tue 24 Nov 2026; the sweeps run in December around Christmas.
 */
describe('nudges across two bot instances', () => {
  let embedded: EmbeddedCosmos;
  let connector: FakeConnector;
  let a: TestBot;
  let b: TestBot;
  const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
  const ids: Record<string, string> = {};
  const cardsTo = (u: { aadObjectId: string }) => connector.cards(personalConversationId(u as never)).length;
  const tickBoth = (at: string) => {
    clock.set(at);
    return Promise.all([a.app.scheduler.tick(new Date(at), true), b.app.scheduler.tick(new Date(at), true)]);
  };

  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    connector = await new FakeConnector().start();
    const databaseId = `nudges-${randomUUID().slice(0, 8)}`;
    a = await startTestBot({ embedded, connector, databaseId, clock, instanceId: 'instance-a' });
    b = await startTestBot({ embedded, connector, databaseId, clock, instanceId: 'instance-b' });
    await a.grant(users.bu, ['businessUnit'], 'council-childrens');
    await a.grant(users.chair, ['chair'], 'icb');
    await a.grant(users.dspPolice, ['dsp'], 'police');
    await a.grant(users.dspIcb, ['dsp'], 'icb');
    await a.grant(users.dspEducation, ['dsp'], 'education');
    // A second chair who chairs another group must not hear about the CSPR group's actions.
    await a.grant(users.dspCouncil, ['chair'], 'council-childrens');
    await a.say(users.bu, 'chair of Partnership board is Council DSP');
    await a.say(users.bu, 'chair of cspr-group is Board Chair');
    // The education DSP has removed the app: Teams answers 403 for their chat.
    connector.behaviour = ({ method, conversationId }) => (method === 'POST' && conversationId === personalConversationId(users.dspEducation) ? { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'removed' } } } : undefined);
    const api = a.app.services.actions;
    const create = async (key: string, ownerId: string, dueDate: string, title: string) => {
      ids[key] = (await api.createAction({ title, source: 'rapid-review', ownerId, dueDate, group: 'cspr-group' }, users.bu.aadObjectId)).id;
    };
    await create('x', users.dspPolice.aadObjectId, '2027-01-05', 'Review the strategy meeting checklist');
    await create('y', users.dspPolice.aadObjectId, '2026-12-31', 'Brief custody staff on referral routes');
    await create('z', users.dspIcb.aadObjectId, '2026-11-25', 'Audit GP safeguarding leads list');
    await create('w', users.dspEducation.aadObjectId, '2027-01-05', 'Update the Section 175 audit tool');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await connector?.close();
    await embedded?.close();
  });

  it('records which group a chair chairs', async () => {
    expect((await a.app.services.members.get(users.chair.aadObjectId))?.prefs.chairOf).toEqual(['cspr-group']);
    expect(a.connector.texts(personalConversationId(users.bu)).join('\n')).toMatch(/Council DSP will now get escalations[\s\S]*Partnership board/);
  });

  it('generates references from the source prefix and year', async () => {
    const x = await a.app.services.repos.actions.get(ids.x);
    expect(x?.reference).toMatch(/^RR-2026-\d{3}$/);
  });

  it('marks an owner who removed the app as unreachable, and the business unit sees it', async () => {
    expect((await a.app.services.members.get(users.dspEducation.aadObjectId))?.reachable).toBe(false);
    await b.say(users.bu, 'tracker');
    expect(cardText(lastCard(b, users.bu))).toMatch(/Owners I cannot reach[\s\S]*Education DSP \(Education\): 1 open/);
    await b.say(users.chair, 'tracker');
    expect(cardText(lastCard(b, users.chair))).not.toMatch(/Owners I cannot reach/);
  });

  it('sends nothing outside working hours', async () => {
    const before = connector.received.length;
    const [ra, rb] = await tickBoth('2026-12-17T17:30:00Z');
    expect([ra, rb].some((r) => (r['sweep:actions:nudges'] as Record<string, number>)?.outsideWorkingHours === 1)).toBe(true);
    expect(connector.received.length).toBe(before);
  });

  it('sends each due nudge once when both instances sweep at the same time', async () => {
    const police = cardsTo(users.dspPolice);
    const icb = cardsTo(users.dspIcb);
    const chair = cardsTo(users.chair);
    const bu = cardsTo(users.bu);
    const councilChair = cardsTo(users.dspCouncil);
    const results = await tickBoth('2026-12-17T10:00:00Z');
    expect(results.filter((r) => r['sweep:actions:nudges'] === 'skipped')).toHaveLength(1);
    // Two actions due for the police DSP: one card listing both.
    expect(cardsTo(users.dspPolice)).toBe(police + 1);
    expect(cardText(lastCard(a, users.dspPolice))).toMatch(/2 of your actions need attention/);
    expect(cardsTo(users.dspIcb)).toBe(icb + 1);
    expect(cardText(lastCard(a, users.dspIcb))).toMatch(/overdue by 15 working days/);
    // More than 10 working days overdue: escalated to the chair and the business unit.
    expect(cardsTo(users.chair)).toBe(chair + 1);
    expect(cardText(lastCard(a, users.chair))).toMatch(/Overdue actions escalated[\s\S]*Audit GP safeguarding leads list/);
    expect(cardsTo(users.bu)).toBe(bu + 1);
    expect(cardsTo(users.dspCouncil)).toBe(councilChair);
  });

  it('does not send again, even when both instances bypass the lease and sweep together', async () => {
    const before = connector.activities().length;
    const now = new Date('2026-12-17T11:00:00Z');
    const [sa, sb] = await Promise.all([runNudgeSweep(a.app.services, now), runNudgeSweep(b.app.services, now)]);
    expect(sa.claimed + sb.claimed).toBe(0);
    await tickBoth('2026-12-17T15:00:00Z');
    expect(connector.activities().length).toBe(before);
    const sent = await a.app.services.notifications.repo.query('c.pk = @pk AND c.feature = "actions"', [{ name: '@pk', value: a.app.services.partnershipId }]);
    expect(sent.map((n) => `${n.kind}:${n.status}`).sort()).toEqual(['escalate:sent', 'nudge:sent', 'nudge:sent', 'nudge:sent', 'nudge:unreachable']);
  });

  it('restarts the schedule when the due date changes', async () => {
    clock.set('2026-12-17T12:00:00Z');
    const x = await a.app.services.repos.actions.get(ids.x);
    const res = await b.invoke(users.bu, 'actions.edit', { id: ids.x, etag: x!._etag, title: x!.title, description: '', dueDate: '2027-01-12', ownerId: users.dspPolice.aadObjectId });
    expect(JSON.stringify(res.value)).toMatch(/Changes saved/);
    const police = cardsTo(users.dspPolice);
    await tickBoth('2026-12-23T10:00:00Z');
    expect(cardsTo(users.dspPolice)).toBe(police);
    await tickBoth('2026-12-24T10:00:00Z'); // 10 working days before 12 Jan, across Christmas and New Year
    expect(cardsTo(users.dspPolice)).toBe(police + 1);
    expect(cardText(lastCard(a, users.dspPolice))).toMatch(/due in 10 working days[\s\S]*Review the strategy meeting checklist[\s\S]*Rapid review[\s\S]*Child Safeguarding Practice Review Group/);
  });

  it('sends a weekly digest instead of single nudges to owners who chose it', async () => {
    await a.say(users.dspIcb, 'digest on');
    const icb = cardsTo(users.dspIcb);
    const police = cardsTo(users.dspPolice);
    await tickBoth('2026-12-28T10:00:00Z'); // Boxing Day substitute: nothing
    expect(cardsTo(users.dspIcb)).toBe(icb);
    await tickBoth('2026-12-29T10:00:00Z');
    expect(cardsTo(users.dspIcb)).toBe(icb + 1);
    expect(cardText(lastCard(a, users.dspIcb))).toMatch(/weekly actions digest/);
    expect(cardsTo(users.dspPolice)).toBe(police + 1); // the 2-day reminder for 31 Dec
    await tickBoth('2026-12-30T10:00:00Z');
    await tickBoth('2026-12-31T10:00:00Z');
    expect(cardsTo(users.dspIcb)).toBe(icb + 1);
  });

  it('sends nothing for completed or cancelled actions', async () => {
    const y = await a.app.services.repos.actions.get(ids.y);
    clock.set('2026-12-30T10:00:00Z');
    await a.invoke(users.bu, 'actions.cancel', { id: ids.y, etag: y!._etag, cancelReason: 'Superseded by the new custody protocol' });
    const police = cardsTo(users.dspPolice);
    await tickBoth('2027-01-11T10:00:00Z'); // y would be overdue here
    const after = connector.cards(personalConversationId(users.dspPolice)).slice(police);
    expect(after.map(cardText).join('\n')).not.toMatch(/Brief custody staff/);
  });
});
