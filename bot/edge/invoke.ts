import { ActivityTypes, type TurnContext } from 'botbuilder';

export const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
export const UNHANDLED_INVOKE = 'This bot does not handle that kind of request.';

/** Answers an Action.Execute invoke with a message (Teams shows it under the card). */
export async function sendInvokeMessage(ctx: TurnContext, text: string): Promise<void> {
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: text } } });
}

/** Answers an invoke the bot does not handle: the caller's problem (400), so 5xx stays meaningful for alerts. */
export async function sendUnhandledInvoke(ctx: TurnContext): Promise<void> {
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 400, body: { error: UNHANDLED_INVOKE } } });
}

export function isCardAction(ctx: TurnContext): boolean {
  return ctx.activity.type === ActivityTypes.Invoke && ctx.activity.name === 'adaptiveCard/action';
}
