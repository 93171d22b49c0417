import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, ConfigError } from '../../core/config';
import { startApp, type App, type AppOptions } from '../server';
import type { Services } from '../../core/contract';
import { seedPlaygroundUser, PLAYGROUND_USER } from './playground-user';
import { DEMO_PERSONAS, seedDemoMembers } from './demo-members';
import { createDevSwitchFeature } from './dev-switch';

/**
 * `npm run dev`: the bot with embedded storage and demo data, plus the Microsoft 365 Agents Playground,
 * both on loopback. Open the printed URL and chat as the Playground's user, who starts with the
 * business-unit role; "dev as [role]" switches to a chair's, a police DSP's or a practitioner's view.
 */
const ROOT = join(__dirname, '..', '..', '..');
const FEATURES = ['actions', 'meetings', 'briefings', 'audits', 'queries'];

export async function seedDemoData(services: Services, memberId: string): Promise<string[]> {
  const seeded: string[] = [];
  for (const feature of FEATURES) {
    const path = join(__dirname, '..', '..', feature, 'demo.ts');
    if (!existsSync(path)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path) as { seedDemo?: (s: Services, demo: { memberId: string }) => Promise<void> };
    if (!mod.seedDemo) continue;
    try {
      await mod.seedDemo(services, { memberId });
      seeded.push(feature);
    } catch (e) {
      services.log.warn({ event: 'demo-seed-failed', feature, err: { message: (e as Error).message } }, 'demo data not seeded');
    }
  }
  return seeded;
}

/**
 * The demo bot: the app with the "dev as" switch, the Playground's user (business unit), the demo
 * people and each feature's demo data. Shared by `npm run dev`, the Playground journeys and the
 * screenshot script, so they all show the same thing.
 */
export async function startDevApp(options: Omit<AppOptions, 'devFeatures'>): Promise<{ app: App; seeded: string[] }> {
  const app = await startApp({ ...options, devFeatures: [createDevSwitchFeature] });
  await seedPlaygroundUser(app.services);
  await seedDemoMembers(app.services);
  const seeded = await seedDemoData(app.services, PLAYGROUND_USER.aadObjectId);
  return { app, seeded };
}

export function startPlayground(opts: { port: number; botEndpoint: string; stdio?: 'inherit' | 'pipe' }): ChildProcess {
  const cli = join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const preload = join(__dirname, 'loopback-preload.cjs');
  return spawn(process.execPath, [cli, 'start', '-c', 'msteams', '--disable-telemetry', '-p', String(opts.port), '-e', opts.botEndpoint], {
    env: {
      ...process.env,
      BOT_ENDPOINT: opts.botEndpoint,
      TEAMSAPPTESTER_BROWSER: 'none',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    },
    stdio: opts.stdio ?? 'pipe',
  });
}

async function main() {
  let config;
  try {
    // No BUSINESS_UNIT_ADMINS: an admin gets the business-unit role back on every turn, which would undo "dev as".
    // seedPlaygroundUser gives the Playground user the role once instead.
    config = loadConfig({ SCHEDULER_INTERVAL_SECONDS: '30', ...process.env, HOST: '127.0.0.1' });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  if (!config.anonymous) {
    console.error('npm run dev is for local chat without Bot Framework credentials: unset MicrosoftAppId and try again.');
    process.exit(1);
  }
  const { app, seeded } = await startDevApp({ config });
  const port = Number(process.env.PLAYGROUND_PORT ?? 56150);
  const playground = startPlayground({ port, botEndpoint: `${app.url}/api/messages`, stdio: 'inherit' });
  const stop = async () => {
    playground.kill('SIGTERM');
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  playground.on('exit', (code) => {
    if (code) console.error(`The Agents Playground stopped (exit ${code}).`);
  });
  console.log(
    [
      '',
      `Partnership bot: ${app.url}/api/messages (embedded storage, data kept in memory only)`,
      `Demo data: ${seeded.length ? seeded.join(', ') : 'none'}`,
      `Open the Agents Playground: http://127.0.0.1:${port}`,
      `You are ${PLAYGROUND_USER.name}, with the business unit role. Type "help" to start. Ctrl-C stops both.`,
      `Other views: ${DEMO_PERSONAS.map((p) => `"dev as ${p.key}"`).join(', ')} (development only).`,
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`npm run dev could not start: ${(e as Error).message}`);
    process.exit(1);
  });
}
