import type { Services, SweepDef } from './contract';
import type { ContainerName } from '../../storage/containers';
import { storageTimeout } from '../../storage/health';

/** Retention per container, from config; notifications follow delivery records. */
export function retentionDays(services: Services): Partial<Record<ContainerName, number>> {
  return {
    queries: services.config.RETENTION_DAYS_QUERIES,
    deliveries: services.config.RETENTION_DAYS_DELIVERIES,
    notifications: services.config.RETENTION_DAYS_DELIVERIES,
  };
}

/** Deleted per container per run, so one sweep never monopolises the store. */
export const RETENTION_BATCH = 500;

/**
 * Deletes records whose last change is older than the retention period. Real Cosmos does the same
 * with container TTL; the embedded server does not enforce TTL, so this sweep keeps both honest.
 * A record's age is its `updatedAt`, else `createdAt`, else Cosmos' own `_ts`.
 */
export async function sweepRetention(services: Services, now: Date): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, days] of Object.entries(retentionDays(services)) as [ContainerName, number][]) {
    const cutoff = new Date(now.getTime() - days * 86400_000);
    const container = services.store.containers[name];
    const { resources } = await container.items
      .query<{ id: string; pk: string }>(
        {
          query: `SELECT TOP ${RETENTION_BATCH} c.id, c.pk FROM c WHERE (IS_DEFINED(c.updatedAt) AND c.updatedAt < @iso) OR (NOT IS_DEFINED(c.updatedAt) AND IS_DEFINED(c.createdAt) AND c.createdAt < @iso) OR (NOT IS_DEFINED(c.updatedAt) AND NOT IS_DEFINED(c.createdAt) AND c._ts < @ts)`,
          parameters: [
            { name: '@iso', value: cutoff.toISOString() },
            { name: '@ts', value: Math.floor(cutoff.getTime() / 1000) },
          ],
        },
        storageTimeout(20_000),
      )
      .fetchAll();
    let deleted = 0;
    for (const r of resources) {
      try {
        await container.item(r.id, r.pk).delete(storageTimeout());
        deleted++;
      } catch (e) {
        if ((e as { code?: number }).code !== 404) throw e;
      }
    }
    out[name] = deleted;
  }
  if (Object.values(out).some((n) => n > 0)) services.log.info({ event: 'retention', ...out }, 'retention sweep deleted expired records');
  return out;
}

export function createRetentionSweep(): SweepDef {
  return { feature: 'system', name: 'retention', everySeconds: 6 * 3600, run: (services, now) => sweepRetention(services, now) };
}
