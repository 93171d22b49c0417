import type { Turn, VerbResult } from '../core/contract';
import { summarise } from './summary';
import { summaryCard, type UnreachableOwner } from './summary-card';
import type { Tracker } from './tracker';
import { isClosedStatus } from './rag';

/** The tracker summary; the business unit also sees owners whose nudges cannot be delivered. */
export async function summaryResult(tracker: Tracker, turn: Turn): Promise<VerbResult> {
  const entries = await tracker.repo.allEntries();
  const summary = summarise(entries, tracker.today(), tracker.amber);
  let unreachable: UnreachableOwner[] = [];
  if (turn.member.roles.includes('businessUnit')) {
    const members = tracker.services.members;
    const lost = await members.members.query('c.pk = @pk AND c.reachable = false', [{ name: '@pk', value: tracker.services.partnershipId }]);
    const openByOwner = new Map<string, number>();
    for (const e of entries) if (!isClosedStatus(e.status)) openByOwner.set(e.owner, (openByOwner.get(e.owner) ?? 0) + 1);
    unreachable = lost
      .filter((m) => openByOwner.has(m.id))
      .map((m) => ({ name: m.name || m.id, agency: tracker.labels.agency(m.agency), openCount: openByOwner.get(m.id)! }));
  }
  return {
    card: summaryCard(summary, { labels: tracker.labels, partnership: tracker.services.content.partnership.shortName, now: tracker.services.clock.now(), unreachable }),
  };
}
