import { DateTime } from 'luxon';
import { ZONE } from '../shared/time/working-days';

export interface ChairRule {
  rule: 'rota-annual' | 'rota-per-meeting' | 'fixed';
  rota: readonly string[];
  rotaStart?: string;
  description?: string;
}

export interface ChairSuggestion {
  /** Agency whose delegate should chair, when the rule is a rota. */
  agency?: string;
  /** Why: "rota year 2 of 3 (from 1 Apr 2026)" or the fixed description. */
  reason: string;
}

/**
 * The agency due to chair on a date. Annual rotas turn over on the anniversary of rotaStart (the
 * partnership's year), per-meeting rotas on each meeting in the series (meetingIndex counts from 0).
 */
export function chairFor(rule: ChairRule, isoDate: string, meetingIndex = 0): ChairSuggestion {
  if (rule.rule === 'fixed' || rule.rota.length === 0) return { reason: rule.description ?? 'Chair appointed by the group' };
  const n = rule.rota.length;
  if (rule.rule === 'rota-per-meeting') {
    const i = ((meetingIndex % n) + n) % n;
    return { agency: rule.rota[i], reason: `rota: meeting ${meetingIndex + 1}, turn ${i + 1} of ${n}` };
  }
  const start = DateTime.fromISO(rule.rotaStart ?? '2000-01-01', { zone: ZONE });
  const on = DateTime.fromISO(isoDate, { zone: ZONE });
  const years = Math.floor(on.diff(start, 'years').years);
  const i = ((years % n) + n) % n;
  const yearStart = start.plus({ years });
  return { agency: rule.rota[i], reason: `annual rota: turn ${i + 1} of ${n}, year from ${yearStart.toFormat('d LLL yyyy')}` };
}
