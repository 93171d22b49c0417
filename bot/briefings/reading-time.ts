import type { Briefing } from '../../storage/briefings/schema';
import { TARGET_MINUTES, WORDS_PER_MINUTE } from './consts';

/** Every word a recipient reads on the card, in order. */
export function briefingText(b: Pick<Briefing, 'title' | 'source' | 'background' | 'whyItMatters' | 'keyPoints' | 'remember' | 'actions' | 'reflection' | 'links'>): string {
  return [b.title, b.source, b.background, b.whyItMatters, ...b.keyPoints, b.remember, b.actions, ...b.reflection, ...b.links.map((l) => l.title)].join(' ');
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface ReadingTime {
  words: number;
  minutes: number;
  tooLong: boolean;
  sentence: string;
}

/** The seven-minute check: words / 200 per minute, rounded up. */
export function readingTime(b: Parameters<typeof briefingText>[0]): ReadingTime {
  const words = wordCount(briefingText(b));
  const exact = words / WORDS_PER_MINUTE;
  const minutes = Math.max(1, Math.ceil(exact));
  const tooLong = exact > TARGET_MINUTES;
  const sentence = tooLong
    ? `About ${minutes} minutes to read (${words} words): longer than the ${TARGET_MINUTES}-minute target. Consider trimming it so teams can take it in one sitting.`
    : `About ${minutes} minute${minutes === 1 ? '' : 's'} to read (${words} words), within the ${TARGET_MINUTES}-minute target.`;
  return { words, minutes, tooLong, sentence };
}
