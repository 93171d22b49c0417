/**
 * The SDK-free contract between the edge (bot/edge/, the only code that knows the Bot Framework SDK)
 * and the features (bot/<feature>/). Features see only these types, never TurnContext, so moving to
 * the Microsoft 365 Agents SDK rewrites the edge, not the features.
 */
import type { z } from 'zod';
import type { AdaptiveCard } from '../../cards/expand';
import type { Config } from './config';
import type { ContentPack } from '../../content/load';
import type { Store } from '../../storage/cosmos';
import type { Logger } from './logger';
import type { Role } from '../../content/schema/partnership';
import type { Member, ConversationKind, ConversationRef } from '../../storage/members/schema';
import type { Stored } from '../../storage/repository';
import type { MembersRepository } from '../../storage/members/repository';
import type { AuditLog, Leases, Notifications, SettingsRepository } from '../../storage/system/repository';
import type { ActionsRepository } from '../../storage/actions/repository';
import type { MeetingsRepository } from '../../storage/meetings/repository';
import type { BriefingsRepository } from '../../storage/briefings/repository';
import type { AuditsRepository } from '../../storage/audits/repository';
import type { QueriesRepository } from '../../storage/queries/repository';
import type { ContentRepository } from '../../storage/content/repository';
import type { NumbersRepository } from '../../storage/numbers/repository';
import type { ContentOverrides } from '../shared/content-overrides';
import type { ActionBrief, NewActionInput } from '../../storage/actions/schema';
import type { Messenger } from './outbound/messenger';
import type { OutMessage } from './outbound/connector';
import type { BackgroundWork } from './background';

export type FeatureName = 'meetings' | 'briefings' | 'actions' | 'audits' | 'queries' | 'numbers' | 'content' | 'members' | 'help' | 'system';

export type { Role, Member, ConversationRef, AdaptiveCard, OutMessage };

export interface Clock {
  now(): Date;
}

/** Each feature's documents, one repository per feature (storage/<feature>/repository.ts). */
export interface Repositories {
  actions: ActionsRepository;
  meetings: MeetingsRepository;
  briefings: BriefingsRepository;
  audits: AuditsRepository;
  queries: QueriesRepository;
  content: ContentRepository;
  numbers: NumbersRepository;
}

/** What other features (meetings, audits) may ask of the action tracker; the actions feature implements it. */
export interface ActionsApi {
  /** Creates an action and notifies its owner; throws TrackerInputError with a message fit to show. */
  createAction(input: NewActionInput, actorId: string): Promise<{ id: string; reference: string }>;
  /** Open and overdue actions that belong to a group, most urgent first. */
  mattersArising(groupId: string, today: string): Promise<ActionBrief[]>;
}

/**
 * Everything a feature uses from outside, built once per bot (bot/app/services.ts) and handed to
 * every feature. Nothing is kept in module-level state, so two bots in one process share nothing.
 */
export interface Services {
  config: Config;
  /**
   * The partnership's content pack with the business unit's active overrides applied, as of the
   * refresh at the start of this turn or sweep (`overrides.refresh()`); the shipped pack is `overrides.base`.
   */
  readonly content: ContentPack;
  log: Logger;
  clock: Clock;
  partnershipId: string;
  /** Identifies this process (for leases and broadcast workers). */
  instanceId: string;
  /** The Cosmos client and containers (health checks, retention); features use the repositories. */
  store: Store;
  members: MembersRepository;
  settings: SettingsRepository;
  audit: AuditLog;
  leases: Leases;
  notifications: Notifications;
  repos: Repositories;
  /** The one outbound path: every proactive message, update and 1:1 open, under the Teams rate limit. */
  messenger: Messenger;
  /** The tracker as other features see it. */
  actions: ActionsApi;
  /** The business unit's changes to the content pack, made in Teams (facts confirmed or changed, phrasings taught). */
  overrides: ContentOverrides;
  /** Work that outlives the request that started it; it reports back by message when done. */
  background: BackgroundWork;
}

export interface ConversationInfo {
  id: string;
  kind: ConversationKind;
  /** Our stored conversation document id (channels, group chats and personal chats). */
  docId: string;
  teamId?: string;
  ref: ConversationRef;
}

