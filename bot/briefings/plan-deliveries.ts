import type { Services } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import { resolveAudience, deliveriesFor } from './audience';
import { PLAN_BULK_SIZE } from './consts';

/**
 * Step 1 of a broadcast: one delivery document per recipient, created with deterministic ids. Safe to
 * run again after a crash: documents that exist answer 409 and are left alone, so nobody is queued twice.
 */
export async function planDeliveries(services: Services, repo: BriefingsRepository, briefing: Briefing, alive: () => void = () => undefined): Promise<{ total: number; created: number }> {
  const recipients = await resolveAudience(services, briefing.audience);
  const at = services.clock.now().toISOString();
  const ttl = services.config.embeddedStorage ? undefined : services.config.RETENTION_DAYS_DELIVERIES * 86_400;
  const docs = deliveriesFor(repo, briefing.id, recipients, at, ttl);
  let created = 0;
  for (let i = 0; i < docs.length; i += PLAN_BULK_SIZE) {
    alive();
    created += await repo.createDeliveries(docs.slice(i, i + PLAN_BULK_SIZE));
  }
  return { total: docs.length, created };
}
