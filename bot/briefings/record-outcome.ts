import type { BriefingsRepository } from '../../storage/briefings/repository';
import type { Delivery, DeliveryStatus } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import { StaleError } from '../../storage/errors';
import { reasonOf, type SendResult } from '../core/outbound/send-result';

export function statusFor(result: SendResult): DeliveryStatus {
  if (result.ok) return 'sent';
  return result.kind === 'unreachable' ? 'unreachable' : 'failed';
}

/**
 * Step 4: writes what happened to one message. Guarded by the claim's ETag: if another worker took
 * the document over (our lease lapsed), its record wins and ours is dropped.
 */
export async function recordSend(repo: BriefingsRepository, claimed: Stored<Delivery>, result: SendResult, at: string, shown: number, extra: Partial<Delivery> = {}): Promise<DeliveryStatus | undefined> {
  const status = statusFor(result);
  try {
    await repo.deliveries.replace({
      ...claimed,
      ...extra,
      status,
      claimUntil: 0,
      activityId: result.ok ? result.activityId : claimed.activityId,
      reason: reasonOf(result),
      shown: result.ok ? shown : claimed.shown,
      sentAt: result.ok ? at : claimed.sentAt,
      updatedAt: at,
    });
    return status;
  } catch (e) {
    if (e instanceof StaleError) return undefined;
    throw e;
  }
}

/**
 * Step 4 for an edit or retraction. A card that cannot be updated (deleted chat, 403/404, retries
 * exhausted) is marked as caught up with a reason, so the sweep does not retry it for ever.
 */
export async function recordUpdate(repo: BriefingsRepository, claimed: Stored<Delivery>, result: SendResult, at: string, version: number): Promise<'updated' | 'skipped' | undefined> {
  try {
    await repo.deliveries.replace({ ...claimed, claimUntil: 0, shown: version, reason: result.ok ? undefined : `update ${reasonOf(result)}`.slice(0, 200), updatedAt: at });
    return result.ok ? 'updated' : 'skipped';
  } catch (e) {
    if (e instanceof StaleError) return undefined;
    throw e;
  }
}
