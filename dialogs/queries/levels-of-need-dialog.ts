import { ComponentDialog, ChoicePrompt, ListStyle, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult, type FoundChoice } from 'botbuilder-dialogs';
import type { QueriesContent } from '../../content/schema/queries';
import { DECIDE_QUESTIONS, suggestLevel, CONSULT_LINE, LEVELS_OF_NEED_DIALOG, type LevelAnswers } from '../../bot/queries/level-suggestion';

const YES_NO = 'queries.yesNo';

/**
 * The guided "help me decide" dialog: four yes/no questions, then a suggested level with who leads
 * and which assessment. Stops early with the emergency advice if the child is in immediate danger.
 */
export class LevelsOfNeedDialog extends ComponentDialog {
  constructor(private readonly content: () => QueriesContent) {
    super(LEVELS_OF_NEED_DIALOG);
    this.addDialog(new ChoicePrompt(YES_NO));
    const steps = DECIDE_QUESTIONS.map((q, i) => async (step: WaterfallStepContext): Promise<DialogTurnResult> => {
      const values = step.values as { answers?: Partial<LevelAnswers> };
      const answers = (values.answers ??= {});
      if (i > 0) answers[DECIDE_QUESTIONS[i - 1].key] = (step.result as FoundChoice).value === 'Yes';
      // Questions run from most to least serious, so the first Yes settles the suggestion.
      if (i > 0 && answers[DECIDE_QUESTIONS[i - 1].key]) return this.finish(step, answers);
      return step.prompt(YES_NO, {
        prompt: `${i + 1} of ${DECIDE_QUESTIONS.length}: ${q.text}`,
        retryPrompt: 'Please answer Yes or No (or type "cancel" to stop).',
        choices: ['Yes', 'No'],
        style: ListStyle.suggestedAction,
      });
    });
    this.addDialog(
      new WaterfallDialog('queries.levelsOfNeed.steps', [
        async (step) => {
          await step.context.sendActivity('Let\'s think it through with four questions. ' + CONSULT_LINE);
          return step.next();
        },
        ...steps,
        async (step) => {
          const answers = ((step.values as { answers?: Partial<LevelAnswers> }).answers ??= {});
          answers[DECIDE_QUESTIONS[DECIDE_QUESTIONS.length - 1].key] = (step.result as FoundChoice).value === 'Yes';
          return this.finish(step, answers);
        },
      ]),
    );
    this.initialDialogId = 'queries.levelsOfNeed.steps';
  }

  private async finish(step: WaterfallStepContext, answers: Partial<LevelAnswers>): Promise<DialogTurnResult> {
    const s = suggestLevel({ immediateDanger: false, significantHarm: false, multipleNeeds: false, extraSupport: false, ...answers });
    if (s.kind === 'emergency') {
      await step.context.sendActivity(`${this.content().immediateDanger} Do this now, before anything else.`);
      return step.endDialog(s);
    }
    const level = this.content().topics.find((t) => t.id === 'levels-of-need')?.levels?.find((l) => l.level === s.level);
    const detail = level ? `**Level ${level.level}: ${level.name}.** ${level.meaning} Who leads: ${level.lead}. Assessment: ${level.assessment}.` : `Level ${s.level}.`;
    await step.context.sendActivity(`From your answers this looks like ${detail}\n\n${CONSULT_LINE}`);
    return step.endDialog(s);
  }
}
