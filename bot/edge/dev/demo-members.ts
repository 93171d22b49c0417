import type { Role, Services } from '../../core/contract';
import type { ContentPack } from '../../../content/load';

/**
 * The people of the local demo (`npm run dev`): synthetic names for made-up staff, never real
 * people and never children. The Playground always chats as its own mock user; "dev as [role]"
 * gives that user one of these people's roles and agency, so each view can be tried.
 */
export interface DemoPersona {
  /** What to type after "dev as". */
  key: string;
  aliases: readonly string[];
  id: string;
  name: string;
  roles: readonly Role[];
  /**
   * Which of the pack's agencies they work for, by kind rather than by id, so the demo people belong
   * to a real agency under every partnership's pack.
   */
  agency: AgencyRule;
  /** In the partnership board, so agendas, quorum and RSVPs have people in them. */
  board: boolean;
}

export interface AgencyRule {
  /** The agency's kind in the pack (`local-authority`, `police`, `health`, `education`). */
  kind: string;
  /** True: a statutory partner's own agency; false: one that is not (a provider, a school). */
  statutory: boolean;
}

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  { key: 'business unit', aliases: ['bu', 'business-unit'], id: 'demo-business-unit', name: 'Morgan Hale (business unit, demo)', roles: ['businessUnit', 'chair'], agency: { kind: 'local-authority', statutory: true }, board: true },
  { key: 'chair', aliases: ['board chair'], id: 'demo-chair', name: 'Riya Kapoor (board chair, demo)', roles: ['chair', 'lsp'], agency: { kind: 'health', statutory: true }, board: true },
  { key: 'police dsp', aliases: ['dsp', 'police'], id: 'demo-dsp-police', name: 'Sam Carter (police DSP, demo)', roles: ['dsp'], agency: { kind: 'police', statutory: true }, board: true },
  { key: 'health practitioner', aliases: ['practitioner', 'health'], id: 'demo-practitioner-health', name: 'Ellie Brooks (health visitor, demo)', roles: [], agency: { kind: 'health', statutory: false }, board: false },
  { key: 'school practitioner', aliases: ['school', 'teacher'], id: 'demo-practitioner-school', name: 'Tom Price (school safeguarding lead, demo)', roles: [], agency: { kind: 'education', statutory: false }, board: false },
];

export function findPersona(text: string): DemoPersona | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return DEMO_PERSONAS.find((p) => p.key === t || p.aliases.includes(t));
}

/** The persona's agency in this pack: the first of the kind asked for (undefined if the pack has none). */
export function personaAgency(content: ContentPack, p: DemoPersona): string | undefined {
  return content.partnership.agencies.find((a) => a.kind === p.agency.kind && Boolean(a.statutoryPartner) === p.agency.statutory)?.id;
}

/** Stores the demo people (once) and puts the partners in the partnership board. */
export async function seedDemoMembers(services: Services): Promise<void> {
  const at = services.clock.now().toISOString();
  for (const p of DEMO_PERSONAS) {
    await services.members.members.createIfAbsent({
      type: 'member',
      id: p.id,
      pk: services.partnershipId,
      userId: `29:${p.id}`,
      name: p.name,
      roles: [...p.roles],
      teams: [],
      agency: personaAgency(services.content, p),
      // No Teams chat: messages to them are counted as not delivered, as for anyone who never opened the bot.
      reachable: false,
      prefs: {},
      createdAt: at,
      updatedAt: at,
    });
  }
  const board = DEMO_PERSONAS.filter((p) => p.board).map((p) => p.id);
  await services.repos.meetings.changeGroup('partnership-board', (g) => ({ ...g, memberIds: [...new Set([...g.memberIds, ...board])] }));
}
