import type { AdaptiveCard } from '../core/contract';
import type { IndexEntry } from '../../storage/actions/schema';
import { expandCard } from '../../cards/expand';
import { formatDate } from '../shared/time/working-days';
import { ACTIONS_TUNING } from './consts';
import { RAG_STYLES, RAG_LABELS, RAG_ORDER, STATUS_LABELS, ragFor } from './rag';

export interface ListRow {
  entry: IndexEntry;
  /** A line under the title (reminder reason, status). */
  note?: string;
  ownerName?: string;
}

/** Most urgent first: RAG, then due date, then reference. */
export function byUrgency(today: string, amber: number) {
  return (a: IndexEntry, b: IndexEntry) =>
    RAG_ORDER[ragFor(a, today, amber)] - RAG_ORDER[ragFor(b, today, amber)] || a.due.localeCompare(b.due) || a.ref.localeCompare(b.ref);
}

export function listCardData(o: { heading: string; intro: string; rows: ListRow[]; today: string; amberWithinWorkingDays: number; showOwner?: boolean; refreshVerb?: string; limit?: number }) {
  const shown = o.rows.slice(0, o.limit ?? ACTIONS_TUNING.listLimit);
  return {
    heading: o.heading,
    intro: o.intro,
    showOwner: Boolean(o.showOwner),
    rows: shown.map(({ entry: e, note, ownerName }) => {
      const rag = ragFor(e, o.today, o.amberWithinWorkingDays);
      return {
        id: e.id,
        ref: e.ref,
        title: e.title,
        note: note ?? STATUS_LABELS[e.status],
        owner: ownerName ?? '',
        due: formatDate(e.due),
        rag: RAG_LABELS[rag],
        ragStyle: RAG_STYLES[rag],
      };
    }),
    more: o.rows.length > shown.length ? `and ${o.rows.length - shown.length} more: type **my actions** to see them all.` : '',
    refreshVerb: o.refreshVerb ?? '',
  };
}

export function listCard(o: Parameters<typeof listCardData>[0]): AdaptiveCard {
  return expandCard('actions', 'list', listCardData(o));
}
