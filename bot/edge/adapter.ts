import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext, type InvokeResponse } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { StorageUnavailableError } from '../../storage/errors';
import { APOLOGY, STORAGE_APOLOGY } from '../core/apologies';

/** How long token validation (including fetching Bot Framework signing keys) may take before we refuse. */
export const AUTH_TIMEOUT_MS = 10_000;

/** The header and claims of a bearer token, without verifying anything: only to say why it was refused. */
function peek(authHeader: string): { header?: Record<string, unknown>; claims?: Record<string, unknown> } {
  const parts = authHeader.replace(/^Bearer\s+/i, '').split('.');
  try {
    return { header: JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')), claims: JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) };
  } catch {
    return {};
  }
}

/**
 * Why a token was refused, for the log: botbuilder's wording where it says, the token's own header
 * and claims where botbuilder only says "no valid identity". Lets an operator tell an attack from a
 * misconfiguration without logging the token.
 */
export function authRefusalReason(message: string, authHeader: string): string {
  if (!authHeader) return 'no-token';
  const m = message.toLowerCase();
  if (m.includes('timed out')) return 'timeout';
  const { header, claims } = peek(authHeader);
  if (!header || !claims) return 'malformed';
  if (header.alg !== 'RS256' && header.alg !== 'RS384' && header.alg !== 'RS512') return 'algorithm';
  if (claims.iss !== AuthenticationConstants.ToBotFromChannelTokenIssuer) return 'wrong-issuer';
  if (m.includes('expired')) return 'expired';
  if (m.includes('invalid appid') || m.includes('audience')) return 'wrong-audience';
  if (m.includes('serviceurl')) return 'service-url-claim';
  if (m.includes('endorsement')) return 'endorsement';
  if (m.includes('signing key could not be retrieved')) return 'unknown-key';
  if (m.includes('signature')) return 'bad-signature';
  if (m.includes('failed to load') || m.includes('econnrefused') || m.includes('request to') || m.includes('fetch')) return 'keys-unreachable';
  return 'not-verifiable';
}

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
      const reason = authRefusalReason(String((e as Error)?.message ?? ''), authHeader);
      this.log.warn({ event: 'auth-refused', reason, hasToken: Boolean(authHeader) }, 'request refused: authentication');
      throw new AuthenticationError(`Unauthorized: ${reason}`, 401);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

/**
 * The public Azure cloud's settings with the signing keys read from another OpenID metadata document.
 * botbuilder treats any one of these settings as "configure everything", so all are given.
 */
function publicCloudWithMetadata(metadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
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
        ...(config.BOT_OPENID_METADATA ? publicCloudWithMetadata(config.BOT_OPENID_METADATA) : {}),
      };
}

/**
 * CloudAdapter that runs an activity the edge has already read and authenticated (server.ts checks
 * shape, token, channel and tenant first, so it can answer 400/401/403 itself).
 */
export class PartnershipAdapter extends CloudAdapter {
  handle(auth: AuthenticateRequestResult, activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * The adapter and its authentication. With no app id the authentication accepts unauthenticated
 * requests, which config.ts only allows on a loopback address.
 */
export function createAdapter(config: Config, log: Logger): { adapter: PartnershipAdapter; auth: FailClosedAuthentication } {
  const auth = new FailClosedAuthentication(botAuthConfig(config), log);
  const adapter = new PartnershipAdapter(auth);
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
  return { adapter, auth };
}
