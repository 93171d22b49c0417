import type { Services } from '../core/contract';
import type { AdaptiveCard } from '../../cards/expand';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import type { Delivery, DeliveryStatus } from '../../storage/briefings/schema';
import type { Stored } from '../../storage/repository';
import type { ConversationRef } from '../../storage/members/schema';
import type { WorkerLife } from './worker-life';
import { recordSend, recordUpdate } from './record-outcome';

export interface DeliveryContext {
  services: Services;
  repo: BriefingsRepository;
  life: WorkerLife;
  at: () => string;
}

/** Step 3: one message, opening a 1:1 chat first when the member has none yet. */
export async function sendOne(c: DeliveryContext, d: Stored<Delivery>, card: AdaptiveCard, version: number, summary: string): Promise<DeliveryStatus | undefined> {
  c.life.alive();
  const { messenger, members } = c.services;
  let ref: ConversationRef = d.ref;
  const extra: Partial<Delivery> = {};
  if (d.needsOpen && d.userId) {
    const opened = await messenger.openPersonal(d.ref, { userId: d.userId, aadObjectId: d.memberId }, d.ref.conversation.tenantId, { beforeRequest: c.life.alive });
    c.life.alive();
    if (!opened.ok) return recordSend(c.repo, d, opened, c.at(), version);
    ref = opened.ref;
    Object.assign(extra, { ref, needsOpen: false });
    if (d.memberId) await messenger.rememberPersonal(d.memberId, ref);
  }
  const wire = c.life.track();
  try {
    const result = await messenger.send(ref, { card, summary }, wire.options);
    c.life.alive();
    const status = await recordSend(c.repo, d, result, c.at(), version, extra);
    if (status === 'unreachable' && d.memberId) await members.markUnreachable(d.memberId).catch(() => undefined);
    return status;
  } finally {
    wire.settled();
  }
}

/** Step 3 for an edit or withdrawal: replaces a delivered card in place. */
export async function updateOne(c: DeliveryContext, d: Stored<Delivery>, card: AdaptiveCard, version: number): Promise<'updated' | 'skipped' | undefined> {
  c.life.alive();
  if (!d.activityId) return recordUpdate(c.repo, d, { ok: false, status: 0, kind: 'failed', code: 'NoActivityId' }, c.at(), version);
  const wire = c.life.track();
  try {
    const result = await c.services.messenger.update(d.ref, d.activityId, { card }, wire.options);
    c.life.alive();
    return await recordUpdate(c.repo, d, result, c.at(), version);
  } finally {
    wire.settled();
  }
}
