import type { ContentPack } from '../../content/load';
import type { ActionSource } from '../../storage/actions/schema';

/** Choice value for "none" or "the default": Adaptive Card choices may not have an empty value. */
export const NONE = 'none';

/** Names for ids from the content pack, so cards never show a raw id. */
export function labelsFor(content: ContentPack) {
  const p = content.partnership;
  const source = (id: ActionSource) => content.actions.sources.find((s) => s.id === id);
  return {
    source: (id: ActionSource) => source(id)?.name ?? id,
    sourcePrefix: (id: ActionSource) => source(id)?.prefix ?? 'ACT',
    defaultGroup: (id: ActionSource) => source(id)?.defaultGroup,
    priority: (id?: string) => (id ? (p.priorities.find((x) => x.id === id)?.name ?? id) : 'None'),
    agency: (id?: string) => (id ? (p.agencies.find((a) => a.id === id)?.shortName ?? p.agencies.find((a) => a.id === id)?.name ?? id) : 'Not set'),
    group: (id?: string) => (id ? (p.meetingSeries.find((m) => m.id === id)?.name ?? id) : 'None'),
    sources: content.actions.sources.map((s) => ({ title: s.name, value: s.id })),
    priorities: [{ title: 'None', value: NONE }, ...p.priorities.map((x) => ({ title: x.name, value: x.id }))],
    agencies: p.agencies.map((a) => ({ title: a.name, value: a.id })),
    groups: [{ title: 'None', value: NONE }, ...p.meetingSeries.map((m) => ({ title: m.name, value: m.id }))],
    isPriority: (id: string) => p.priorities.some((x) => x.id === id),
    isAgency: (id: string) => p.agencies.some((a) => a.id === id),
    isGroup: (id: string) => p.meetingSeries.some((m) => m.id === id),
  };
}
export type Labels = ReturnType<typeof labelsFor>;
