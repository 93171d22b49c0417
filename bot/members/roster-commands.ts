import type { CommandDef, Services, SweepDef, Turn } from '../core/contract';
import { MAX_COMMAND_TEXT } from '../core/command-registry';
import { ROLE_LABELS, effectiveRoles } from '../core/roles';
import { installedTeams, syncAllTeams, type TeamSync } from './roster-sync';
import { applyDirectory, parseDirectory, DIRECTORY_COLUMNS } from './directory';
import { DIRECTORY_MAX_CHARS, EXPORT_PART_CHARS, LIST_NAMES, ROSTER_SYNC_EVERY_SECONDS } from './consts';
import { plural, pluralWord } from '../shared/format';

function syncLine(s: TeamSync): string {
  const team = s.teamName ?? 'A team';
  if (s.error === 'busy') return `- ${team}: already being read by another instance; try again in a few minutes.`;
  if (s.error === 'not-installed') return `- ${team}: the bot is no longer installed there.`;
  if (s.error) return `- ${team}: Teams did not answer; nobody's membership was changed. Try again later.`;
  return `- ${team}: ${plural(s.found, 'member')} (${s.added} new, ${s.left} left).`;
}

/** CSV quoting for export. */
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Splits a long export into parts that each fit one Teams message. */
export function exportParts(header: string, lines: string[], maxChars = EXPORT_PART_CHARS): string[] {
  const parts: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > maxChars && parts[parts.length - 1].length) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1].push(line);
    size += line.length + 1;
  }
  return parts.map((p) => [header, ...p].join('\n'));
}

