import type { CommandDef, Services, Turn } from '../core/contract';
import type { MeetingSeries } from '../../content/schema/partnership';
import type { Member } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import { expandCard } from '../../cards/expand';
import { formatDateTime, londonDate } from '../shared/time/working-days';
import { DateTime } from 'luxon';
import { agencyName, findSeries, groupList } from './groups';
import { meetingForm } from './forms';
import { attendanceCard, attendanceCsv, attendanceFigures, partnershipYear } from './attendance-view';
import { MAX_LIST, UPCOMING_LIST_DAYS } from './consts';
import { resolvePerson } from '../members/resolve-person';
import { plural, usage } from '../shared/format';

const unknownGroup = (services: Services, text: string) => `I do not know the group "${text}". Groups: ${groupList(services.content)}.`;

/** Upcoming meetings: all of them for the business unit, else the caller's groups. */
async function listCard(turn: Turn) {
  const services = turn.services;
  const store = services.repos.meetings;
  const now = services.clock.now();
  const manage = turn.member.roles.includes('businessUnit');
  const until = DateTime.fromJSDate(now).plus({ days: UPCOMING_LIST_DAYS }).toUTC().toISO()!;
  const groups = await store.allGroups();
  const mine = new Set(groups.filter((g) => g.memberIds.includes(turn.member.id)).map((g) => g.seriesId));
  const meetings = (await store.between(now.toISOString(), until)).filter((m) => m.status !== 'cancelled' && (manage || (m.status !== 'draft' && mine.has(m.seriesId)))).slice(0, MAX_LIST);
  const state = (id: string, m: (typeof meetings)[number]) => {
    if (m.status === 'draft') return 'Draft';
    const r = m.rsvps[id];
    return !mine.has(m.seriesId) ? 'Published' : r ? { attending: 'Attending', deputy: 'Deputy', apologies: 'Apologies' }[r.response] : 'No reply yet';
  };
  return expandCard('meetings', 'list', {
    heading: 'Upcoming meetings',
    empty: manage ? 'No meetings are scheduled. Use New meeting to add one.' : 'No meetings are scheduled for your groups.',
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, when: formatDateTime(m.startsAt), state: state(turn.member.id, m) })),
    buttons: [
      ...meetings.slice(0, 4).map((m) => ({ title: `Open: ${m.title.slice(0, 40)}`, verb: 'meetings.show', meetingId: m.id })),
      ...(manage ? [{ title: 'New meeting', verb: 'meetings.new.open', meetingId: '' }] : []),
    ],
  });
}

