import { ComponentDialog, ChoicePrompt, ListStyle, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult, type FoundChoice } from 'botbuilder-dialogs';
import type { ContentPack } from '../../content/load';
import { DECIDE_QUESTIONS, suggestLevel, consultLine, levelFor, levelHeading, LEVELS_OF_NEED_DIALOG, type LevelAnswers } from '../../bot/queries/level-suggestion';

const YES_NO = 'queries.yesNo';

/**
 * The guided "help me decide" dialog: four yes/no questions, then a suggested level of the
 * partnership's own framework with who leads and which assessment. Stops early with the emergency
 * advice if the child is in immediate danger. Reads the pack on every turn, so the business unit's
 * changes apply at once.
 */
export class LevelsOfNeedDialog extends ComponentDialog {
  constructor(private readonly content: () => ContentPack) {
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
          await step.context.sendActivity(`Let's think it through with four questions. ${consultLine(this.content().partnership.frontDoor.shortName)}`);
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
      await step.context.sendActivity(`${this.content().queries.immediateDanger} Do this now, before anything else.`);
      return step.endDialog(s);
    }
    const pack = this.content();
    const topic = pack.queries.topics.find((t) => t.id === 'levels-of-need');
    const level = levelFor(topic?.levels ?? [], s.band);
    const detail = level ? [`**${levelHeading(level)}** (${topic?.framework?.name ?? 'levels of need'}).`, level.meaning, level.lead ? `Who leads: ${level.lead}.` : '', level.assessment ? `Assessment: ${level.assessment}.` : ''].filter(Boolean).join(' ') : 'a level the partnership has not described yet.';
    await step.context.sendActivity(`From your answers this looks like ${detail}\n\n${consultLine(pack.partnership.frontDoor.shortName)}`);
    return step.endDialog(s);
  }
}
