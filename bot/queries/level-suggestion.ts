import type { Level } from '../../content/schema/queries';

/** The guided "help me decide" dialog (dialogs/queries/levels-of-need-dialog.ts), started with turn.beginDialog. */
export const LEVELS_OF_NEED_DIALOG = 'queries.levelsOfNeed';

/**
 * "Help me decide": a few questions that point to a level of need in the partnership's own framework.
 * The answers give a band; the pack says which of its levels is in that band, so the dialog works with
 * any partnership's level names. It suggests, it never decides: the answer always sends the
 * practitioner to the front door if unsure.
 */
export interface LevelAnswers {
  immediateDanger: boolean;
  significantHarm: boolean;
  multipleNeeds: boolean;
  extraSupport: boolean;
}

export type Band = Level['band'];
export type Suggestion = { kind: 'emergency' } | { kind: 'level'; band: Band };

export function suggestLevel(a: LevelAnswers): Suggestion {
  if (a.immediateDanger) return { kind: 'emergency' };
  if (a.significantHarm) return { kind: 'level', band: 'statutory' };
  if (a.multipleNeeds) return { kind: 'level', band: 'multi-agency' };
  if (a.extraSupport) return { kind: 'level', band: 'additional' };
  return { kind: 'level', band: 'universal' };
}

export const DECIDE_QUESTIONS: { key: keyof LevelAnswers; text: string }[] = [
  { key: 'immediateDanger', text: 'Is the child in immediate danger, or at risk of serious harm today?' },
  { key: 'significantHarm', text: 'Do you think the child is suffering, or likely to suffer, significant harm (for example abuse or serious neglect), or needs statutory or specialist help?' },
  { key: 'multipleNeeds', text: 'Does the child or family have several needs that need more than one agency working together?' },
  { key: 'extraSupport', text: 'Does the child need some extra support beyond what everyday services (school, GP, health visitor) provide?' },
];

const ORDER: Band[] = ['universal', 'additional', 'multi-agency', 'statutory'];

/** The pack's level for a band; a framework with fewer levels gives the next more serious one it has. */
export function levelFor(levels: readonly Level[], band: Band): Level | undefined {
  for (const b of ORDER.slice(ORDER.indexOf(band))) {
    const found = levels.find((l) => l.band === b);
    if (found) return found;
  }
  return levels[levels.length - 1];
}

/** "Level 3: Targeted help", or the name alone when the partnership does not number its levels. */
export function levelHeading(l: Pick<Level, 'number' | 'name'>): string {
  return l.number ? `Level ${l.number}: ${l.name}` : l.name;
}

export function consultLine(frontDoorShortName: string): string {
  return `This is a suggestion, not a decision: consult the front door (${frontDoorShortName}) if unsure.`;
}
