import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { StorageUnavailableError } from '../../storage/errors';
import { APOLOGY, STORAGE_APOLOGY } from '../core/apologies';

/** How long token validation (including fetching Bot Framework signing keys) may take before we refuse. */
export const AUTH_TIMEOUT_MS = 10_000;

/**
 * Fails closed: a token that cannot be validated for any reason (bad signature, unknown key, the
 * signing-key endpoint unreachable, a slow network) is a 401, never a 500 or a hung request.
 */
export class FailClosedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    config: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly log: Logger,
  ) {
    super(config);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        super.authenticateRequest(activity, authHeader),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new AuthenticationError('token validation timed out', 401)), AUTH_TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      const status = (e as { statusCode?: number }).statusCode;
      this.log.warn({ event: 'auth-refused', reason: status === 401 ? 'invalid-token' : 'token-not-verifiable', hasToken: Boolean(authHeader) }, 'request refused: authentication');
      if (e instanceof AuthenticationError && status === 401) throw e;
      throw new AuthenticationError('Unauthorized: the token could not be verified', 401);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/** The Bot Framework credentials section, empty in local anonymous mode. */
export function botAuthConfig(config: Config): ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0] {
  return config.anonymous
    ? {}
    : {
        MicrosoftAppId: config.MicrosoftAppId,
        MicrosoftAppPassword: config.MicrosoftAppPassword,
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      };
}

/**
 * CloudAdapter with Bot Framework JWT validation whenever an app id is configured. With no app id the
 * adapter accepts unauthenticated requests, which config.ts only allows on a loopback address.
 */
export function createAdapter(config: Config, log: Logger): CloudAdapter {
  const auth = new FailClosedAuthentication(botAuthConfig(config), log);
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
