import type { ContentPack } from '../../content/load';
import type { MeetingSeries } from '../../content/schema/partnership';

/** A group by what people type: its id, its name, or one of the everyday names the pack lists for it. */
export function findSeries(content: ContentPack, text: string): MeetingSeries | undefined {
  const t = text.trim().toLowerCase().replace(/^the /, '');
  return content.partnership.meetingSeries.find((s) => s.id === t || s.name.toLowerCase().replace(/^the /, '') === t || s.aliases.includes(t));
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

/** The groups by name, each with the shortest word that finds it: "Partnership board (board)". */
export function groupList(content: ContentPack): string {
  return content.partnership.meetingSeries
    .map((s) => {
      const typed = [s.id, ...s.aliases].sort((a, b) => a.length - b.length)[0];
      return `${s.name} (${typed})`;
    })
    .join('; ');
}
