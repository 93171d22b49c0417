import { z } from 'zod';
import { isIP } from 'node:net';

const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour clock');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)));

/** Every variable the bot reads. `.env.example` documents each one. */
export const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).optional(),
    MicrosoftAppId: z.string().trim().optional().transform((v) => v || undefined),
    MicrosoftAppPassword: z.string().optional().transform((v) => v || undefined),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    MicrosoftAppTenantId: z.string().trim().optional().transform((v) => v || undefined),
    ALLOWED_TENANTS: csv.pipe(z.array(z.string().regex(guid, 'each tenant id must be a GUID'))),
    BUSINESS_UNIT_ADMINS: csv,
    COSMOS_ENDPOINT: z.url().optional(),
    /** Where Bot Framework's signing keys are published (OpenID metadata). Default: the public Azure cloud. */
    BOT_OPENID_METADATA: z.url().optional(),
    COSMOS_KEY: z.string().min(1).optional(),
    COSMOS_DATABASE: z.string().regex(/^[A-Za-z0-9-_]{1,64}$/, 'letters, digits, - and _ only').default('partnership-bot'),
    CONTENT_PACK: z.string().regex(/^[a-z0-9-]+$/, 'a pack folder name under content/packs').default('cheshire-east'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SCHEDULER_ENABLED: bool.default(true),
    WARM_UP_ON_START: bool.default(true),
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    WORKING_HOURS_START: hhmm.default('09:00'),
    WORKING_HOURS_END: hhmm.default('17:00'),
    /** Outbound requests per second per tenant: the Teams limit, or less for a tenant that shares its budget with other apps. */
    OUTBOUND_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(50),
    RETENTION_DAYS_QUERIES: z.coerce.number().int().min(1).max(3650).default(365),
    RETENTION_DAYS_DELIVERIES: z.coerce.number().int().min(1).max(3650).default(730),
  })
  .superRefine((env, ctx) => {
    if (env.COSMOS_ENDPOINT && !env.COSMOS_KEY) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_KEY'], message: 'is required when COSMOS_ENDPOINT is set' });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set (or use MicrosoftAppType=UserAssignedMSI)' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
    }
    if (env.MicrosoftAppId && env.OUTBOUND_RATE_PER_SECOND > 50) {
      // Above the Teams limit only for local tests against a local connector, never with a real bot.
      ctx.addIssue({ code: 'custom', path: ['OUTBOUND_RATE_PER_SECOND'], message: 'must be at most 50 (the Teams limit per app per tenant)' });
    }
    if (env.MicrosoftAppId && !env.COSMOS_ENDPOINT) {
      // A real tenant never runs on the in-memory store: a restart would lose everything.
      ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when MicrosoftAppId is set (the in-memory store is for local development only)' });
    }
    if (env.MicrosoftAppId && env.ALLOWED_TENANTS.length === 0 && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['ALLOWED_TENANTS'], message: 'is required for a MultiTenant app: list the partnership tenant ids' });
    }
    if (env.WORKING_HOURS_START >= env.WORKING_HOURS_END) {
      ctx.addIssue({ code: 'custom', path: ['WORKING_HOURS_END'], message: 'must be after WORKING_HOURS_START' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Env {
  host: string;
  /**
   * Tenants whose activities are accepted: ALLOWED_TENANTS plus the bot's own tenant. Empty only in
   * anonymous local development, where any tenant is accepted but one must still be named.
   */
  allowedTenants: string[];
  /** True when no app id is configured: allowed only on a loopback address. */
  anonymous: boolean;
  embeddedStorage: boolean;
}

export class ConfigError extends Error {}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const kind = isIP(host);
  if (kind === 4) return host.startsWith('127.');
  if (kind === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Reads config from an environment; throws ConfigError with one sentence a person can act on. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue.path.join('.') || 'configuration';
    throw new ConfigError(`Configuration error: ${name} ${issue.message.replace(/^Invalid input: /, '')}.`);
  }
  const e = parsed.data;
  const anonymous = !e.MicrosoftAppId;
  const host = e.HOST ?? (anonymous ? '127.0.0.1' : '0.0.0.0');
  if (anonymous && !isLoopback(host)) {
    throw new ConfigError(
      `Configuration error: HOST is ${host} but no MicrosoftAppId is set; without Bot Framework authentication the bot only listens on a loopback address (set MicrosoftAppId and MicrosoftAppPassword, or use HOST=127.0.0.1).`,
    );
  }
  const allowedTenants = [...new Set([...e.ALLOWED_TENANTS, ...(e.MicrosoftAppTenantId ? [e.MicrosoftAppTenantId] : [])])];
  return { ...e, host, anonymous, allowedTenants, embeddedStorage: !e.COSMOS_ENDPOINT };
}
