import { computeReach } from '../../briefings/reach';
import type { BriefingRecord, FigureContext } from '../history';
import { londonDay, type Period } from '../periods';
import { ratio, type Ratio } from '../ratio';

export interface ReachAgency {
  id: string;
  name: string;
  delivered: number;
  read: number;
  yes: number;
  rated: number;
}

export interface ReachFigures {
  briefings: number;
  delivered: number;
  notDelivered: number;
  read: number;
  useful: { yes: number; partly: number; no: number };
  /** Delivered to, of the people each briefing was meant for (1:1). */
  reach: Ratio;
  /** Read and acknowledged, of the people delivered to. */
  readRate: Ratio;
  /** Rated "yes, useful", of the people who rated it. */
  usefulRate: Ratio;
  byAgency: ReachAgency[];
}

/** Briefings whose broadcast finished in the period, with the reach figures each briefing's card shows. */
export function reachFigures(briefings: readonly BriefingRecord[], ctx: FigureContext, p: Period): ReachFigures {
  const mine = briefings.filter((b) => londonDay(b.sentAt) >= p.from && londonDay(b.sentAt) <= p.to);
  const out: ReachFigures = { briefings: mine.length, delivered: 0, notDelivered: 0, read: 0, useful: { yes: 0, partly: 0, no: 0 }, reach: ratio(0, 0), readRate: ratio(0, 0), usefulRate: ratio(0, 0), byAgency: [] };
  const byAgency = new Map<string, ReachAgency>();
  for (const b of mine) {
    const r = computeReach(b.rows, ctx.agencyRecords);
    out.delivered += r.delivered;
    out.notDelivered += r.notDelivered;
    out.read += r.readPersonal;
    for (const k of ['yes', 'partly', 'no'] as const) out.useful[k] += r.useful[k];
    for (const g of r.byAgency) {
      const a = byAgency.get(g.key) ?? { id: g.key, name: g.name, delivered: 0, read: 0, yes: 0, rated: 0 };
      a.delivered += g.delivered;
      a.read += g.read;
      a.yes += g.yes;
      a.rated += g.yes + g.partly + g.no;
      byAgency.set(g.key, a);
    }
  }
  const rated = out.useful.yes + out.useful.partly + out.useful.no;
  out.reach = ratio(out.delivered, out.delivered + out.notDelivered);
  out.readRate = ratio(out.read, out.delivered);
  out.usefulRate = ratio(out.useful.yes, rated);
  out.byAgency = [...byAgency.values()].sort((a, b) => b.delivered - a.delivered || a.name.localeCompare(b.name));
  return out;
}
