/** The guided "help me decide" dialog (dialogs/queries/levels-of-need-dialog.ts), started with turn.beginDialog. */
export const LEVELS_OF_NEED_DIALOG = 'queries.levelsOfNeed';

/**
 * "Help me decide": a few questions that point to a level of need in Right Help, Right Time.
 * It suggests, it never decides: the answer always sends the practitioner to ChECS if unsure.
 */
export interface LevelAnswers {
  immediateDanger: boolean;
  significantHarm: boolean;
  multipleNeeds: boolean;
  extraSupport: boolean;
}

export type Suggestion = { kind: 'emergency' } | { kind: 'level'; level: 1 | 2 | 3 | 4 };

export function suggestLevel(a: LevelAnswers): Suggestion {
  if (a.immediateDanger) return { kind: 'emergency' };
  if (a.significantHarm) return { kind: 'level', level: 4 };
  if (a.multipleNeeds) return { kind: 'level', level: 3 };
  if (a.extraSupport) return { kind: 'level', level: 2 };
  return { kind: 'level', level: 1 };
}

export const DECIDE_QUESTIONS: { key: keyof LevelAnswers; text: string }[] = [
  { key: 'immediateDanger', text: 'Is the child in immediate danger, or at risk of serious harm today?' },
  { key: 'significantHarm', text: 'Do you think the child is suffering, or likely to suffer, significant harm (for example abuse or serious neglect)?' },
  { key: 'multipleNeeds', text: 'Does the child or family have several needs, or complex needs, that need more than one agency working together?' },
  { key: 'extraSupport', text: 'Does the child need some extra support beyond what everyday services (school, GP, health visitor) provide?' },
];

export const CONSULT_LINE = 'This is a suggestion, not a decision: consult the front door (ChECS) if unsure.';
