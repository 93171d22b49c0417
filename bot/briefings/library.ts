import type { Briefing } from '../../storage/briefings/schema';
import type { Partnership } from '../../content/schema/partnership';
import { briefingText, readingTime } from './reading-time';
import { LIBRARY_PAGE } from './consts';

type Priority = Pick<Partnership['priorities'][number], 'id' | 'name'>;

/**
 * Filters the library by words and priorities: every word must appear in the briefing's text, its
 * source or a priority name. Newest first. Pure, so it is tested as a table.
 */
export function searchLibrary<B extends Briefing>(all: readonly B[], query: string, priorities: readonly Priority[], limit = LIBRARY_PAGE): { total: number; items: B[] } {
  const words = query.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter(Boolean);
  const haystack = (b: B) =>
    [briefingText(b), b.code, ...b.priorities, ...b.priorities.map((id) => priorities.find((p) => p.id === id)?.name ?? '')].join(' ').toLowerCase();
  const found = all
    .filter((b) => {
      const h = haystack(b);
      return words.every((w) => h.includes(w));
    })
    .sort((a, b) => (b.sentAt ?? b.updatedAt).localeCompare(a.sentAt ?? a.updatedAt));
  return { total: found.length, items: found.slice(0, limit) };
}

export function minutesOf(b: Briefing) {
  return readingTime(b).minutes;
}
