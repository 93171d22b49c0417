/**
 * A scripted history with known answers, for the figure rules' table tests. The main period is
 * 2026 Q1 (January to March 2026), compared with 2025 Q4: the comparison crosses a year end, the
 * Christmas and New Year bank holidays fall in it, and the records include a cancelled meeting, a
 * reopened action, an approved extension, a cancelled action, and records a few minutes either side
 * of midnight when the clocks change. Synthetic staff only; no child is described.
 */
import type { Agency } from '../../content/schema/partnership';
import type { ActionFigureRow } from '../../storage/actions/repository';
import type { FigureContext, History } from '../../bot/numbers/history';
import type { ReachRow } from '../../bot/briefings/reach';

const agency = (id: string, name: string, kind: Agency['kind'], statutoryPartner?: string): Agency => ({ id, name, kind, relevantAgency: true, ...(statutoryPartner ? { statutoryPartner } : {}) });

export const ctx: FigureContext = {
  series: [
    { id: 'board', name: 'Partnership board', cadence: { kind: 'weeks', every: 6 }, quorum: ['la', 'police', 'health'], overrides: [] },
    { id: 'qa', name: 'Quality assurance group', cadence: { kind: 'months', every: 2 }, quorum: [], overrides: [] },
  ],
  boardSeries: 'board',
  partners: [{ id: 'la', label: 'local authority' }, { id: 'police', label: 'police' }, { id: 'health', label: 'ICB' }],
  agencies: [
    { id: 'council', name: 'Council', partner: 'la' },
    { id: 'police', name: 'Police', partner: 'police' },
    { id: 'icb', name: 'ICB', partner: 'health' },
    { id: 'school', name: 'Schools' },
    { id: 'vcs', name: 'Voluntary sector' },
  ],
  agencyRecords: [agency('council', 'Council', 'local-authority', 'la'), agency('police', 'Police', 'police', 'police'), agency('icb', 'ICB', 'health', 'health'), agency('school', 'Schools', 'education'), agency('vcs', 'Voluntary sector', 'voluntary')],
  sources: [{ id: 'rapid-review', name: 'Rapid review' }, { id: 'lcspr', name: 'LCSPR' }, { id: 'multi-agency-audit', name: 'Multi-agency audit' }, { id: 'meeting', name: 'Meeting' }],
  reviewSources: ['rapid-review', 'lcspr'],
  priorities: [{ id: 'neglect', name: 'Neglect' }, { id: 'exploitation', name: 'Exploitation' }],
  grades: ['good', 'requires improvement', 'inadequate'],
  topics: [{ id: 'escalation-route', name: 'Escalation route' }, { id: 'levels-of-need', name: 'Levels of need' }],
};

const present = (...ids: string[]) => (absent: string[] = []) => [...ids.map((agency) => ({ agency, present: true })), ...absent.map((agency) => ({ agency, present: false }))];

const h = (at: string, what: string, detail: Record<string, string> = {}) => ({ at, by: 'aad-bu', byName: 'Business Unit Officer', what, detail });

function action(id: string, source: ActionFigureRow['source'], createdAt: string, dueDate: string, status: ActionFigureRow['status'], history: ActionFigureRow['history'], extra: Partial<ActionFigureRow> = {}): ActionFigureRow {
  return { id, source, createdAt, dueDate, status, history: [h(createdAt, 'created', { due: dueDate }), ...history], ...extra };
}

const delivery = (status: string, agency?: string, kind = 'personal'): ReachRow => ({ type: 'delivery', status, kind, agency, roles: [] });
const response = (agency: string, useful?: string): ReachRow => ({ type: 'response', agency, roles: [], readAt: '2026-02-10T12:00:00Z', ...(useful ? { useful } : {}) });

