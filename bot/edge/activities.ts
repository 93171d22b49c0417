import { ActivityTypes, CardFactory, TurnContext, type Activity } from 'botbuilder';
import type { OutMessage } from '../core/outbound/connector';
import type { ConversationRef } from '../../storage/members/schema';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Turns a feature's OutMessage into a Bot Framework activity. */
export function toActivity(msg: OutMessage): Partial<Activity> {
  if (typeof msg === 'string') return { type: ActivityTypes.Message, text: msg, textFormat: 'markdown' };
  const activity: Partial<Activity> = { type: ActivityTypes.Message };
  if (msg.text) {
    activity.text = msg.text;
    activity.textFormat = 'markdown';
  }
  if (msg.card) activity.attachments = [CardFactory.adaptiveCard(msg.card)];
  if (msg.summary) activity.summary = msg.summary;
  return activity;
}

/**
 * A conversation reference fit for storing: without the triggering activity's id, because a
 * reference with one makes every later proactive message a reply in that thread.
 */
export function storableReference(activity: Partial<Activity>): ConversationRef {
  const { activityId, ...ref } = TurnContext.getConversationReference(activity) as ConversationRef;
  void activityId;
  return ref;
}
