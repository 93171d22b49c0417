import type { CommandDef, Feature, OutMessage, Services, TextFallback, Turn, VerbDef, VerbResult } from './contract';
import { CardTooLargeError } from '../../cards/expand';
import { matchCommand } from './command-registry';
import { VerbRegistry, cleanCardData } from './verb-registry';
import { explainInvalid } from './invalid';
import { confirmedIn, withPrivacyConsent } from '../shared/privacy/purpose';
import { plainText } from '../shared/format';
import { hasAnyRole, refusal } from './roles';
import { StaleError } from '../../storage/errors';

/** The dialogs of this turn's conversation, as the router needs them (the edge implements it). */
export interface DialogPort {
  /** True when a dialog is waiting for this conversation's next message. */
  isActive(): Promise<boolean>;
  continue(): Promise<void>;
  cancelAll(): Promise<void>;
}

export const STOPPED = 'Stopped. Nothing more was saved. Type **help** to see what I can do.';
export const UNKNOWN_BUTTON = 'Sorry, I do not recognise that button. The card may be out of date: type **help** to start again.';
export const STALE_FORM = 'Someone else changed this while you were editing. Your entries are kept below: check them and submit again.';
export const STALE_MESSAGE = 'Someone else changed this while you were working on it. Nothing was saved: please refresh and try again.';

const STOP_WORDS = /^(cancel|stop|quit|exit)$/i;
/** No field in any form takes more than this; longer typed text is cut when a form is shown again. */
export const MAX_TYPED_FIELD = 4000;

/**
 * Where every turn is decided, with no SDK in sight: a typed message goes to a command, else the
 * active dialog, else the free-text fallbacks (queries), else help; a card button goes to its verb.
 * Roles are checked here for every command and verb; ownership is checked by each handler.
 */
export class Router {
  readonly commands: CommandDef[] = [];
  readonly verbs = new VerbRegistry();
  private readonly fallbacks: TextFallback[] = [];
  private readonly features: readonly Feature[];

  constructor(
    private readonly services: Services,
    features: readonly Feature[],
    private readonly help: (turn: Turn) => Promise<OutMessage>,
  ) {
    this.features = features;
    for (const f of features) {
      this.commands.push(...(f.commands ?? []));
      for (const v of f.verbs ?? []) this.verbs.register(v);
      if (f.fallback) this.fallbacks.push(f.fallback);
    }
  }

  /** The bot was added to a team: each feature that cares starts its work in the background. */
  teamInstalled(teamId: string): void {
    for (const f of this.features) if (f.onTeamInstalled) this.services.background.run(`${f.name}:team-installed`, () => f.onTeamInstalled!(teamId));
  }

  /** Teams says these members left a team. */
  async membersLeft(teamId: string, memberIds: string[]): Promise<void> {
    for (const f of this.features) if (f.onMembersLeft) await f.onMembersLeft(teamId, memberIds);
  }

  /** A typed message. */
  async message(turn: Turn, dialogs: DialogPort): Promise<void> {
    await this.services.overrides.refresh();
    const text = turn.text;
    const stop = STOP_WORDS.test(text);
    const match = text && !stop ? matchCommand(this.commands, text, turn.conversation) : undefined;
    if (match) {
      // A command wins over an active dialog, which stays where it was; no dialog state is read.
      await this.runCommand(turn, match.command, match.args);
      return;
    }
    if (await dialogs.isActive()) {
      if (stop) {
        await dialogs.cancelAll();
        await turn.reply(STOPPED);
      } else {
        await dialogs.continue();
      }
      return;
    }
    if (!text) return;
    for (const fallback of this.fallbacks) if (await fallback(turn)) return;
    await turn.reply(await this.help(turn));
  }

  private async runCommand(turn: Turn, command: CommandDef, args: Record<string, string>) {
    if (!hasAnyRole(turn.member.roles, command.roles)) {
      this.services.log.info({ event: 'refused', command: command.name, memberId: turn.member.id }, 'command refused: role');
      await turn.reply(refusal(command.roles!));
      return;
    }
    this.services.log.debug({ event: 'command', command: command.name }, 'command');
    await command.run(turn, args);
  }

  /** A card button (Action.Execute, or Action.Submit from older clients): role gate, zod, then the handler. */
  async cardAction(turn: Turn, verb: unknown, rawData: unknown): Promise<VerbResult> {
    const def = this.verbs.get(verb);
    if (!def) {
      this.services.log.info({ event: 'unknown-verb' }, 'card action with unknown verb');
      return plainMessage({ message: UNKNOWN_BUTTON });
    }
    if (!hasAnyRole(turn.member.roles, def.roles)) {
      this.services.log.info({ event: 'refused', verb: def.verb, memberId: turn.member.id }, 'card action refused: role');
      return plainMessage({ message: refusal(def.roles!) });
    }
    await this.services.overrides.refresh();
    const data = cleanCardData(rawData);
    // "I have checked" on a form answers the child-details guard's question for this turn only.
    const result = await withPrivacyConsent(confirmedIn(data), async (): Promise<VerbResult> => {
      const parsed = def.schema.safeParse(data);
      if (!parsed.success) {
        const { message, privacyAsk } = explainInvalid(parsed.error, def.labels);
        this.services.log.info({ event: 'invalid', verb: def.verb }, 'card action invalid');
        return this.reRender(def, turn, data, message, { privacyAsk });
      }
      try {
        return await def.run(turn, parsed.data);
      } catch (e) {
        if (e instanceof StaleError) return def.invalid ? this.reRender(def, turn, data, STALE_FORM) : { message: STALE_MESSAGE };
        throw e;
      }
    });
    return plainMessage(result);
  }

  /**
   * The form again, with what the person typed and why it was refused. What they typed is kept up to
   * a length no field allows more than, so a pasted essay cannot overflow the card; if the form would
   * still be too large for Teams, the message alone is sent and nothing is lost on our side.
   */
  private async reRender(def: VerbDef, turn: Turn, data: Record<string, unknown>, message: string, extra?: Parameters<NonNullable<VerbDef['invalid']>>[3]): Promise<VerbResult> {
    if (!def.invalid) return { message };
    const typed = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' && v.length > MAX_TYPED_FIELD ? v.slice(0, MAX_TYPED_FIELD) : v]));
    try {
      return await def.invalid(turn, typed, message, extra);
    } catch (e) {
      if (!(e instanceof CardTooLargeError)) throw e;
      this.services.log.info({ event: 'invalid-form-too-large', verb: def.verb }, 'form not re-rendered: too large');
      return { message };
    }
  }
}

/**
 * A card action's message is shown by Teams as plain text under the card, where **bold** would show
 * its asterisks; the card itself keeps its formatting.
 */
function plainMessage(result: VerbResult): VerbResult {
  return result.message === undefined ? result : ({ ...result, message: plainText(result.message) } as VerbResult);
}
