import type { ContentPack } from '../../content/load';
import type { MeetingSeries } from '../../content/schema/partnership';

/** Everyday names people type for the groups, besides their ids and full names. */
const ALIASES: Record<string, string[]> = {
  'partnership-board': ['board', 'the board', 'partnership board'],
  'lsp-strategic-alliance': ['lsp', 'lsps', 'strategic alliance', 'alliance'],
  maqag: ['qa group', 'quality assurance group', 'maqa'],
  'learning-improvement': ['lig', 'learning and improvement', 'learning group'],
  'cspr-group': ['cspr', 'cspr group', 'review group'],
  'education-board': ['education board'],
};

export function findSeries(content: ContentPack, text: string): MeetingSeries | undefined {
  const t = text.trim().toLowerCase().replace(/^the /, '');
  return content.partnership.meetingSeries.find((s) => s.id === t || s.name.toLowerCase() === t || (ALIASES[s.id] ?? []).includes(t));
}

export function seriesById(content: ContentPack, id: string): MeetingSeries | undefined {
  return content.partnership.meetingSeries.find((s) => s.id === id);
}

export function agencyName(content: ContentPack, id: string | undefined): string {
  if (!id) return 'agency not set';
  const a = content.partnership.agencies.find((x) => x.id === id);
  return a?.shortName ?? a?.name ?? id;
}

export function agencyPartner(content: ContentPack, id: string): string | undefined {
  return content.partnership.agencies.find((a) => a.id === id)?.statutoryPartner;
}

export function groupList(content: ContentPack): string {
  return content.partnership.meetingSeries.map((s) => s.id).join(', ');
}
