import { startTestBot, users, personalConversationId, cardText, cardActions, memoryLogger, SettableClock, type TestBot, type TestUser } from '../support/harness';
import { listPacks, loadPackByName } from '../../content/load';
import { emergencyLine, agencyLabel } from '../../content/describe';
import { packFacts } from '../../content/facts';
import { chairFor } from '../../bot/meetings/chair-rota';
import { groupChoiceTitle } from '../../bot/meetings/forms';
import { levelHeading } from '../../bot/queries/level-suggestion';
import { engineOf, formFields } from '../briefings/fixtures';
import { partnerAgency, otherAgency, everythingSent, foreignIn } from './support';

/**
 * One journey per feature, through the real endpoint, under every content pack. Ids, names and rules
 * come from the loaded pack, so the same journey proves the bot for each partnership; at the end,
 * nothing the bot sent may name another partnership.
 */
describe.each(listPacks())('journeys under the %s pack', (packName) => {
  const pack = loadPackByName(packName);
  const p = pack.partnership;
  const main = p.meetingSeries.find((s) => s.main)!;
  const [la, police, health] = p.statutoryPartners;
  const partners: [TestUser, string][] = [
    [users.dspCouncil, partnerAgency(pack, la.id)],
    [users.dspPolice, partnerAgency(pack, police.id)],
    [users.dspIcb, partnerAgency(pack, health.id)],
  ];
  const clock = new SettableClock(new Date('2026-11-24T10:00:00Z'));
  const memory = memoryLogger('warn');
  const invokes: unknown[] = [];
  let bot: TestBot;
  const dm = personalConversationId;
  const lastCard = (u: TestUser) => bot.connector.cards(dm(u)).pop();
  const lastText = (u: TestUser) => bot.connector.texts(dm(u)).pop() ?? '';
  const invoke = async (u: TestUser, verb: string, data: object) => {
    const r = await bot.invoke(u, verb, data);
    invokes.push(r);
    return r;
  };

  beforeAll(async () => {
    bot = await startTestBot({ clock, env: { CONTENT_PACK: packName, BROADCAST_RATE_PER_SECOND: '50' }, log: memory.log });
    await bot.grant(users.bu, ['businessUnit'], partnerAgency(pack, la.id));
    for (const [u, agency] of partners) await bot.grant(u, ['dsp'], agency);
    await bot.grant(users.practitioner, [], otherAgency(pack));
    await bot.grant(users.other, [], otherAgency(pack));
  }, 60_000);
  afterAll(async () => bot?.close());

  it('runs on this pack', () => {
    expect(bot.app.services.partnershipId).toBe(p.id);
  });

  it('help: the front-door line from the pack, and the content command for the business unit', async () => {
    await bot.say(users.bu, 'help');
    const text = cardText(lastCard(users.bu));
    expect(text).toContain(emergencyLine(pack));
    expect(text).toMatch(/\nContent\n\*\*content\*\*\nFacts to confirm/);
    await bot.say(users.practitioner, 'help');
    expect(cardText(lastCard(users.practitioner))).not.toMatch(/\*\*content\*\*/);
  });

  describe('queries', () => {
    const topic = (id: string) => pack.queries.topics.find((t) => t.id === id)!;

    it('"where do I make a referral" answers with the front door', async () => {
      await bot.say(users.practitioner, 'where do I make a referral');
      const text = cardText(lastCard(users.practitioner));
      expect(text).toContain(topic('front-door').title);
      expect(text).toContain(p.frontDoor.shortName);
      expect(text).toMatch(/^Source: .+/m);
    });

    it('"what is the escalation route" answers with the stages, leading with the front door', async () => {
      await bot.say(users.practitioner, 'what is the escalation route');
      const text = cardText(lastCard(users.practitioner));
      expect(text.split('\n')[0]).toBe(pack.queries.immediateDanger);
      expect(text).toContain(p.frontDoor.shortName);
      for (const s of topic('escalation-route').stages!) expect(text).toContain(s.title);
    });

    it('"levels of need" answers with the partnership\'s own framework and levels', async () => {
      await bot.say(users.practitioner, 'levels of need');
      const text = cardText(lastCard(users.practitioner));
      const t = topic('levels-of-need');
      expect(text).toContain(t.framework!.name);
      for (const l of t.levels!) expect(text).toContain(levelHeading(l));
    });
  });

  describe('meetings', () => {
    let meetingId = '';
    const date = '2026-12-08';
    const due = chairFor(main.chair, date, 0, p.people);

    it('new meeting offers the main group with its chair rule', async () => {
      await bot.say(users.bu, 'new meeting');
      const form = lastCard(users.bu);
      expect(cardText(form)).toContain(groupChoiceTitle(bot.app.services, main));
      await bot.say(users.bu, `new meeting for ${main.name}`);
      expect(cardText(lastCard(users.bu))).toMatch(main.chair?.kind === 'rota' && due.agency ? /Leave the chair blank to use the rota/ : /Chaired by /);
    });

    it('sets up the main group, creates the meeting with the chair from the rule, and shows the quorum rule', async () => {
      for (const [u] of partners) {
        await bot.say(users.bu, `add ${u.name} to group ${main.id}`);
        expect(lastText(users.bu)).toContain(`${u.name} is now in the ${main.name}`);
      }
      const res = await invoke(users.bu, 'meetings.new', { seriesId: main.id, title: main.name, meetingDate: date, meetingTime: '10:00', lengthMinutes: '120', chairAgency: 'rota' });
      const text = cardText((res as any).value);
      expect(text).toMatch(/Draft saved/);
      const chair = due.name ?? (due.agency ? `${partners.find(([, a]) => a === due.agency)?.[0].name ?? ''}` : '');
      if (due.name || due.agency) expect(text).toContain(`The chair was taken from the group's chair rule (${due.name || chair || agencyLabel(pack, due.agency!)})`);
      expect(text).toContain(main.quorum ? `Quorate: ${main.quorum.partners.map((id) => `${p.statutoryPartners.find((s) => s.id === id)!.label} ✗`).join(', ')}` : 'No quorum rule for this group.');
      meetingId = cardActions((res as any).value).find((a) => a.verb === 'meetings.publish')!.data.meetingId;
    });

    it('publishes, and the partners\' replies (one by a deputy from another agency) make it quorate when the pack has a quorum rule', async () => {
      expect(cardText((await invoke(users.bu, 'meetings.publish', { meetingId }) as any).value)).toMatch(/Published to 3 members 1:1/);
      await invoke(users.dspCouncil, 'meetings.rsvp', { meetingId, response: 'attending' });
      await invoke(users.dspPolice, 'meetings.rsvp', { meetingId, response: 'attending' });
      const last = await invoke(users.dspIcb, 'meetings.rsvp', { meetingId, response: 'deputy', deputyName: users.other.name, deputyAgency: otherAgency(pack) });
      const text = cardText((last as any).value);
      expect(text).toContain(main.quorum ? `Quorate: ${main.quorum.partners.map((id) => `${p.statutoryPartners.find((s) => s.id === id)!.label} ✓`).join(', ')}` : 'No quorum rule for this group.');
      expect(text).not.toMatch(/not quorate/);
    });
  });

  describe('briefings', () => {
    it('the business unit writes and sends a briefing; a practitioner reads it, with the pack\'s front-door line', async () => {
      await bot.say(users.bu, 'new briefing');
      const briefingId = JSON.stringify(lastCard(users.bu)).match(/"briefingId":"([^"]+)"/)![1];
      const fields = formFields({ title: 'Learning from a review', source: 'Rapid review (journey test)', links: `Partnership website | ${p.website}`, priorities: p.priorities[0].id });
      expect((await invoke(users.bu, 'briefings.save', { briefingId, ...fields }) as any).statusCode).toBe(200);
      const first = await invoke(users.bu, 'briefings.send', { briefingId, ...fields });
      const confirm = cardActions((first as any).value).find((a) => a.verb === 'briefings.send')!;
      await invoke(users.bu, 'briefings.send', confirm.data);
      await engineOf(bot).idle();
      const received = bot.connector.cards(dm(users.practitioner)).filter((c) => /Learning from a review/.test(cardText(c))).pop();
      expect(cardText(received)).toContain(emergencyLine(pack));
      const read = await invoke(users.practitioner, 'briefings.read', { briefingId });
      expect(cardText((read as any).value)).toMatch(/marked this as read/);
    });
  });

  describe('actions', () => {
    it('the business unit creates an action for a partner, who acknowledges it', async () => {
      const res = await invoke(users.bu, 'actions.create', { title: 'Share the review learning with every team', source: 'meeting', ownerId: users.dspPolice.aadObjectId, dueDate: '2026-12-18', priority: p.priorities[0].id, group: main.id });
      expect(cardText((res as any).value)).toMatch(/Created MTG-/);
      const card = bot.connector.cards(dm(users.dspPolice)).filter((c) => cardActions(c).some((a) => a.verb === 'actions.acknowledge')).pop();
      const ack = await invoke(users.dspPolice, 'actions.acknowledge', cardActions(card).find((a) => a.verb === 'actions.acknowledge')!.data);
      expect(cardText((ack as any).value)).toMatch(/Acknowledged: thank you/);
      expect(cardText((ack as any).value)).toContain(agencyLabel(pack, partnerAgency(pack, police.id)));
    });
  });

  describe('audits', () => {
    it('the business unit starts a round of the pack\'s multi-agency audit; an auditor checks in on the quick card', async () => {
      const t = pack.audits.templates.find((x) => x.actionSource === 'multi-agency-audit')!;
      const res = await invoke(users.bu, 'audits.round.create', { templateId: t.id, theme: 'Information sharing', dueDate: '2026-12-18', auditors: users.dspPolice.name, agencies: partnerAgency(pack, police.id) });
      expect((res as any).value).toMatch(/created and sent to 1 of 1 auditors/);
      const invite = bot.connector.cards(dm(users.dspPolice)).filter((c) => cardActions(c).some((a) => a.verb === 'audits.start')).pop();
      expect(cardText(invite)).toContain(`${t.codePrefix}-`);
      const roundId = cardActions(invite).find((a) => a.verb === 'audits.start')!.data.roundId;
      const answers = Object.fromEntries(t.questions.map((q) => [`q_${q.id}`, t.answerScale[0]]));
      const done = await invoke(users.dspPolice, 'audits.quick.submit', { roundId, reference: t.referenceExample, ...answers, grade: t.gradeScale[1], strengths: 'Good information sharing', improvements: 'Plans need contingency', proposedActions: '' });
      expect(cardText((done as any).value)).toMatch(/1 submitted/);
    });
  });

  describe('content', () => {
    it('the business unit confirms the first fact still to be confirmed', async () => {
      const first = packFacts(pack).find((f) => f.holder.toConfirm)!;
      await bot.say(users.bu, 'content');
      expect(cardText(lastCard(users.bu))).toContain(first.label);
      const r = await invoke(users.bu, 'content.confirm', { factId: first.id });
      expect(cardText((r as any).value)).toMatch(/Confirmed\. Every copy of the bot now shows it as confirmed\./);
      expect((await bot.app.services.overrides.current()).active.map((o) => o.target)).toEqual([first.id]);
    });
  });

  it('sent nothing that names another partnership, and logged no errors', () => {
    const sent = everythingSent(bot, invokes);
    expect(sent.length).toBeGreaterThan(20);
    expect(foreignIn(pack, sent)).toEqual([]);
    expect(memory.lines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
