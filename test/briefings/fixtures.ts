import type { OperationInput } from '@azure/cosmos';
import type { TestBot } from '../support/harness';
import { TENANT, users, personalConversationId } from '../support/harness';
import type { Member } from '../../storage/members/schema';
import type { BriefingsFeature } from '../../bot/briefings';

/** Synthetic staff (no real people, never children), spread across the partnership's agencies. */
export const AGENCIES = ['police', 'icb', 'education', 'council-childrens', 'mid-cheshire-trust'];

export function recipientConversation(i: number) {
  return `a:bulk-${i}`;
}

export async function seedRecipients(bot: TestBot, n: number, opts: { from?: number; serviceUrl?: string } = {}): Promise<void> {
  const services = bot.app.services;
  const at = new Date().toISOString();
  const docs: Member[] = [];
  for (let k = 0; k < n; k++) {
    const i = (opts.from ?? 0) + k;
    docs.push({
      type: 'member',
      id: `aad-staff-${i}`,
      pk: services.partnershipId,
      userId: `29:staff-${i}`,
      name: `Staff member ${i}`,
      tenantId: TENANT,
      agency: AGENCIES[i % AGENCIES.length],
      roles: i % 10 === 0 ? ['dsp'] : [],
      personal: {
        serviceUrl: opts.serviceUrl ?? bot.connector.url,
        channelId: 'msteams',
        conversation: { id: recipientConversation(i), tenantId: TENANT, conversationType: 'personal' },
        bot: { id: '28:partnership-bot', name: 'Partnership bot' },
        user: { id: `29:staff-${i}`, name: `Staff member ${i}`, aadObjectId: `aad-staff-${i}` },
      },
      reachable: true,
      teams: [],
      prefs: {},
      createdAt: at,
      updatedAt: at,
    });
  }
  const container = services.store.containers.members;
  for (let i = 0; i < docs.length; i += 100) {
    const r = await container.items.bulk(docs.slice(i, i + 100).map((d) => ({ operationType: 'Create', resourceBody: d })) as unknown as OperationInput[]);
    if (r.some((x) => x.statusCode !== 201 && x.statusCode !== 409)) throw new Error('seeding members failed');
  }
}

/** Successful POSTs of new activities, by conversation. */
export function postsByConversation(bot: TestBot, prefix = 'a:bulk-'): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of bot.connector.received) {
    if (r.method !== 'POST' || r.status !== 200 || !r.conversationId?.startsWith(prefix) || !r.path.endsWith('/activities')) continue;
    m.set(r.conversationId, (m.get(r.conversationId) ?? 0) + 1);
  }
  return m;
}

export function putsByConversation(bot: TestBot, prefix = 'a:bulk-', since = 0): Map<string, any[]> {
  const m = new Map<string, any[]>();
  for (const r of bot.connector.received) {
    if (r.method !== 'PUT' || r.status !== 200 || r.at < since || !r.conversationId?.startsWith(prefix)) continue;
    m.set(r.conversationId, [...(m.get(r.conversationId) ?? []), r.body]);
  }
  return m;
}

/** The fields of the authoring form, as the card would submit them. */
export function formFields(over: Record<string, unknown> = {}) {
  return {
    title: 'Seeing neglect sooner',
    source: 'Rapid review (test summary)',
    background: 'Agencies each saw part of a picture of slowly building concerns about a family.',
    whyItMatters: 'Neglect is a partnership priority and is easy to miss when information stays in one agency.',
    key1: 'Use the neglect screening tool early and repeat it.',
    key2: 'Describe what you see in plain words.',
    key3: '',
    remember: 'Small repeated signs matter.',
    actions: 'Check your team knows where the tool is.',
    reflection: 'What are your key thoughts?\nHow will we embed this?',
    links: 'Partnership website | https://www.cescp.org.uk/homepage.aspx',
    priorities: 'neglect',
    audienceKind: 'everyone',
    conversations: '',
    roles: '',
    agencies: '',
    sendDate: '',
    sendTime: '',
    ...over,
  };
}

/** Writes a draft through the real endpoint: `new briefing`, then the form's Save button. */
export async function authorDraft(bot: TestBot, over: Record<string, unknown> = {}, cardsIn: (conversationId: string) => unknown[] | Promise<unknown[]> = (c) => bot.connector.cards(c)): Promise<string> {
  await bot.grant(users.bu, ['businessUnit'], 'council-childrens');
  await bot.say(users.bu, 'new briefing');
  const cards = await cardsIn(personalConversationId(users.bu));
  const form = cards[cards.length - 1];
  const save = JSON.stringify(form).match(/"briefingId":"([^"]+)"/);
  if (!save) throw new Error('no form card');
  const briefingId = save[1];
  const res = await bot.invoke(users.bu, 'briefings.save', { briefingId, ...formFields(over) });
  if (res.statusCode !== 200) throw new Error(`save failed ${JSON.stringify(res)}`);
  return briefingId;
}

export function engineOf(bot: TestBot) {
  return (bot.app.features.find((f) => f.name === 'briefings') as BriefingsFeature).engine;
}