export interface Mention {
  id: string;
  name: string;
}

/** One incoming turn, as features see it. */
export interface Turn {
  /** The caller, as stored (roles and agency are the server's record, never the client's claim). */
  member: Stored<Member>;
  conversation: ConversationInfo;
  /** The message text with @mentions of the bot removed and whitespace trimmed. */
  text: string;
  /** People @mentioned in the message (excluding the bot). */
  mentions: Mention[];
  /** Id of the activity being answered (a card's message id for card actions). */
  replyToId?: string;
  services: Services;
  reply(msg: OutMessage): Promise<string | undefined>;
  /** Replaces a message the bot sent in this conversation. */
  update(activityId: string, msg: OutMessage): Promise<void>;
  /** Starts a dialog (dialogs/<feature>/) by id; the next messages go to it until it ends. */
  beginDialog(dialogId: string, options?: object): Promise<void>;
}

export interface CommandDef {
  feature: FeatureName;
  /** Shown in help, e.g. "my actions". */
  name: string;
  usage?: string;
  description: string;
  /** Anchored, case-insensitive patterns over the turn text; named groups become args. */
  patterns: RegExp[];
  /** Who may run it; omitted = every member. Checked by the router on the server. */
  roles?: Role[];
  /** Where it may run; omitted = everywhere. */
  scopes?: ConversationKind[];
  /** Longest text (after normalising) this command accepts; default 200. Keeps every pattern's work small. */
  maxLength?: number;
  run(turn: Turn, args: Record<string, string>): Promise<void>;
}

/** What a card action returns: the card that replaces the one pressed, and/or a message. */
export type VerbResult =
  | { card: AdaptiveCard; message?: string }
  | { message: string; card?: undefined };

export interface VerbDef<S extends z.ZodType = z.ZodType> {
  feature: FeatureName;
  /** `<feature>.<action>`, the Action.Execute verb. Search for the string to find the handler. */
  verb: string;
  /** Validates `data` from the card on the server. */
  schema: S;
  /** Coarse gate; ownership (e.g. "is this your action?") is checked inside run. Omitted = every member. */
  roles?: Role[];
  run(turn: Turn, data: z.infer<S>): Promise<VerbResult>;
  /** The label people see for each field the card submits, for "<label>: <what to fix>" messages. */
  labels?: Readonly<Record<string, string>>;
  /**
   * Called when `data` fails validation: re-render the form with what the user typed and the error,
   * so nothing they entered is lost. Without it the user gets the message and the card stays as it is.
   * `privacyAsk` is set when the child-details guard asks rather than refuses: the form should show
   * the "I have checked" tick-box (cards/form-field.ts privacyConfirmField).
   */
  invalid?(turn: Turn, raw: Record<string, unknown>, message: string, opts?: { privacyAsk: boolean }): Promise<VerbResult>;
}

/** A periodic job run by the scheduler under a Cosmos lease (one instance at a time). */
export interface SweepDef {
  feature: FeatureName;
  name: string;
  /** Minimum seconds between runs. */
  everySeconds: number;
  run(services: Services, now: Date): Promise<Record<string, number> | void>;
}

/** Handles free text that is not a command (the queries feature). Returns true when it answered. */
export type TextFallback = (turn: Turn) => Promise<boolean>;

export interface Feature {
  name: FeatureName;
  commands?: CommandDef[];
  verbs?: VerbDef[];
  sweeps?: SweepDef[];
  fallback?: TextFallback;
  /** The bot was added to a team (Teams' installation event): e.g. read the team's roster. Runs in the background. */
  onTeamInstalled?(teamId: string): Promise<void>;
  /** Teams says these members left a team (membersRemoved). */
  onMembersLeft?(teamId: string, memberIds: string[]): Promise<void>;
  /**
   * Once the server is listening, in the background (when `WARM_UP_ON_START` is on): work the first
   * request would otherwise wait for, such as training the query matcher.
   */
  onStarted?(): Promise<void>;
}

export type FeatureFactory = (services: Services) => Feature;

/** Builds a VerbDef with its data type inferred from the schema. */
export function defineVerb<S extends z.ZodType>(def: VerbDef<S>): VerbDef {
  return def as unknown as VerbDef;
}
