/**
 * The stored records the figures are computed from, as plain shapes (no SDK, no repositories), and
 * the facts from the content pack the rules need. Loading them is records.ts; computing is figures/.
 */
import type { ContentPack } from '../../content/load';
import type { Agency } from '../../content/schema/partnership';
import type { ActionFigureRow } from '../../storage/actions/repository';
import type { QueryFigureRow, TicketFigureRow } from '../../storage/queries/repository';
import type { ReachRow } from '../briefings/reach';
import type { Cadence, CadenceOverride, HeldMeeting } from '../meetings/attendance-report';

export interface MeetingRecord extends HeldMeeting {
  id: string;
  seriesId: string;
  /** ISO instant. */
  startsAt: string;
}

export interface RoundRecord {
  id: string;
  code: string;
  dueDate: string;
  auditorIds: string[];
}

export interface CheckInRecord {
  roundId: string;
  auditorId: string;
  status: 'draft' | 'submitted';
  grade?: string;
  learningActionIds: string[];
}

export interface BriefingRecord {
  id: string;
  /** ISO instant the broadcast finished. */
  sentAt: string;
  rows: ReachRow[];
}

export interface History {
  meetings: MeetingRecord[];
  actions: ActionFigureRow[];
  rounds: RoundRecord[];
  checkIns: CheckInRecord[];
  briefings: BriefingRecord[];
  queries: QueryFigureRow[];
  tickets: TicketFigureRow[];
}

export interface Named {
  id: string;
  name: string;
}

/** What the rules need from the content pack, resolved once. */
export interface FigureContext {
  /** A group's cadence and quorum may be unset (the partnership has not said): then nothing is planned or required. */
  series: (Named & { cadence: Cadence | undefined; quorum: string[]; overrides: CadenceOverride[] })[];
  boardSeries: string;
  partners: { id: string; label: string }[];
  agencies: (Named & { partner?: string })[];
  /** The pack's agencies as the briefings reach rule takes them. */
  agencyRecords: Agency[];
  sources: Named[];
  reviewSources: string[];
  priorities: Named[];
  /** Grade labels in the order the audit templates list them. */
  grades: string[];
  topics: Named[];
}

export function figureContext(content: ContentPack): FigureContext {
  const p = content.partnership;
  return {
    series: p.meetingSeries.map((s) => ({ id: s.id, name: s.name, cadence: s.cadence, quorum: s.quorum?.partners ?? [], overrides: content.meetings.cadenceOverrides.filter((o) => o.series === s.id) })),
    boardSeries: content.numbers.boardSeries,
    partners: p.statutoryPartners.map((s) => ({ id: s.id, label: s.label })),
    agencies: p.agencies.map((a) => ({ id: a.id, name: a.shortName ?? a.name, partner: a.statutoryPartner })),
    agencyRecords: p.agencies,
    sources: content.actions.sources.map((s) => ({ id: s.id, name: s.name })),
    reviewSources: content.numbers.reviewSources,
    priorities: p.priorities.map((x) => ({ id: x.id, name: x.name })),
    grades: [...new Set(content.audits.templates.flatMap((t) => t.gradeScale))],
    topics: content.queries.topics.map((t) => ({ id: t.id, name: t.title })),
  };
}

export const agencyLabel = (ctx: FigureContext, id: string | undefined) => (id ? ctx.agencies.find((a) => a.id === id)?.name ?? id : 'Agency not recorded');
