import type { Mention, Services } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';

/**
 * Finds exactly one known member from what someone typed: a single @mention, a member id, or a
 * name (an exact name wins over a partial one). Otherwise a sentence saying what went wrong, fit to
 * show as it is. The one place commands turn "who" into a member.
 */
export async function resolvePerson(services: Services, who: string, mentions: readonly Mention[] = []): Promise<Stored<Member> | string> {
  const members = services.members;
  if (mentions.length === 1) {
    return (await members.get(mentions[0].id)) ?? `I have not met ${mentions[0].name} yet: ask them to say hello to me first.`;
  }
  const cleaned = who.replace(/^@/, '').trim();
  if (!cleaned) return 'Please say who: @mention them or type their name.';
  const direct = await members.get(cleaned);
  if (direct) return direct;
  const found = await members.findByName(cleaned);
  const exact = found.filter((m) => m.name.toLowerCase() === cleaned.toLowerCase());
  if (exact.length === 1) return exact[0];
  if (found.length === 1) return found[0];
  if (found.length === 0) return `I could not find anyone called "${cleaned}". They need to be in a team the bot is in, or to have said hello to me first.`;
  return `More than one person matches "${cleaned}": ${found.slice(0, 5).map((m) => m.name).join(', ')}. Please @mention them instead.`;
}

/** Several people from a comma- or line-separated list, with one problem sentence per name that failed. */
export async function resolvePeople(services: Services, names: string): Promise<{ members: Stored<Member>[]; problems: string[] }> {
  const members = new Map<string, Stored<Member>>();
  const problems: string[] = [];
  for (const name of names.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean)) {
    const found = await resolvePerson(services, name);
    if (typeof found === 'string') problems.push(found);
    else members.set(found.id, found);
  }
  return { members: [...members.values()], problems };
}
