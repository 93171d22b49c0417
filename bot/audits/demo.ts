import type { Services } from '../core/contract';
import { deterministicId } from '../../storage/ids';
import { addWorkingDays, londonDate } from '../shared/time/working-days';

/** One open neglect case-audit round with the demo user as an auditor, for the local Playground chat. */
export async function seedDemo(services: Services, demo: { memberId: string }): Promise<void> {
  const repo = services.repos.audits;
  const at = services.clock.now().toISOString();
  await repo.rounds.createIfAbsent({
    type: 'round',
    id: deterministicId('demo-audit', services.partnershipId),
    pk: services.partnershipId,
    code: 'MACA-DEMO',
    templateId: 'multi-agency-case-audit',
    theme: 'Neglect: use of the screening tool',
    dueDate: addWorkingDays(londonDate(services.clock.now()), 8),
    agencies: ['council-childrens', 'police', 'icb', 'education'],
    auditorIds: [demo.memberId],
    status: 'open',
    createdBy: demo.memberId,
    createdAt: at,
    updatedAt: at,
  });
}
