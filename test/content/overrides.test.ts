import { countAsked } from '../../bot/content/review';
import { startTestBot, users, type TestBot } from '../support/harness';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';

/** The one store for business-unit content changes: recorded, audited, revertible, seen by every instance. */
describe('content overrides', () => {
  let embedded: EmbeddedCosmos;
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    a = await startTestBot({ embedded, databaseId: 'overrides-shared' });
    b = await startTestBot({ embedded, databaseId: 'overrides-shared', connector: a.connector });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await embedded?.close();
  });

  const actor = { id: users.bu.aadObjectId, name: users.bu.name };

  it('starts empty at version 0', async () => {
    expect(await a.app.services.overrides.current()).toEqual({ version: 0, active: [] });
  });

  it('a change on one instance is seen by the other without a restart, and a revert too', async () => {
    const before = await b.app.services.overrides.current();
    const o = await a.app.services.overrides.add({ kind: 'phrasing', target: 'escalation', action: 'teach', value: 'my manager disagrees with the social worker' }, actor);
    const seen = await b.app.services.overrides.current();
    expect(seen.version).toBeGreaterThan(before.version);
    expect(seen.active.map((x) => x.id)).toContain(o.id);
    expect(seen.active.find((x) => x.id === o.id)).toMatchObject({ kind: 'phrasing', target: 'escalation', value: 'my manager disagrees with the social worker', createdBy: actor.id, createdByName: actor.name, status: 'active' });

    const reverted = await b.app.services.overrides.revert(o.id, actor);
    expect(reverted).toMatchObject({ status: 'reverted', revertedBy: actor.id });
    expect((await a.app.services.overrides.current()).active.map((x) => x.id)).not.toContain(o.id);
    expect(await a.app.services.overrides.revert(o.id, actor)).toBeUndefined();
  });

  it('records every change in the audit log', async () => {
    const log = await a.app.services.audit.recent(10);
    expect(log.filter((c) => c.feature === 'content').map((c) => c.action).sort()).toEqual(['override-revert', 'override-teach']);
  });

  it('keeps reverted overrides in the history', async () => {
    const history = await a.app.services.overrides.history();
    expect(history).toHaveLength(1);
    expect(history[0].status).toBe('reverted');
  });
});

describe('countAsked: the answers most asked about', () => {
  const topics = ['neglect', 'front-door', 'escalation-route'];
  const logs = (...t: string[]) => t.map((topic) => ({ topic }));
  it.each([
    ['only answer topics count (unanswered, off-topic and glossary questions have no answer to review)', logs('unknown', 'off-topic', 'glossary:AIM', 'neglect'), [{ topic: 'neglect', count: 1 }]],
    ['most asked first, ties by id', logs('neglect', 'front-door', 'front-door', 'escalation-route'), [{ topic: 'front-door', count: 2 }, { topic: 'escalation-route', count: 1 }, { topic: 'neglect', count: 1 }]],
    ['nothing asked', logs(), []],
  ])('%s', (_label, given, expected) => {
    expect(countAsked(given, topics)).toEqual(expected);
  });
});
