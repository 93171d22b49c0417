import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../storage/embedded';
import { connectStore } from '../../storage/cosmos';
import { ContentRepository } from '../../storage/content/repository';
import { ContentOverrides } from '../../bot/shared/content-overrides';
import { AuditLog } from '../../storage/system/repository';
import { loadPackByName } from '../../content/load';

const root = join(__dirname, '..', '..');

/** Runs a script as `npm run --silent <name> -- ...` would (tsx), without blocking the embedded server's event loop. */
function run(script: string, args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', script), ...args], { env: { ...process.env, COSMOS_ENDPOINT: '', COSMOS_KEY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run pack:check', () => {
  it('passes both packs, listing what is to be confirmed', async () => {
    const r = await run('pack-check.ts', ['--all']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Pack cheshire-east: passes \(\d+ facts, \d+ to confirm\)$/m);
    expect(r.stdout).toMatch(/^Pack cheshire-west-and-chester: passes \(\d+ facts, \d+ to confirm\)$/m);
    expect(r.stdout).toMatch(/- front-door\.phone: Front door phone\. The annual report gives no phone number for iART\./);
    expect(r.stdout).toMatch(/Words of another partnership: none/);
  });

  it('fails with a clear message for a pack that does not exist, and explains its usage', async () => {
    const missing = await run('pack-check.ts', ['nowhere']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/Pack nowhere: FAILS/);
    expect(missing.stdout).toMatch(/There is no content pack "nowhere"\. Packs: cheshire-east, cheshire-west-and-chester\./);
    const usage = await run('pack-check.ts', []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run --silent pack:check -- <pack> \| --all/);
  });
});

describe('npm run content:report', () => {
  let embedded: EmbeddedCosmos;
  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
  });
  afterAll(async () => embedded?.close());

  it('counts facts by kind of source and lists every fact to confirm', async () => {
    const r = await run('content-report.ts', ['cheshire-east']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Facts: \d+\n {2}from the partnership's own documents: \d+\n {2}from national documents: \d+\n {2}to be confirmed: \d+\n {2}with no source and nothing to confirm: 0$/m);
    expect(r.stdout).toMatch(/- group\.partnership-board\.chair \[Partnership board: chair\] \(source: CESCP arrangements, section 8 .+\): The ICB's delegated partner has chaired since June 2024/);
    expect(r.stdout).toMatch(/Overrides in storage: not read \(set COSMOS_ENDPOINT and COSMOS_KEY to include them\)\./);
  });

  it('lists every override in storage when pointed at a Cosmos endpoint', async () => {
    const pack = loadPackByName('cheshire-east');
    const store = await connectStore({ endpoint: embedded.endpoint, key: embedded.key, databaseId: 'report-test', insecureLoopbackTls: true });
    const now = () => new Date('2026-11-29T10:00:00Z');
    const overrides = new ContentOverrides(new ContentRepository(store, pack.partnership.id, now), new AuditLog(store, pack.partnership.id, now), now, pack);
    const actor = { id: 'aad-bu', name: 'Business Unit Officer' };
    await overrides.add({ kind: 'fact', target: 'front-door.phone', action: 'confirm', note: 'checked' }, actor);
    const changed = await overrides.add({ kind: 'fact', target: 'topic.neglect', action: 'change', value: 'New neglect wording' }, actor);
    await overrides.revert(changed.id, actor);
    const r = await run('content-report.ts', ['cheshire-east'], { COSMOS_ENDPOINT: embedded.endpoint, COSMOS_KEY: embedded.key, COSMOS_DATABASE: 'report-test' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Overrides in storage \(2\):/);
    expect(r.stdout).toMatch(/- 2026-11-29T10:00:00.000Z active fact confirm front-door\.phone by Business Unit Officer \(why: checked\)/);
    expect(r.stdout).toMatch(/- 2026-11-29T10:00:00.000Z reverted fact change topic\.neglect by Business Unit Officer: "New neglect wording"; reverted 2026-11-29T10:00:00.000Z/);
  });
});
