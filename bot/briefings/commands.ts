import type { CommandDef, Services } from '../core/contract';
import { libraryCard, londonDate, priorityNames } from './cards';
import { newDraft, renderForm } from './draft-form';
import { searchLibrary, minutesOf } from './library';
import { reachFor } from './reach-verbs';
import type { BroadcastEngine } from './broadcast-engine';
import { LIBRARY_PAGE } from './consts';
import { visibleTo } from './visibility';
import { count, plural, usage } from '../shared/format';

export function briefingCommands(services: Services, engine: BroadcastEngine): CommandDef[] {
  const priorities = services.content.partnership.priorities;
  return [
    {
      feature: 'briefings',
      name: 'new briefing',
      usage: 'new briefing',
      description: 'Write a 7-minute briefing: a form with the seven parts, preview, audience and schedule.',
      roles: ['businessUnit'],
      scopes: ['personal'],
      patterns: [/^(?:new|create|write)(?: a)?(?: 7[- ]minute)? briefing$/i],
      run: async (turn) => {
        const draft = await newDraft(services, engine, turn);
        await turn.reply({ card: await renderForm(services, draft, 'A new draft. It is saved every time you press a button, and you can reopen it with **drafts**.') });
      },
    },
    {
      feature: 'briefings',
      name: 'drafts',
      usage: 'drafts',
      description: 'Briefings not yet sent (including scheduled ones), to reopen.',
      roles: ['businessUnit'],
      patterns: [/^(?:my )?(?:briefing )?drafts$/i],
      run: async (turn) => {
        const all = (await engine.repo.briefings.query('c.pk = @pk AND (c.status = "draft" OR c.status = "scheduled" OR c.status = "cancelled")', [{ name: '@pk', value: services.partnershipId }], { orderBy: 'c.updatedAt DESC', top: LIBRARY_PAGE }));
        if (all.length === 0) return void (await turn.reply('There are no drafts. Type **new briefing** to start one.'));
        const items = all.map((b) => ({
          id: b.id,
          code: b.code,
          title: b.title || '(untitled)',
          detail: `${b.status === 'scheduled' ? `Scheduled for ${londonDate(b.scheduledFor)}` : b.status === 'cancelled' ? 'Cancelled part-way' : 'Draft'} · last saved ${londonDate(b.updatedAt)} by ${b.authorName || 'the business unit'}`,
          openTitle: 'Open',
          showReach: false,
        }));
        await turn.reply({ card: libraryCard('Drafts', `${plural(all.length, 'briefing')} not yet sent.`, items) });
      },
    },
    {
      feature: 'briefings',
      name: 'briefings',
      usage: usage('briefings {words}'),
      description: 'The library of past 7-minute briefings; the words or a priority to search for are optional.',
      patterns: [/^(?:7[- ]minute )?briefings(?:\s+(?<q>.+))?$/i],
      run: async (turn, args) => {
        const q = (args.q ?? '').trim();
        const { total, items } = searchLibrary((await engine.repo.library()).filter((b) => visibleTo(turn.member, b)), q, priorities);
        if (total === 0) return void (await turn.reply(q ? `No briefings match "${q}". Try fewer words, or a priority such as ${priorities.map((p) => p.name.toLowerCase()).join(', ')}.` : 'No briefings have been published yet.'));
        const isBU = turn.member.roles.includes('businessUnit');
        await turn.reply({
          card: libraryCard(
            '7-minute briefings',
            `${plural(total, 'briefing')}${q ? ` ${total === 1 ? 'matches' : 'match'} "${q}"` : ''}${total > items.length ? `; the newest ${count(items.length)} are shown` : ''}.`,
            items.map((b) => ({
              id: b.id,
              code: b.code,
              title: b.title,
              detail: `${b.status === 'retracted' ? 'Withdrawn' : `Sent ${londonDate(b.sentAt ?? b.updatedAt)}`} · ${priorityNames(services, b.priorities) || 'All priorities'} · about ${minutesOf(b)} min`,
              openTitle: 'Read',
              showReach: isBU,
            })),
          ),
        });
      },
    },
    {
      feature: 'briefings',
      name: 'reach',
      usage: usage('reach {code or title words}'),
      description: 'Who received and read a briefing, and how useful they found it, by agency and role.',
      roles: ['businessUnit'],
      patterns: [/^reach (?<q>.+)$/i],
      run: async (turn, args) => {
        const q = args.q.trim();
        const byCode = /^[A-Z0-9]{6}$/i.test(q) ? await engine.repo.findByCode(q) : undefined;
        const found = byCode ? [byCode] : searchLibrary(await engine.repo.library(), q, priorities).items;
        if (found.length === 0) return void (await turn.reply(`I could not find a sent briefing matching "${q}". Type **briefings** to see the codes.`));
        if (found.length > 1) return void (await turn.reply(`${plural(found.length, 'briefing')} match "${q}": ${found.slice(0, 5).map((b) => `${b.code} (${b.title})`).join('; ')}. Type **reach** and the code.`));
        await turn.reply({ card: (await reachFor(services, engine, found[0])).card });
      },
    },
  ];
}