/** Roster sync, the member directory and its export: the business unit's view of who is in the partnership. */
export function createRosterCommands(services: Services): CommandDef[] {
  const agencies = services.content.partnership.agencies;
  const agencyName = (id?: string) => agencies.find((a) => a.id === id)?.shortName ?? agencies.find((a) => a.id === id)?.name ?? '';
  const withoutAgency = async () => (await services.members.active()).filter((m) => !m.agency && m.teams.length > 0).sort((a, b) => a.name.localeCompare(b.name));

  return [
    {
      feature: 'members',
      name: 'sync members',
      usage: 'sync members',
      description: 'Read the member lists of the teams the bot is in, now (it also happens daily).',
      roles: ['businessUnit'],
      patterns: [/^(sync|refresh) (members|rosters?|teams?)$/i],
      run: async (turn) => {
        // Said at once when there is nothing to read, rather than promising a report.
        const teams = await installedTeams(services);
        if (teams.length === 0) return void (await turn.reply("The bot is not installed in any team yet. Add it to the partnership's teams first."));
        await turn.reply('Reading the team rosters. Large teams take a minute; I will tell you here when it is done.');
        // Teams wants an answer within seconds; the report follows in this chat when the rosters are read.
        const where = turn.conversation.ref;
        services.background.run('members:sync', async () => {
          const results = await syncAllTeams(services, teams);
          const missing = await withoutAgency();
          const report = `**Team rosters read**\n\n${results.map(syncLine).join('\n')}\n\n${missing.length ? `${plural(missing.length, 'member')} found in a team ${pluralWord(missing.length, 'has', 'have')} no agency yet: type **members without agency** to see who, or load the member directory (**load members**).` : 'Everyone found has an agency.'}`;
          await services.messenger.send(where, report);
        });
      },
    },
    {
      feature: 'members',
      name: 'load members',
      usage: 'load members [CSV]',
      description: `Load the member directory from CSV pasted after the command (columns: ${DIRECTORY_COLUMNS}); all or nothing.`,
      roles: ['businessUnit'],
      maxLength: MAX_COMMAND_TEXT,
      patterns: [/^load (members|member directory|directory)(?: .*)?$/i],
      run: async (turn: Turn) => {
        const csv = turn.text.replace(/^\s*load\s+(members|member directory|directory)\s*/i, '');
        if (!csv.trim()) return void (await turn.reply(`Paste the directory after the command, one person a row, with a header row: **${DIRECTORY_COLUMNS}**. Roles are optional; separate several with a semicolon. For example:\n\n\`\`\`\nemail, agency, roles\njo.example@police.example.uk, police, dsp\n\`\`\``));
        if (csv.length > DIRECTORY_MAX_CHARS) return void (await turn.reply(`That is longer than one load can take (${DIRECTORY_MAX_CHARS.toLocaleString('en-GB')} characters). Nothing was loaded: split the file and load each part.`));
        const parsed = parseDirectory(csv, agencies);
        if (!parsed.ok) {
          const shown = parsed.errors.slice(0, 15).map((e) => (e.row ? `- Row ${e.row}: ${e.message}` : `- ${e.message}`));
          return void (await turn.reply(`**Nothing was loaded.** Fix ${parsed.errors.length === 1 ? 'this' : `these ${parsed.errors.length} problems`} and load the whole file again:\n\n${shown.join('\n')}${parsed.errors.length > 15 ? `\n- and ${parsed.errors.length - 15} more` : ''}`));
        }
        const r = await applyDirectory(services, parsed.rows, { id: turn.member.id });
        await turn.reply(`Loaded ${plural(r.stored, 'person', 'people')} into the member directory; ${r.matched} of them ${r.matched === 1 ? 'is' : 'are'} already known from a team or a chat and now ${r.matched === 1 ? 'has' : 'have'} their agency and roles. The others get theirs when they are found in a team.`);
      },
    },
    {
      feature: 'members',
      name: 'members csv',
      usage: 'members csv',
      description: 'Everyone the bot knows, with agency, roles, teams and status, as CSV.',
      roles: ['businessUnit'],
      patterns: [/^(members|member directory|directory) csv$/i],
      run: async (turn) => {
        const everyone = (await services.members.all()).sort((a, b) => a.name.localeCompare(b.name));
        const lines = everyone.map((m) => [m.name, m.email ?? m.upn ?? '', agencyName(m.agency), effectiveRoles(m.roles).map((r) => ROLE_LABELS[r]).join('; '), String(m.teams.length), m.leftAt ? 'left' : 'active', m.inDirectory ? 'yes' : 'no'].map(cell).join(','));
        const parts = exportParts('name,email,agency,roles,teams,status,in directory', lines);
        for (const [i, part] of parts.entries()) {
          await turn.reply(`**Members** (CSV${parts.length > 1 ? `, part ${i + 1} of ${parts.length}` : ''}). Copy the block into a file named \`members.csv\`${i > 0 ? ' (without this part\'s header row)' : ''}.\n\n\`\`\`csv\n${part}\n\`\`\``);
        }
      },
    },
    {
      feature: 'members',
      name: 'members without agency',
      usage: 'members without agency',
      description: 'People found in the partnership\'s teams whose agency is not set.',
      roles: ['businessUnit'],
      patterns: [/^(members|people) (without|with no|missing an?) agency$/i],
      run: async (turn) => {
        const missing = await withoutAgency();
        if (!missing.length) return void (await turn.reply('Everyone found in the partnership\'s teams has an agency.'));
        const names = missing.slice(0, LIST_NAMES).map((m) => `- ${m.name}${m.email ? ` (${m.email})` : ''}`);
        await turn.reply(`**${plural(missing.length, 'member')} without an agency**\n\n${names.join('\n')}${missing.length > LIST_NAMES ? `\n- and ${missing.length - LIST_NAMES} more (see **members csv**)` : ''}\n\nSet one with **set agency** or load the member directory with **load members**.`);
      },
    },
  ];
}

/** The daily roster read of every team the bot is in. */
export function createRosterSweep(): SweepDef {
  return {
    feature: 'members',
    name: 'roster-sync',
    everySeconds: ROSTER_SYNC_EVERY_SECONDS,
    run: async (services) => {
      const results = await syncAllTeams(services);
      return { teams: results.length, found: results.reduce((n, r) => n + r.found, 0), left: results.reduce((n, r) => n + r.left, 0), failed: results.filter((r) => r.error).length };
    },
  };
}
