import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import AdmZip from 'adm-zip';
import { fillManifest, validateManifest, valuesFromEnv, buildPackage } from '../../scripts/package-app';

const APP = join(__dirname, '..', '..', 'appPackage');
const values = { MicrosoftAppId: '6f1b2c3d-1111-4222-8333-944445555666', TEAMS_APP_ID: '6f1b2c3d-1111-4222-8333-944445555666', BOT_DOMAIN: 'bot.example.org' };
const template = readFileSync(join(APP, 'manifest.json'), 'utf8');

/** Decodes an 8-bit RGBA PNG (what scripts/make-icons.ts writes) into width, height and pixels. */
function decodePng(buf: Buffer) {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('ascii', off + 4, off + 8);
    if (type === 'IDAT') idat.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
  return { width, height, colorType: buf[25], px };
}

describe('Teams app package', () => {
  it('validates offline against the bundled v1.19 schema', async () => {
    const manifest = fillManifest(template, values) as Record<string, any>;
    expect(manifest.manifestVersion).toBe('1.19');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('offers the bot in personal, team and group chat with command lists for each', () => {
    const manifest = fillManifest(template, values) as Record<string, any>;
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(values.MicrosoftAppId);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = bot.commandLists.find((l: any) => l.scopes.includes('personal')).commands.map((c: any) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['help', 'my actions', 'tracker', 'escalation route', 'briefings', 'new briefing', 'new meeting', 'audit summary']));
    expect(manifest.validDomains).toEqual(['bot.example.org']);
  });

  it('reports schema errors instead of building a broken package', async () => {
    const manifest = fillManifest(template, values) as Record<string, any>;
    manifest.name.short = 'x'.repeat(40);
    const errors = await validateManifest(manifest);
    expect(errors.join('\n')).toMatch(/name\/short/);
  });

  it('refuses to build without a bot app id', () => {
    expect(() => valuesFromEnv({})).toThrow(/MicrosoftAppId/);
    expect(() => valuesFromEnv({ MicrosoftAppId: 'not-a-guid' })).toThrow(/GUID/);
  });

  it('has a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = decodePng(readFileSync(join(APP, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(readFileSync(join(APP, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    expect(outline.px(0, 0)[3]).toBe(0);
    let opaque = 0;
    for (let y = 0; y < 32; y++)
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.px(x, y);
        if (a > 0) {
          opaque++;
          expect([r, g, b]).toEqual([255, 255, 255]);
        }
      }
    expect(opaque).toBeGreaterThan(50);
  });

  it('zips the filled manifest and both icons', async () => {
    const out = await buildPackage(values, mkdtempSync(join(tmpdir(), 'pkg-')));
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.readAsText('manifest.json')).id).toBe(values.TEAMS_APP_ID);
  });
});
