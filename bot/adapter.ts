import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Config } from './config';
import type { Logger } from './logger';
import { StorageUnavailableError } from '../storage/errors';
import { APOLOGY, STORAGE_APOLOGY } from './handler';

/**
 * CloudAdapter with Bot Framework JWT validation whenever an app id is configured. With no app id the
 * adapter accepts unauthenticated requests, which config.ts only allows on a loopback address.
 */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.anonymous
      ? {}
      : {
          MicrosoftAppId: config.MicrosoftAppId,
          MicrosoftAppPassword: config.MicrosoftAppPassword,
          MicrosoftAppType: config.MicrosoftAppType,
          MicrosoftAppTenantId: config.MicrosoftAppTenantId,
        },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx: TurnContext, error: unknown) => {
    const ref = randomUUID().slice(0, 8);
    const e = error as Error;
    log.error({ event: 'turn-error', ref, activityType: ctx.activity?.type, err: { type: e?.name, message: e?.message, stack: e?.stack } }, 'turn failed');
    try {
      await ctx.sendActivity(e instanceof StorageUnavailableError ? STORAGE_APOLOGY(ref) : APOLOGY(ref));
    } catch {
      // The connector may be what failed; the log line above is what the operator needs.
    }
  };
  return adapter;
}
