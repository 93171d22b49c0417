import type { Services } from '../core/contract';
import type { Conversation } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import { MEMBER_ID_PATTERN } from '../core/record-id';
import { ROSTER_LEASE_MS } from './consts';

export interface TeamSync {
  teamId: string;
  teamName?: string;
  /** Set when the sync could not finish; then nobody is marked as having left. */
  error?: 'not-installed' | 'busy' | 'connector';
  found: number;
  added: number;
  updated: number;
  left: number;
  pages: number;
}

/** The team's conversation the bot was installed in: where roster requests and new 1:1 chats start from. */
async function teamConversation(services: Services, teamId: string): Promise<Stored<Conversation> | undefined> {
  return (await services.members.installedConversations('channel')).find((c) => c.teamId === teamId);
}

/**
 * Reads a team's whole roster with the paged members API (one request per page of up to 500, each
 * through the rate limiter) and records everyone in it, a page at a time, so a 5,000-member team
 * needs memory for one page and a set of ids. Only after a complete read are members missing from
 * the roster taken out of the team; a failed page changes nobody's membership.
 */
export async function syncTeam(services: Services, teamId: string): Promise<TeamSync> {
  const out: TeamSync = { teamId, found: 0, added: 0, updated: 0, left: 0, pages: 0 };
  const team = await teamConversation(services, teamId);
  if (!team) return { ...out, error: 'not-installed' };
  out.teamName = team.teamName;
  const lease = `roster:${teamId}`;
  if (!(await services.leases.tryAcquire(lease, services.instanceId, ROSTER_LEASE_MS))) return { ...out, error: 'busy' };
  try {
    const directory = await services.members.directoryMap();
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await services.messenger.rosterPage(team.ref, teamId, token);
      if (!page.ok) {
        services.log.warn({ event: 'roster-page-failed', kind: page.kind, status: page.status }, 'team roster page could not be read');
        return { ...out, error: 'connector' };
      }
      out.pages++;
      const people = page.members
        .filter((m) => MEMBER_ID_PATTERN.test(m.aadObjectId) && m.userId.length <= 256)
        .map((m) => ({ id: m.aadObjectId, userId: m.userId, name: m.name, email: m.email, upn: m.userPrincipalName, tenantId: m.tenantId }));
      const r = await services.members.recordRoster(teamId, team.ref, people, directory);
      out.added += r.added;
      out.updated += r.updated;
      for (const p of people) seen.add(p.id);
      token = page.continuationToken;
    } while (token);
    out.found = seen.size;
    for (const id of await services.members.idsInTeam(teamId)) {
      if (seen.has(id)) continue;
      const { changed } = await services.members.leaveTeam(id, teamId);
      if (changed) out.left++;
    }
    await services.audit.record({ actorId: `worker:${services.instanceId}`, feature: 'members', action: 'roster-sync', entityType: 'team', entityId: teamId.slice(0, 200), detail: { found: out.found, added: out.added, left: out.left, pages: out.pages } });
    return out;
  } finally {
    await services.leases.release(lease, services.instanceId).catch(() => undefined);
  }
}

/** Every team the bot is installed in. */
/** The teams the bot is installed in (from the channel conversations it was added to). */
export async function installedTeams(services: Services): Promise<string[]> {
  return [...new Set((await services.members.installedConversations('channel')).map((c) => c.teamId).filter((t): t is string => Boolean(t)))];
}

/** Reads every installed team's roster (`teams` when the caller has just listed them). */
export async function syncAllTeams(services: Services, teams?: readonly string[]): Promise<TeamSync[]> {
  teams ??= await installedTeams(services);
  const results: TeamSync[] = [];
  for (const teamId of teams) results.push(await syncTeam(services, teamId));
  return results;
}

/** People Teams says left a team (the membersRemoved event): out of that team at once, no full sync needed. */
export async function membersLeftTeam(services: Services, teamId: string, memberIds: string[]): Promise<number> {
  let left = 0;
  for (const id of memberIds.filter((x) => MEMBER_ID_PATTERN.test(x))) {
    const { changed } = await services.members.leaveTeam(id, teamId).catch(() => ({ changed: false }));
    if (changed) left++;
  }
  return left;
}