export const history: History = {
  meetings: [
    { id: 'M0', seriesId: 'board', startsAt: '2025-11-12T10:00:00Z', status: 'held', attendance: present('council', 'icb')(['police']) },
    { id: 'M1', seriesId: 'board', startsAt: '2026-01-14T10:00:00Z', status: 'held', attendance: present('council', 'police', 'school')(['icb']) },
    { id: 'M2', seriesId: 'board', startsAt: '2026-02-25T10:00:00Z', status: 'cancelled' },
    // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (summer time began on 29 March).
    { id: 'M3', seriesId: 'board', startsAt: '2026-03-31T23:30:00Z', status: 'held', attendance: present('council', 'police', 'icb')() },
    { id: 'M4', seriesId: 'board', startsAt: '2026-03-25T10:00:00Z', status: 'held', attendance: present('council', 'police', 'icb')(['school']) },
    { id: 'M5', seriesId: 'qa', startsAt: '2026-02-10T10:00:00Z', status: 'held', attendance: present('council', 'vcs')() },
  ],
  actions: [
    action('A1', 'rapid-review', '2025-12-01T10:00:00Z', '2026-02-27', 'completed', [
      h('2025-12-02T09:00:00Z', 'acknowledged', { from: 'open', to: 'acknowledged' }),
      h('2026-02-18T09:00:00Z', 'complete', { from: 'acknowledged', to: 'completed_pending_evidence' }),
      h('2026-02-20T09:00:00Z', 'signed-off', { from: 'completed_pending_evidence', to: 'completed' }),
    ], { priority: 'neglect', closedOn: '2026-02-20' }),
    action('A2', 'rapid-review', '2026-01-05T10:00:00Z', '2026-04-30', 'in_progress', [
      h('2026-01-06T09:00:00Z', 'update', { from: 'open', to: 'in_progress' }),
      h('2026-03-02T09:00:00Z', 'extension-requested', { from: '2026-03-13', to: '2026-04-30' }),
      h('2026-03-10T09:00:00Z', 'extension-approved', { from: '2026-03-13', to: '2026-04-30' }),
    ], { priority: 'exploitation' }),
    // Reopened: marked complete, returned at sign-off, completed again after its due date.
    action('A3', 'lcspr', '2025-10-01T09:00:00Z', '2026-01-30', 'completed', [
      h('2026-01-28T09:00:00Z', 'complete', { from: 'acknowledged', to: 'completed_pending_evidence' }),
      h('2026-02-03T09:00:00Z', 'returned', { from: 'completed_pending_evidence', to: 'in_progress' }),
      h('2026-02-10T09:00:00Z', 'complete', { from: 'in_progress', to: 'completed_pending_evidence' }),
      h('2026-02-12T09:00:00Z', 'signed-off', { from: 'completed_pending_evidence', to: 'completed' }),
    ], { priority: 'neglect', closedOn: '2026-02-12' }),
    action('A4', 'multi-agency-audit', '2026-01-20T10:00:00Z', '2026-03-06', 'open', []),
    // 23:30 UTC on 30 September 2025 is 00:30 on 1 October in London: opened in 2025 Q4.
    action('A5', 'meeting', '2025-09-30T23:30:00Z', '2025-12-19', 'completed', [h('2025-12-18T09:00:00Z', 'complete', { from: 'acknowledged', to: 'completed' })], { closedOn: '2025-12-18' }),
    action('A6', 'lcspr', '2026-02-02T10:00:00Z', '2026-03-20', 'cancelled', [h('2026-03-02T09:00:00Z', 'cancelled', { from: 'open', to: 'cancelled' })], { priority: 'exploitation', closedOn: '2026-03-02' }),
    action('A7', 'rapid-review', '2025-11-03T10:00:00Z', '2025-12-24', 'blocked', [h('2025-11-20T09:00:00Z', 'update', { from: 'open', to: 'blocked' })]),
    // Waiting for sign-off at the end of March; signed off in April, after its due date.
    action('A8', 'meeting', '2026-03-02T10:00:00Z', '2026-03-27', 'completed', [
      h('2026-03-26T09:00:00Z', 'complete', { from: 'acknowledged', to: 'completed_pending_evidence' }),
      h('2026-04-08T09:00:00Z', 'signed-off', { from: 'completed_pending_evidence', to: 'completed' }),
    ], { priority: 'neglect', closedOn: '2026-04-08' }),
    // Its due date was moved on 5 March, after it had passed.
    action('A9', 'rapid-review', '2026-01-10T10:00:00Z', '2026-05-29', 'acknowledged', [
      h('2026-01-12T09:00:00Z', 'acknowledged', { from: 'open', to: 'acknowledged' }),
      h('2026-03-05T09:00:00Z', 'edited', { fields: 'dueDate', fromDue: '2026-02-13', toDue: '2026-05-29' }),
    ]),
  ],
  rounds: [
    { id: 'R0', code: 'MACA-2512', dueDate: '2025-12-12', auditorIds: ['u1', 'u2'] },
    { id: 'R1', code: 'MACA-2602', dueDate: '2026-02-27', auditorIds: ['u1', 'u2', 'u3'] },
    { id: 'R2', code: 'S175-2604', dueDate: '2026-04-10', auditorIds: ['u1'] },
  ],
  checkIns: [
    { roundId: 'R0', auditorId: 'u1', status: 'submitted', grade: 'inadequate', learningActionIds: [] },
    { roundId: 'R1', auditorId: 'u1', status: 'submitted', grade: 'good', learningActionIds: ['A4'] },
    { roundId: 'R1', auditorId: 'u1', status: 'submitted', grade: 'requires improvement', learningActionIds: [] },
    { roundId: 'R1', auditorId: 'u2', status: 'submitted', grade: 'good', learningActionIds: [] },
    { roundId: 'R1', auditorId: 'u3', status: 'draft', learningActionIds: [] },
    { roundId: 'R2', auditorId: 'u1', status: 'submitted', grade: 'good', learningActionIds: [] },
  ],
  briefings: [
    {
      id: 'B1',
      sentAt: '2026-02-10T09:00:00Z',
      rows: [delivery('sent', 'police'), delivery('sent', 'police'), delivery('sent', 'icb'), delivery('sent', 'council'), delivery('unreachable', 'school'), delivery('sent', undefined, 'channel'), response('police', 'yes'), response('police', 'partly'), response('icb'), response('school', 'yes')],
    },
    // 23:15 UTC on 31 March 2026 is 00:15 on 1 April in London.
    { id: 'B2', sentAt: '2026-03-31T23:15:00Z', rows: [delivery('sent', 'police'), response('police', 'no')] },
  ],
  queries: [
    { id: 'q1', topic: 'escalation-route', feedback: 'helpful', createdAt: '2026-01-05T10:00:00Z' },
    { id: 'q2', topic: 'escalation-route', feedback: 'not_helpful', createdAt: '2026-01-20T14:00:00Z' },
    { id: 'q3', topic: 'unknown', createdAt: '2026-02-03T10:30:00Z' },
    { id: 'q4', topic: 'levels-of-need', createdAt: '2026-02-14T10:00:00Z' },
    { id: 'q5', topic: 'levels-of-need', createdAt: '2026-03-31T23:30:00Z' },
    { id: 'q6', topic: 'glossary:NRM', createdAt: '2026-03-10T10:00:00Z' },
    // Asked ten minutes into New Year's Day, a bank holiday.
    { id: 'q7', topic: 'escalation-route', createdAt: '2026-01-01T00:10:00Z' },
    { id: 'q8', topic: 'levels-of-need', createdAt: '2025-12-31T23:50:00Z' },
  ],
  tickets: [
    { id: 't1', status: 'answered', createdAt: '2026-01-20T15:00:00Z', answeredAt: '2026-01-21T09:00:00Z' },
    // Sent the day before Christmas Eve, answered on 2 January: Christmas, Boxing Day and New Year's Day are not working days.
    { id: 't2', status: 'answered', createdAt: '2025-12-23T16:00:00Z', answeredAt: '2026-01-02T10:00:00Z' },
    { id: 't3', status: 'assigned', createdAt: '2026-02-03T11:00:00Z' },
  ],
};
