import type { CommandDef, Services } from '../core/contract';
import { LEVELS_OF_NEED_DIALOG } from './level-suggestion';
import type { Answering } from './answering';
import type { Teaching } from './teaching';
import { taughtCard } from './cards';

export function createQueryCommands(services: Services, answering: Answering, teaching: Teaching): CommandDef[] {
  const repo = services.repos.queries;
  return [
    {
      feature: 'queries',
      name: 'escalation route',
      description: 'How to escalate a professional disagreement.',
      patterns: [/^(the )?escalation( route| policy| process)?$/i],
      run: (turn) => answering.answer(turn, 'what is the escalation route'),
    },
    {
      feature: 'queries',
      name: 'levels of need',
      description: "The levels of need in the partnership's threshold guidance.",
      patterns: [/^(levels? of need|thresholds?|right help,? right time|(the )?continuum( of needs?)?)$/i],
      run: (turn) => answering.answer(turn, 'what are the levels of need'),
    },
    {
      feature: 'queries',
      name: 'help me decide',
      description: 'A few questions to think through the level of need.',
      patterns: [/^help me decide( (the )?level( of need)?)?$/i],
      run: (turn) => turn.beginDialog(LEVELS_OF_NEED_DIALOG),
    },
    {
      feature: 'queries',
      name: 'glossary',
      usage: 'glossary',
      description: 'The acronyms used in the partnership, and what they mean.',
      patterns: [/^(glossary|acronyms|abbreviations)$/i],
      run: async (turn) => {
        const lines = [...services.content.queries.glossary].sort((a, b) => a.acronym.localeCompare(b.acronym)).map((g) => `- **${g.acronym}**: ${g.expansion}`);
        await turn.reply(`**Glossary** (ask "what does NRM stand for?" for more)\n\n${lines.join('\n')}`);
      },
    },
    {
      feature: 'queries',
      name: 'unanswered',
      usage: 'unanswered',
      description: 'Questions the bot could not answer, to teach it what they mean; and open tickets.',
      roles: ['businessUnit'],
      patterns: [/^(unanswered|unanswered questions|open tickets|tickets)$/i],
      run: async (turn) => {
        await turn.reply({ card: await teaching.unansweredCard(), summary: 'Questions the bot could not answer' });
      },
    },
    {
      feature: 'queries',
      name: 'taught',
      usage: 'taught',
      description: 'Phrasings the business unit taught the bot, with who, when and undo.',
      roles: ['businessUnit'],
      patterns: [/^(taught|taught phrasings|what have we taught)$/i],
      run: async (turn) => {
        await turn.reply({ card: taughtCard(services.content.queries, await teaching.taught()), summary: 'Taught phrasings' });
      },
    },
  ];
}
