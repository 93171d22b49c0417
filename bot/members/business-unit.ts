import type { OutMessage, Services } from '../core/contract';

/** Where one copy of a message to the business unit went, so it can be updated in place later. */
export interface BusinessUnitPost {
  conversationDocId?: string;
  memberId?: string;
  activityId?: string;
}

/**
 * Tells the business unit something (an extension request, a ticket, a missing paper): in the
 * conversation they chose with "use this channel for the business unit", else (or if that fails)
 * each of them 1:1. The one place that decides where the business unit hears things.
 */
export async function tellBusinessUnit(services: Services, msg: OutMessage): Promise<{ ok: boolean; posts: BusinessUnitPost[] }> {
  const settings = await services.settings.get();
  const conv = settings?.businessUnitConversation ? await services.members.getConversation(settings.businessUnitConversation) : undefined;
  if (conv?.installed) {
    const r = await services.messenger.send(conv.ref, msg);
    if (r.ok) return { ok: true, posts: [{ conversationDocId: conv.id, activityId: r.activityId }] };
  }
  const posts: BusinessUnitPost[] = [];
  for (const m of await services.members.withRole('businessUnit')) {
    const r = await services.messenger.sendToMember(m, msg);
    if (r.ok) posts.push({ memberId: m.id, activityId: r.activityId });
  }
  return { ok: posts.length > 0, posts };
}
