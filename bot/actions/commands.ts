import type { CommandDef, Services } from '../core/contract';
import { MAX_COMMAND_TEXT } from '../core/command-registry';
import { DIGEST_PREF } from './consts';
import { importForm, newActionForm } from './forms';
import { importActions } from './import-actions';
import { myActionsCard } from './my-actions';
import { summaryResult } from './summary-view';
import { TRACKER_ROLES, Tracker } from './tracker';
import { resolvePerson } from '../members/resolve-person';

export function createActionCommands(services: Services): CommandDef[] {
  const tracker = new Tracker(services);
  return [
    {
      feature: 'actions',
      name: 'my actions',
      description: 'Your open actions, most urgent first.',
      patterns: [/^(my actions|my tasks|actions)$/i],
      run: async (turn) => {
        await turn.reply({ card: await myActionsCard(tracker, turn.member.id), summary: 'My actions' });
      },
    },
    {
      feature: 'actions',
      name: 'tracker',
      usage: 'tracker',
      description: 'The action tracker summary: status, RAG, priorities, overdue and completed this quarter.',
      roles: TRACKER_ROLES,
      patterns: [/^(tracker|actions? summary|action tracker|summary of actions)$/i],
      run: async (turn) => {
        const r = await summaryResult(tracker, turn);
        if (r.card) await turn.reply({ card: r.card, summary: 'Action tracker summary' });
      },
    },
    {
      feature: 'actions',
      name: 'action',
      usage: 'action <reference>',
      description: 'Show one action, e.g. action LCSPR-2025-01/R3.',
      patterns: [/^(?:show )?action (?<ref>[A-Za-z0-9][A-Za-z0-9\/_.-]{0,39})$/i],
      run: async (turn, args) => {
        const a = await tracker.repo.byReference(args.ref);
        if (!a) return void (await turn.reply(`I cannot find an action with the reference ${args.ref}. Type **tracker** or **my actions** to see what there is.`));
        if (!tracker.canView(turn.member, a)) return void (await turn.reply('That action belongs to someone else, and only the business unit, chairs and partners can see the whole tracker.'));
        await turn.reply({ card: tracker.card(a, turn.member), summary: `${a.reference}: ${a.title}` });
      },
    },
    {
      feature: 'actions',
      name: 'new action',
      description: 'Add an action to the tracker and send it to its owner.',
      roles: ['businessUnit'],
      patterns: [/^(new action|add action|create action)$/i],
      run: async (turn) => {
        await turn.reply({ card: newActionForm({ labels: tracker.labels, owners: await tracker.ownerChoices(), today: tracker.today() }), summary: 'New action' });
      },
    },
    {
      feature: 'actions',
      name: 'import actions',
      usage: 'import actions [CSV]',
      description: 'Load recommendations from CSV (paste it after the command, or use the form).',
      roles: ['businessUnit'],
      // The router flattens line breaks, so the CSV is read from the original text in run().
      patterns: [/^import actions(?: .*)?$/i],
      maxLength: MAX_COMMAND_TEXT,
      run: async (turn) => {
        const csv = turn.text.replace(/^\s*import actions\s*/i, '');
        if (!csv.trim()) return void (await turn.reply({ card: importForm({}), summary: 'Import actions' }));
        const out = await importActions(tracker, turn.member, csv);
        if (!out.ok) {
          await turn.reply({ card: importForm({ values: { csv }, rowErrors: out.errors, banner: { text: 'Nothing was imported. The CSV is in the box below: fix it there and press the button.', tone: 'error' } }), summary: 'Import: nothing imported' });
          return;
        }
        await turn.reply(`Imported ${out.created.length} action${out.created.length === 1 ? '' : 's'}: ${out.created.map((c) => c.reference).join(', ')}. Owners have been sent their actions.`);
      },
    },
    {
      feature: 'actions',
      name: 'group chair',
      usage: 'chair of <group> is <person>',
      description: 'Who hears about overdue actions of a group (otherwise every chair does).',
      roles: ['businessUnit'],
      patterns: [/^(?:set )?chair of (?<group>[\w' -]+?) (?:is|to) (?<who>.+)$/i],
      run: async (turn, args) => {
        const series = services.content.partnership.meetingSeries;
        const wanted = args.group.toLowerCase().replace(/^the /, '');
        const group = series.find((g) => g.id === wanted || g.name.toLowerCase() === wanted);
        if (!group) return void (await turn.reply(`I do not know the group "${args.group}". Groups: ${series.map((g) => g.name).join('; ')}.`));
        const person = await resolvePerson(services, args.who, turn.mentions);
        if (typeof person === 'string') return void (await turn.reply(person));
        if (!person.roles.includes('chair')) return void (await turn.reply(`${person.name} does not have the chair role yet: grant it first with **grant chair to ${person.name}**.`));
        const current = Array.isArray(person.prefs.chairOf) ? (person.prefs.chairOf as string[]) : [];
        const { doc } = await services.members.setPref(person.id, 'chairOf', [...new Set([...current, group.id])]);
        await services.audit.record({ actorId: turn.member.id, feature: 'actions', action: 'set-group-chair', entityType: 'member', entityId: person.id, beforeEtag: person._etag, afterEtag: doc._etag, detail: { group: group.id } });
        await turn.reply(`${person.name} will now get escalations of overdue actions owned by the ${group.name}.`);
      },
    },
    {
      feature: 'actions',
      name: 'digest',
      usage: 'digest on | digest off',
      description: 'Get one weekly digest of your actions instead of separate reminders.',
      patterns: [/^(?:actions? )?digest (?<v>on|off)$/i],
      run: async (turn, args) => {
        const on = args.v.toLowerCase() === 'on';
        await services.members.setPref(turn.member.id, DIGEST_PREF, on);
        await services.audit.record({ actorId: turn.member.id, feature: 'actions', action: 'digest-pref', entityType: 'member', entityId: turn.member.id, detail: { on } });
        await turn.reply(
          on
            ? 'Done: you will get one digest of your open actions each week instead of separate reminders. Escalations of overdue actions still go to the chair. Type **digest off** to go back.'
            : 'Done: you will get a reminder for each action as its due date comes up.',
        );
      },
    },
  ];
}
