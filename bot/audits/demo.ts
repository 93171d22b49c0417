import type { Services } from '../core/contract';
import { deterministicId } from '../../storage/ids';
import { addWorkingDays, londonDate } from '../shared/time/working-days';
import { agencyOfKind } from '../../content/describe';

/** One open neglect case-audit round with the demo user as an auditor, for the local Playground chat. */
export async function seedDemo(services: Services, demo: { memberId: string }): Promise<void> {
  const repo = services.repos.audits;
  const at = services.clock.now().toISOString();
  const template = services.content.audits.templates.find((t) => t.actionSource === 'multi-agency-audit') ?? services.content.audits.templates[0];
  const agencies = (['local-authority', 'police', 'health', 'education'] as const).map((k) => agencyOfKind(services.content, k)).filter((a): a is string => !!a);
  await repo.rounds.createIfAbsent({
    type: 'round',
    id: deterministicId('demo-audit', services.partnershipId),
    pk: services.partnershipId,
    code: `${template.codePrefix}-DEMO`,
    templateId: template.id,
    theme: 'Neglect: use of the screening tool',
    dueDate: addWorkingDays(londonDate(services.clock.now()), 8),
    agencies,
    auditorIds: [demo.memberId],
    status: 'open',
    createdBy: demo.memberId,
    createdAt: at,
    updatedAt: at,
  });
}
