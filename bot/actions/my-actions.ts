import type { AdaptiveCard } from '../core/contract';
import { listCard, byUrgency } from './list-card';
import type { Tracker } from './tracker';

/** One point read of the owner's index: this is the path the benchmark times. */
export async function myActionsCard(tracker: Tracker, memberId: string): Promise<AdaptiveCard> {
  const today = tracker.today();
  const entries = (await tracker.repo.ownerEntries(memberId)).sort(byUrgency(today, tracker.amber));
  const n = entries.length;
  return listCard({
    heading: 'My actions',
    intro: n ? `${n} action${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} something from you, most urgent first.` : 'You have no open actions. Thank you.',
    rows: entries.map((entry) => ({ entry, note: entry.ext ? 'Extension requested' : undefined })),
    today,
    amberWithinWorkingDays: tracker.amber,
    refreshVerb: 'actions.mine',
  });
}