export function createMeetingCommands(services: Services): CommandDef[] {
  const store = services.repos.meetings;

  /** `add <person> to group <group>` and `remove ... from group ...`: one look-up, one audited change. */
  const groupMembership = (o: {
    name: string;
    usage: string;
    description: string;
    pattern: RegExp;
    action: 'add-member' | 'remove-member';
    change: (memberIds: string[], id: string) => string[];
    unchanged: (person: Stored<Member>, series: MeetingSeries) => string | undefined;
    done: (person: Stored<Member>, series: MeetingSeries, count: number) => string;
  }): CommandDef => ({
    feature: 'meetings',
    name: o.name,
    usage: o.usage,
    description: o.description,
    roles: ['businessUnit'],
    patterns: [o.pattern],
    run: async (turn, args) => {
      const series = findSeries(services.content, args.group);
      if (!series) return void (await turn.reply(unknownGroup(services, args.group)));
      const person = await resolvePerson(services, args.who, turn.mentions);
      if (typeof person === 'string') return void (await turn.reply(person));
      const before = await store.getGroup(series.id);
      const current = before?.memberIds ?? [];
      const nothingToDo = o.change(current, person.id).length === current.length ? o.unchanged(person, series) : undefined;
      if (nothingToDo) return void (await turn.reply(nothingToDo));
      const g = await store.changeGroup(series.id, (x) => ({ ...x, memberIds: o.change(x.memberIds, person.id) }));
      await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: o.action, entityType: 'meeting-group', entityId: g.id, beforeEtag: before?._etag, afterEtag: g._etag, detail: { memberId: person.id } });
      await turn.reply(o.done(person, series, g.memberIds.length));
    },
  });

  return [
    {
      feature: 'meetings',
      name: 'meetings',
      usage: 'meetings',
      description: 'Upcoming governance meetings, with their agendas and your replies.',
      patterns: [/^(meetings|my meetings|upcoming meetings|agendas?)$/i],
      run: async (turn) => void (await turn.reply({ card: await listCard(turn) })),
    },
    {
      feature: 'meetings',
      name: 'new meeting',
      usage: usage('new meeting for {group}'),
      description: "Set up a meeting: date, place, chair (from the group's chair rule) and agenda. The group is optional.",
      roles: ['businessUnit'],
      patterns: [/^(?:new|add|create) meeting(?: (?:for|of) (?<group>.+))?$/i],
      run: async (turn, args) => {
        const series = args.group ? findSeries(services.content, args.group) : undefined;
        if (args.group && !series) return void (await turn.reply(unknownGroup(services, args.group)));
        await turn.reply({ card: meetingForm(services, { seriesId: series?.id }) });
      },
    },
    groupMembership({
      name: 'add to group',
      usage: usage('add {person} to group {group}'),
      description: 'Add someone to a group, so they get its agendas and can reply.',
      pattern: /^add (?<who>.+?) to (?:the )?group (?<group>.+)$/i,
      action: 'add-member',
      change: (ids, id) => (ids.includes(id) ? ids : [...ids, id]),
      unchanged: () => undefined,
      done: (person, series, count) => {
        const partner = services.content.partnership.agencies.find((a) => a.id === person.agency)?.statutoryPartner;
        const note = !person.agency ? ' Their agency is not set, so they do not count towards quorum yet: use **set agency**.' : partner ? '' : ` ${agencyName(services.content, person.agency)} is not a statutory partner, so they do not count towards quorum.`;
        return `${person.name} is now in the ${series.name} (${plural(count, 'member')}).${note}`;
      },
    }),
    groupMembership({
      name: 'remove from group',
      usage: usage('remove {person} from group {group}'),
      description: 'Take someone out of a group.',
      pattern: /^remove (?<who>.+?) from (?:the )?group (?<group>.+)$/i,
      action: 'remove-member',
      change: (ids, id) => ids.filter((x) => x !== id),
      unchanged: (person, series) => `${person.name} is not in the ${series.name}. Nothing was changed.`,
      done: (person, series) => `${person.name} is no longer in the ${series.name}.`,
    }),
    {
      feature: 'meetings',
      name: 'group members',
      usage: usage('group {group}'),
      description: 'Who is in a group, with agencies.',
      patterns: [/^(?:group|members of(?: group)?) (?<group>.+)$/i],
      run: async (turn, args) => {
        const series = findSeries(services.content, args.group);
        if (!series) return void (await turn.reply(unknownGroup(services, args.group)));
        const g = await store.getGroup(series.id);
        const people = (await Promise.all((g?.memberIds ?? []).map((id) => services.members.get(id)))).filter((m): m is Stored<Member> => !!m);
        const lines = people.map((m) => `- ${m.name}: ${agencyName(services.content, m.agency)}`);
        await turn.reply(`**${series.name}**: ${plural(people.length, 'member')}${g?.channel ? ', agendas go to its channel' : ', agendas go to each member 1:1'}.\n\n${lines.join('\n')}`);
      },
    },
    {
      feature: 'meetings',
      name: 'group channel',
      usage: usage('use this channel for {group}'),
      description: "Post a group's agendas and summaries in this channel.",
      roles: ['businessUnit'],
      scopes: ['channel', 'groupChat'],
      patterns: [/^use this (?:channel|chat) for (?:the )?(?<group>.+)$/i],
      run: async (turn, args) => {
        const series = findSeries(services.content, args.group);
        if (!series) return void (await turn.reply(unknownGroup(services, args.group)));
        const before = await store.getGroup(series.id);
        const g = await store.changeGroup(series.id, (x) => ({ ...x, channel: turn.conversation.ref }));
        await services.audit.record({ actorId: turn.member.id, feature: 'meetings', action: 'set-channel', entityType: 'meeting-group', entityId: g.id, beforeEtag: before?._etag, afterEtag: g._etag });
        await turn.reply(`Done: agendas and summaries for the ${series.name} will be posted here.`);
      },
    },
    {
      feature: 'meetings',
      name: 'attendance',
      usage: usage('attendance {group} from {date} to {date}'),
      description: 'Meetings held against plan, and attendance by agency. The group and dates are optional (the default is the partnership year); add csv after attendance for a spreadsheet.',
      roles: ['businessUnit', 'chair'],
      patterns: [/^attendance(?<csv> csv)?(?: (?!from )(?<group>.+?))?(?: from (?<from>\d{4}-\d{2}-\d{2}) to (?<to>\d{4}-\d{2}-\d{2}))?$/i],
      run: async (turn, args) => {
        const series = args.group ? findSeries(services.content, args.group) : undefined;
        if (args.group && !series) return void (await turn.reply(unknownGroup(services, args.group)));
        const period = args.from && args.to ? { from: args.from, to: args.to } : partnershipYear(londonDate(services.clock.now()));
        if (period.to < period.from) return void (await turn.reply('The period ends before it starts. Try: attendance partnership-board from 2025-04-01 to 2026-03-31'));
        const figures = await attendanceFigures(services, series ? [series] : services.content.partnership.meetingSeries, period);
        if (args.csv) return void (await turn.reply(`Attendance CSV, ${period.from} to ${period.to} (copy into a .csv file):\n\n\`\`\`\n${attendanceCsv(services, figures, period)}\`\`\``));
        await turn.reply({ card: attendanceCard(services, figures, period, series) });
      },
    },
  ];
}
