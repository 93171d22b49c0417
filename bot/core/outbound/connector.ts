import type { AdaptiveCard } from '../../../cards/expand';
import type { ConversationRef } from '../../../storage/members/schema';
import type { SendFailure, SendResult } from './send-result';

/** What a feature sends: plain text (markdown), a card, or both. */
export type OutMessage = string | { text?: string; card?: AdaptiveCard; summary?: string };

/** The result of opening a 1:1 chat: the stored reference of the new conversation. */
export type OpenResult = { ok: true; ref: ConversationRef } | SendFailure;

/** A person to open a 1:1 chat with: their Teams channel account id (29:...), and who they are. */
export interface ChatUser {
  userId: string;
  name?: string;
  aadObjectId?: string;
}

/** A person in a team's roster, as Teams lists them. */
export interface RosterMember {
  /** Teams channel account id (29:...). */
  userId: string;
  aadObjectId: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

/** One page of a roster; no continuation token on the last page. */
export type RosterResult = { ok: true; members: RosterMember[]; continuationToken?: string } | SendFailure;

/**
 * The Bot Connector as the outbound path sees it: one HTTP request per call, no retries, no rate
 * limit (the messenger owns both). The edge implements it with the Bot Framework SDK.
 */
export interface Connector {
  send(ref: ConversationRef, msg: OutMessage): Promise<SendResult>;
  update(ref: ConversationRef, activityId: string, msg: OutMessage): Promise<SendResult>;
  /** Opens the 1:1 chat between the bot and a user seen in another conversation of the same tenant. */
  openPersonal(seen: ConversationRef, user: ChatUser, tenantId?: string): Promise<OpenResult>;
  /** One page of a team's members (the paged members API), through a conversation the bot has in that team. */
  rosterPage(team: ConversationRef, teamId: string, continuationToken?: string): Promise<RosterResult>;
}
