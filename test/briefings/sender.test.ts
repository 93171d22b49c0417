import { BotConnector, sdkRetryPolicies } from '../../bot/edge/connector';
import { loadConfig } from '../../bot/core/config';
import { FakeConnector } from '../support/fake-connector';

describe('the broadcast sender', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await new FakeConnector().start();
  });
  afterAll(async () => connector?.close());
  const ref = () => ({ serviceUrl: connector.url, channelId: 'msteams', conversation: { id: 'a:one', conversationType: 'personal' }, bot: { id: '28:bot' }, user: { id: '29:user' } });

  it('talks to the connector through a client without the SDK retry policy', async () => {
    const sender = new BotConnector(loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    const client = await (sender as unknown as { client(url: string): Promise<Parameters<typeof sdkRetryPolicies>[0]> }).client(connector.url);
    expect(sdkRetryPolicies(client)).toEqual([]);
  });

  it('reports a 429 at once, with Retry-After, instead of retrying inside the call', async () => {
    const sender = new BotConnector(loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    connector.clear();
    connector.behaviour = () => ({ status: 429, headers: { 'Retry-After': '2' } });
    const r = await sender.send(ref(), 'hello');
    connector.behaviour = undefined;
    expect(r).toMatchObject({ ok: false, kind: 'throttled', retryAfterMs: 2000 });
    expect(connector.received).toHaveLength(1);
  });

  it.each([
    [403, 'unreachable'],
    [404, 'unreachable'],
    [412, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
    [504, 'retryable'],
    [400, 'failed'],
  ])('classifies %i as %s after one request', async (status, kind) => {
    const sender = new BotConnector(loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    connector.clear();
    connector.behaviour = () => ({ status, body: { error: { code: status === 403 ? 'MessageWritesBlocked' : 'X', message: 'x' } } });
    const r = await sender.send(ref(), 'hello');
    connector.behaviour = undefined;
    expect(r).toMatchObject({ ok: false, kind });
    expect(connector.received).toHaveLength(1);
  });

  it('sends and updates, returning the activity id', async () => {
    const sender = new BotConnector(loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
    const sent = await sender.send(ref(), 'hello');
    expect(sent).toMatchObject({ ok: true, activityId: expect.stringMatching(/^act-/) });
    const updated = await sender.update(ref(), (sent as { activityId: string }).activityId, 'changed');
    expect(updated).toMatchObject({ ok: true });
    expect(connector.received.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});
