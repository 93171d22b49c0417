/**
 * The Teams-like connector in a process of its own (started by remote-teams.ts). Teams is another
 * system: its clock and its sliding windows must not stall when the bot's event loop does, or the
 * benchmark would count the bot's own pauses as bursts.
 */
import { FakeConnector, type Recorded } from '../../test/support/fake-connector';
import { seeded } from './seeded';

export interface CompactRecord {
  method: string;
  path: string;
  conversationId?: string;
  status: number;
  arrived: number;
  at: number;
  /** The notification line of a sent activity. */
  summary?: string;
  /** The member a 1:1 chat was created for. */
  memberId?: string;
}

export type Request =
  | { id: number; type: 'roster'; team: string; prefix: string; size: number }
  | { id: number; type: 'clear' }
  | { id: number; type: 'records' }
  | { id: number; type: 'cards'; conversationId: string }
  | { id: number; type: 'close' };

const compact = (r: Recorded): CompactRecord => ({
  method: r.method,
  path: r.path,
  conversationId: r.conversationId,
  status: r.status,
  arrived: r.arrived,
  at: r.at,
  summary: typeof r.body?.summary === 'string' ? r.body.summary : undefined,
  memberId: r.body?.members?.[0]?.id,
});

async function main() {
  const connector = await new FakeConnector({ limits: true, latencyMs: [40, 200], transient503: 0.01, random: seeded(Number(process.env.BENCH_SEED ?? 1)) }).start();
  const reply = (id: number, result: unknown) => process.send!({ id, result });
  process.on('message', async (m: Request) => {
    switch (m.type) {
      case 'roster':
        connector.rosters.set(
          m.team,
          Array.from({ length: m.size }, (_, i) => ({ id: `29:${m.prefix}-${i}`, aadObjectId: `aad-${m.prefix}-${i}`, name: `Roster member ${i}`, userPrincipalName: `${m.prefix}.${i}@partner.example.org` })),
        );
        return reply(m.id, true);
      case 'clear':
        connector.clear();
        connector.throttled = 0;
        return reply(m.id, true);
      case 'records':
        return reply(m.id, connector.received.map(compact));
      case 'cards':
        return reply(m.id, connector.cards(m.conversationId));
      case 'close':
        await connector.close();
        reply(m.id, true);
        return process.exit(0);
    }
  });
  process.send!({ type: 'ready', url: connector.url });
}

void main();
