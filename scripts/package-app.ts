import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils } from '@microsoft/app-manifest';

/**
 * `npm run package`: fills the manifest's placeholders from the environment, validates it offline
 * against the Teams schema bundled in @microsoft/app-manifest, and writes build/appPackage.zip.
 */
const ROOT = join(__dirname, '..');
const APP_DIR = join(ROOT, 'appPackage');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageValues {
  MicrosoftAppId: string;
  TEAMS_APP_ID: string;
  BOT_DOMAIN: string;
}

export function fillManifest(template: string, values: PackageValues): unknown {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => {
    const v = (values as unknown as Record<string, string | undefined>)[name];
    if (v === undefined) throw new Error(`The manifest needs ${name}, which is not set.`);
    return v;
  });
  return JSON.parse(filled);
}

export function valuesFromEnv(env: NodeJS.ProcessEnv): PackageValues {
  const appId = env.MicrosoftAppId?.trim();
  if (!appId || !GUID.test(appId)) throw new Error('Set MicrosoftAppId to the Azure Bot registration\'s app id (a GUID) to build the Teams package.');
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (!GUID.test(teamsAppId)) throw new Error('TEAMS_APP_ID must be a GUID.');
  const domain = (env.BOT_DOMAIN?.trim() || 'token.botframework.com').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return { MicrosoftAppId: appId, TEAMS_APP_ID: teamsAppId, BOT_DOMAIN: domain };
}

export async function validateManifest(manifest: unknown): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
}

export async function buildPackage(values: PackageValues, outDir = join(ROOT, 'build')): Promise<string> {
  const manifest = fillManifest(readFileSync(join(APP_DIR, 'manifest.json'), 'utf8'), values);
  const errors = await validateManifest(manifest);
  if (errors.length) throw new Error(`The Teams manifest is not valid:\n- ${errors.join('\n- ')}`);
  if (!existsSync(outDir)) mkdirSync(outDir, { recursive: true });
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  zip.addFile('color.png', readFileSync(join(APP_DIR, 'color.png')));
  zip.addFile('outline.png', readFileSync(join(APP_DIR, 'outline.png')));
  const out = join(outDir, 'appPackage.zip');
  zip.writeZip(out);
  return out;
}

if (require.main === module) {
  (async () => {
    const out = await buildPackage(valuesFromEnv(process.env));
    console.log(`Manifest valid. Teams app package written to ${out}`);
  })().catch((e) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
