import { startTestBot, users, memoryLogger, cardText, type TestBot } from '../support/harness';

/**
 * An id sent back by a card can be anything a client sends. Ids that cannot exist (path characters,
 * 60 KB long) get the feature's own "cannot find" answer: no error logged, storage health untouched,
 * nothing changed. Before, they reached Cosmos, were logged as errors and flipped the health flag.
 */
const MEETING_GONE = 'That meeting no longer exists. Type **meetings** to see what is coming up.';
const BRIEFING_GONE = 'I cannot find that briefing any more.';
const cases: [verb: string, field: string, expected: string, extra?: Record<string, unknown>][] = [
  ['meetings.show', 'meetingId', MEETING_GONE],
  ['meetings.edit.open', 'meetingId', MEETING_GONE],
  ['meetings.item.open', 'meetingId', MEETING_GONE],
  ['meetings.publish', 'meetingId', MEETING_GONE],
  ['meetings.record.open', 'meetingId', MEETING_GONE],
  ['meetings.rsvp', 'meetingId', 'That meeting no longer exists. Nothing was changed.', { response: 'attending' }],
  ['briefings.open', 'briefingId', BRIEFING_GONE],
  ['briefings.edit', 'briefingId', BRIEFING_GONE],
  ['briefings.cancel', 'briefingId', BRIEFING_GONE],
  ['briefings.retract', 'briefingId', BRIEFING_GONE],
  ['briefings.reach', 'briefingId', BRIEFING_GONE],
  ['briefings.save', 'briefingId', `${BRIEFING_GONE} Type **drafts** to see the ones you can open.`],
  ['briefings.read', 'briefingId', 'This briefing is no longer available; it may have been withdrawn.'],
  ['briefings.feedback', 'briefingId', 'This briefing is no longer available; it may have been withdrawn.', { helpful: 'yes' }],
  ['audits.start', 'roundId', 'I cannot find that audit round.'],
  ['audits.quick.open', 'roundId', 'I cannot find that audit round.'],
  ['audits.quick.submit', 'roundId', 'I cannot find that audit round.'],
  ['audits.summary', 'roundId', 'That audit round no longer exists.'],
  ['audits.csv', 'roundId', 'That audit round no longer exists.'],
  ['audits.action.create', 'checkInId', 'That proposed action is no longer available.', { roundId: 'r' }],
  ['queries.ask', 'queryId', 'I cannot find that question any more. Please ask it again.'],
  ['queries.assign', 'ticketId', 'That ticket no longer exists.'],
  ['actions.show', 'id', 'I cannot find that action'],
  ['actions.acknowledge', 'id', 'I cannot find that action', { etag: 'e' }],
  ['actions.signoff', 'id', 'I cannot find that action', { etag: 'e' }],
];
const BAD_IDS = ['a/b', 'a\\b', 'a?b', 'a#b', '../../etc', 'x'.repeat(60_000)];

describe('tampered ids', () => {
  let bot: TestBot;
  const { log, lines } = memoryLogger();
  beforeAll(async () => {
    bot = await startTestBot({ log });
    await bot.grant(users.bu, ['businessUnit', 'chair'], 'council-childrens');
  });
  afterAll(async () => bot?.close());

  it.each(cases.flatMap(([verb, field, expected, extra]) => BAD_IDS.map((id) => [verb, id.length > 20 ? `${id.length} characters` : id, field, id, expected, extra] as const)))(
    '%s with id %s is not found',
    async (verb, _label, field, id, expected, extra) => {
      lines.length = 0;
      const r = await bot.invoke(users.bu, verb, { ...(extra ?? {}), [field]: id });
      const said = r.type === 'application/vnd.microsoft.card.adaptive' ? cardText(r.value) : r.value;
      expect(said).toContain(expected);
      expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
      expect(bot.app.services.store.health.down).toBe(false);
    },
  );
});
