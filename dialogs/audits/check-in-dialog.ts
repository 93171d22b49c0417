import { ComponentDialog, ChoicePrompt, ListStyle, TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CheckIns } from '../../bot/audits/check-ins';
import { cannotCheckIn, CHECK_IN_DIALOG, type CheckInOptions } from '../../bot/audits/check-ins';
import { nextField, type Field } from '../../bot/audits/rules';
import type { AuditRound } from '../../storage/audits/schema';

const TEXT = 'audits.text';
const CHOICE = 'audits.choice';
const LOOP = 'audits.checkIn.loop';

/**
 * An audit check-in, one question a turn. Each answer is saved to the draft before the next question,
 * and the next question is worked out from the draft, so the auditor can stop ("cancel") and come
 * back with "start check-in" (or simply carry on after a bot restart) exactly where they left off.
 */
export class CheckInDialog extends ComponentDialog {
  constructor(private readonly checkIns: () => CheckIns) {
    super(CHECK_IN_DIALOG);
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(new WaterfallDialog(LOOP, [this.ask.bind(this), this.save.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async round(options: CheckInOptions): Promise<AuditRound | undefined> {
    return this.checkIns().repo.rounds.get(options.roundId, this.checkIns().repo.pk);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as CheckInOptions;
    const ci = this.checkIns();
    const round = await this.round(o);
    const refusal = cannotCheckIn(round, o.memberId, ci.today());
    if (refusal) {
      await step.context.sendActivity(refusal);
      return step.endDialog();
    }
    const t = ci.template(round!);
    const draft = await ci.draft(round!, o.memberId, o.agency);
    const field = nextField(t, draft);
    (step.values as { field?: Field }).field = field;
    if (field.kind === 'done') {
      await ci.submit(round!, draft, o.memberId);
      await step.context.sendActivity(`Thank you: your check-in for **${draft.reference}** in ${round!.code} is saved and submitted. Type **start check-in ${round!.code}** to audit another case.`);
      return step.endDialog({ submitted: draft.id });
    }
    const total = t.questions.length;
    switch (field.kind) {
      case 'reference':
        return step.prompt(TEXT, { prompt: `**${round!.code}: ${t.name}** (${round!.theme}). You can type "cancel" at any time and carry on later.\n\nWhat is ${t.referenceLabel}? For example ${t.referenceExample}. Never a name.` });
      case 'question':
        return step.prompt(CHOICE, { prompt: `Question ${field.index + 1} of ${total}: ${t.questions[field.index].text}`, choices: t.answerScale, style: ListStyle.suggestedAction, retryPrompt: `Please answer with one of: ${t.answerScale.join(', ')}.` });
      case 'grade':
        return step.prompt(CHOICE, { prompt: 'Overall, how would you grade this?', choices: t.gradeScale, style: ListStyle.suggestedAction, retryPrompt: `Please choose: ${t.gradeScale.join(', ')}.` });
      case 'strengths':
        return step.prompt(TEXT, { prompt: 'What went well? (strengths; or "none"). No details that could identify a child.' });
      case 'improvements':
        return step.prompt(TEXT, { prompt: 'What could be better? (areas for improvement; or "none").' });
      default:
        return step.prompt(TEXT, { prompt: 'Any learning actions you would propose for the tracker? (or "none")' });
    }
  }

  private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as CheckInOptions;
    // Dialog state is per member, so this cannot be someone else; checked anyway, because an answer
    // saved under the wrong auditor would corrupt the audit.
    if (step.context.activity.from?.aadObjectId !== o.memberId) return step.endDialog();
    const ci = this.checkIns();
    const field = (step.values as { field: Field }).field;
    const round = await this.round(o);
    const refusal = cannotCheckIn(round, o.memberId, ci.today());
    if (refusal) {
      await step.context.sendActivity(refusal);
      return step.endDialog();
    }
    const text = typeof step.result === 'string' ? step.result : (step.result as FoundChoice).value;
    const verdict = ci.validate(ci.template(round!), field, text);
    if (!verdict.ok) {
      // Everything answered so far is kept; only this answer is asked for again.
      await step.context.sendActivity(verdict.message);
    } else {
      await ci.saveAnswer(await ci.draft(round!, o.memberId, o.agency), field, verdict.value);
    }
    return step.replaceDialog(LOOP, o);
  }
}
