import { DateTime } from 'luxon';
import { ZONE } from '../shared/time/working-days';

export interface TimedItem {
  minutes: number;
}

export interface Timing {
  slots: { start: string; end: string }[];
  totalMinutes: number;
  overBy: number;
  warning: string;
}

/** Start and end of each item in London time, and a warning when the items overrun the meeting. */
export function agendaTiming(startsAt: string, lengthMinutes: number, items: readonly TimedItem[]): Timing {
  let t = DateTime.fromISO(startsAt).setZone(ZONE);
  const slots = items.map((i) => {
    const start = t.toFormat('HH:mm');
    t = t.plus({ minutes: i.minutes });
    return { start, end: t.toFormat('HH:mm') };
  });
  const totalMinutes = items.reduce((s, i) => s + i.minutes, 0);
  const overBy = Math.max(0, totalMinutes - lengthMinutes);
  const warning = overBy > 0 ? `The items add up to ${totalMinutes} minutes, ${overBy} more than the ${lengthMinutes}-minute meeting.` : '';
  return { slots, totalMinutes, overBy, warning };
}
