import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, ConfigError, isLoopback } from '../../bot/core/config';
import { freePort } from '../e2e/playground';

const ROOT = join(__dirname, '..', '..');
const APP = { MicrosoftAppId: '6f1b2c3d-1111-4222-8333-944445555666', MicrosoftAppPassword: 's', MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555' };
const COSMOS = { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'a2V5' };

describe('configuration', () => {
  it('has safe defaults for local use', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, host: '127.0.0.1', anonymous: true, embeddedStorage: true, COSMOS_DATABASE: 'partnership-bot', OUTBOUND_RATE_PER_SECOND: 50, WORKING_HOURS_START: '09:00', ALLOWED_TENANTS: [] });
  });

  it('listens on all interfaces by default once authentication is configured', () => {
    expect(loadConfig({ ...APP, ...COSMOS })).toMatchObject({ host: '0.0.0.0', anonymous: false, embeddedStorage: false });
  });

  it("accepts the bot's own tenant by default, and the partner tenants listed", () => {
    expect(loadConfig({ ...APP, ...COSMOS }).allowedTenants).toEqual([APP.MicrosoftAppTenantId]);
    expect(loadConfig({ ...APP, ...COSMOS, ALLOWED_TENANTS: '99999999-8888-7777-6666-555555555555' }).allowedTenants).toEqual(['99999999-8888-7777-6666-555555555555', APP.MicrosoftAppTenantId]);
    expect(loadConfig({}).allowedTenants).toEqual([]);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ['a non-numeric port', { PORT: 'eighty' }, /^Configuration error: PORT /],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a Cosmos endpoint without a key', { COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }, /COSMOS_KEY is required when COSMOS_ENDPOINT is set/],
    ['a Cosmos endpoint that is not a URL', { COSMOS_ENDPOINT: 'acct', COSMOS_KEY: 'k' }, /COSMOS_ENDPOINT/],
    ['an app id without a password', { MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppTenantId: APP.MicrosoftAppTenantId }, /MicrosoftAppPassword is required/],
    ['a single-tenant app without a tenant id', { MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppPassword: 's' }, /MicrosoftAppTenantId is required/],
    ['an app id with the in-memory store', APP, /^Configuration error: COSMOS_ENDPOINT is required when MicrosoftAppId is set/],
    ['a MultiTenant app with no tenant list', { MicrosoftAppId: APP.MicrosoftAppId, MicrosoftAppPassword: 's', MicrosoftAppType: 'MultiTenant', ...COSMOS }, /ALLOWED_TENANTS is required for a MultiTenant app/],
    ['a tenant allow-list entry that is not a GUID', { ALLOWED_TENANTS: 'contoso' }, /ALLOWED_TENANTS.*GUID/],
    ['working hours in the wrong order', { WORKING_HOURS_START: '17:00', WORKING_HOURS_END: '09:00' }, /WORKING_HOURS_END must be after/],
    ['working hours not on a 24-hour clock', { WORKING_HOURS_START: '9am' }, /HH:MM/],
    ['an unknown log level', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['an outbound rate over the Teams limit for a real bot', { ...APP, ...COSMOS, OUTBOUND_RATE_PER_SECOND: '80' }, /OUTBOUND_RATE_PER_SECOND must be at most 50 \(the Teams limit per app per tenant\)/],
    ['an outbound rate over what even a local test connector is given', { OUTBOUND_RATE_PER_SECOND: '5000' }, /OUTBOUND_RATE_PER_SECOND/],
    ['anonymous mode on a public address', { HOST: '0.0.0.0' }, /no MicrosoftAppId is set.*loopback/],
  ];
  it.each(bad)('refuses %s with one sentence naming the variable', (_name, env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    expect(text).toMatch(message);
    expect(text.split('\n')).toHaveLength(1);
    expect(text.trim().endsWith('.')).toBe(true);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.10.0.1', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
    ['::', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('npm start (the production entry point)', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const entry = join(ROOT, 'bot', 'edge', 'main.ts');

  it('refuses to start anonymous on a non-loopback host, saying why in one sentence', () => {
    const r = spawnSync(tsx, [entry], { env: { ...process.env, HOST: '0.0.0.0', MicrosoftAppId: '', PORT: '0' }, encoding: 'utf8', timeout: 30000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('Configuration error'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/HOST is 0\.0\.0\.0 but no MicrosoftAppId is set/);
  });

  it('refuses to start a real tenant on the in-memory store, naming COSMOS_ENDPOINT in one sentence', () => {
    const env = { ...process.env, ...APP, HOST: '127.0.0.1', PORT: '0' } as NodeJS.ProcessEnv;
    delete env.COSMOS_ENDPOINT;
    const r = spawnSync(tsx, [entry], { env, encoding: 'utf8', timeout: 30000 });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['Configuration error: COSMOS_ENDPOINT is required when MicrosoftAppId is set (the in-memory store is for local development only).']);
  });

  it('starts with embedded storage and answers /healthz with 200', async () => {
    const port = await freePort();
    const child = spawn(tsx, [entry], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false' }, stdio: 'ignore' });
    try {
      let status = 0;
      let body: any;
      for (let i = 0; i < 120 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 250));
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          status = res.status;
          body = await res.json();
        } catch {
          // not listening yet
        }
      }
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', storage: 'reachable', embeddedStorage: true });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
