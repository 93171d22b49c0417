/**
 * Demo actions for the local Playground chat: a rapid review, an LCSPR, multi-agency audits, a Section
 * 175 follow-up and a board action, in every state and RAG. Themes follow the CESCP annual report;
 * nothing here describes a child.
 */
import { agencyOfKind } from '../../content/describe';
import type { Services } from '../core/contract';
import type { Action, ActionStatus } from '../../storage/actions/schema';
import { newId } from '../../storage/ids';
import { londonDate } from '../shared/time/working-days';
import { addWorkingDays } from '../shared/time/working-days';
import { Tracker } from './tracker';
import type { ActionSource } from '../../storage/actions/schema';

interface DemoItem {
  reference: string;
  title: string;
  description: string;
  source: ActionSource;
  priority?: string;
  /** 'me' is the Playground user; other owners are named placeholders with no Teams account. */
  owner: 'me' | 'police' | 'council' | 'icb' | 'education';
  /** Due date in working days from today (negative = overdue). */
  dueIn: number;
  status: ActionStatus;
  note?: string;
  evidence?: string;
  impact?: string;
  extensionTo?: number;
  extensionReason?: string;
}

/** Placeholder owners in the pack's own agencies, so the demo reads right for any partnership. */
function others(services: Services) {
  const pack = services.content;
  return {
    police: { id: 'demo-owner-police', name: 'Detective Inspector, public protection (demo)', agency: agencyOfKind(pack, 'police') },
    council: { id: 'demo-owner-council', name: 'Head of service, safeguarding (demo)', agency: agencyOfKind(pack, 'local-authority') },
    icb: { id: 'demo-owner-icb', name: 'Designated nurse (demo)', agency: agencyOfKind(pack, 'health') },
    education: { id: 'demo-owner-education', name: 'Education safeguarding lead (demo)', agency: agencyOfKind(pack, 'education') },
  };
}

const ITEMS: DemoItem[] = [
  { reference: 'RR-2025-03/R1', title: 'Remind health and early years staff to ask who looks after a baby at every contact', description: 'Rapid review learning on professional curiosity with infants. Add the question to contact templates and brief teams.', source: 'rapid-review', owner: 'me', dueIn: 8, status: 'acknowledged' },
  { reference: 'RR-2025-04/R2', title: 'Agree a joint response when a young person at risk of exploitation stops attending education', description: 'Rapid review learning: earlier, coordinated responses where neglect and exploitation overlap.', source: 'rapid-review', priority: 'contextual-safeguarding', owner: 'police', dueIn: -12, status: 'in_progress', note: 'Draft protocol shared with education and children\'s services for comment.' },
  { reference: 'LCSPR-2025-01/R3', title: 'Refresh multi-agency training on the neglect screening tool', description: 'Deliver refresher sessions for universal services and report take-up to the Learning and Improvement group.', source: 'lcspr', priority: 'neglect', owner: 'me', dueIn: 25, status: 'open' },
  { reference: 'MAA-2024-11/R1', title: 'Use the neglect assessment tool in every plan where neglect is the main concern', description: 'Neglect audit finding: the tool was evidenced in one case in three.', source: 'multi-agency-audit', priority: 'neglect', owner: 'council', dueIn: -2, status: 'completed_pending_evidence', evidence: 'Practice standard updated and briefed to all team managers; case file template now prompts for the tool.' },
  { reference: 'MAA-2024-11/R2', title: 'Escalate when core group meetings fall outside timescales', description: 'Neglect audit finding: late meetings were not escalated.', source: 'multi-agency-audit', priority: 'neglect', owner: 'me', dueIn: 3, status: 'blocked', note: 'Waiting for the performance report that shows meeting timeliness by team.' },
  { reference: 'MAA-2024-07/R1', title: 'Offer safeguarding supervision to every practitioner working on exploitation cases', description: 'Contextual safeguarding audit: supervision varied between services.', source: 'multi-agency-audit', priority: 'contextual-safeguarding', owner: 'icb', dueIn: -20, status: 'completed', evidence: 'Supervision policy revised; specialist nurse sessions scheduled monthly.', impact: 'Re-audit shows supervision recorded in all sampled exploitation cases.' },
  { reference: 'S11-2025-001', title: 'Follow up schools whose Section 175 return had no written safeguarding action plan', description: 'Contact the settings concerned and offer support to complete a plan aligned with partnership priorities.', source: 'section-11-175-audit', priority: 'education-protective', owner: 'education', dueIn: 15, status: 'in_progress', extensionTo: 35, extensionReason: 'Several settings are closed for the holidays; asking for four more weeks.' },
  { reference: 'MTG-2025-014', title: 'Adopt the signs and indicators tool for child sexual abuse across agencies', description: 'Board decision following the NSPCC snapshot: one shared tool, with training for designated leads.', source: 'meeting', priority: 'child-sexual-abuse', owner: 'me', dueIn: 40, status: 'in_progress', note: 'Tool agreed by the task and finish group; training dates being set.' },
  { reference: 'LR-2025-001/R2', title: 'Publish guidance on clear, non-judgemental language in case records', description: 'Learning review finding on language in assessments.', source: 'learning-review', owner: 'council', dueIn: 10, status: 'cancelled', note: 'Cancelled: covered by the new recording standards issued by the council.' },
];

export async function seedDemo(services: Services, demo: { memberId: string }): Promise<void> {
  const tracker = new Tracker(services);
  if (await tracker.repo.byReference(ITEMS[0].reference)) return;
  const me = await services.members.get(demo.memberId);
  const now = services.clock.now();
  const at = now.toISOString();
  const today = londonDate(now);
  const by = { by: 'demo-business-unit', byName: 'Business unit (demo)' };
  const owners = others(services);
  const priorities = new Set(services.content.partnership.priorities.map((p) => p.id));
  const actions: Action[] = ITEMS.map((item) => {
    const owner = item.owner === 'me' ? { id: demo.memberId, name: me?.name || 'You', agency: me?.agency } : owners[item.owner];
    const due = addWorkingDays(today, item.dueIn);
    const closed = item.status === 'completed' || item.status === 'cancelled';
    const history: Action['history'] = [{ at, ...by, what: 'created', detail: { source: item.source, due } }];
    if (item.status !== 'open') history.push({ at, by: owner.id, byName: owner.name, what: item.status === 'cancelled' ? 'cancelled' : 'update', detail: { to: item.status } });
    return {
      type: 'action',
      id: newId(),
      pk: services.partnershipId,
      reference: item.reference,
      title: item.title,
      description: item.description,
      source: item.source,
      priority: item.priority && priorities.has(item.priority) ? item.priority : undefined,
      ownerId: owner.id,
      ownerName: owner.name,
      ownerAgency: owner.agency,
      group: tracker.labels.defaultGroup(item.source),
      dueDate: due,
      dueSetOn: addWorkingDays(today, -30),
      status: item.status,
      notes: item.note ? [{ at, by: owner.id, byName: owner.name, text: item.note }] : [],
      evidence: item.evidence ? { text: item.evidence, at, by: owner.id } : undefined,
      impact: item.impact ? { text: item.impact, at, by: owner.id } : undefined,
      extensions: item.extensionTo
        ? [{ id: newId(), requestedAt: at, by: owner.id, byName: owner.name, fromDue: due, toDue: addWorkingDays(today, item.extensionTo), reason: item.extensionReason ?? '' }]
        : [],
      history,
      createdAt: at,
      createdBy: by.by,
      updatedAt: at,
      closedOn: closed ? today : undefined,
    };
  });
  await tracker.repo.seedMany(actions);
}
