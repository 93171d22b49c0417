import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('npm run pii -- --json', () => {
  it('writes one verdict per input line with the same guard', () => {
    const input = ['DOB 03/04/2015', 'Meeting on 12/03/2026', '', 'NHS 943 476 5919 and CW1 2BJ'].join('\n');
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'pii.ts'), '--json'], { input, encoding: 'utf8', timeout: 30000 });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { flagged: true, kinds: ['dob'] },
      { flagged: false, kinds: [] },
      { flagged: false, kinds: [] },
      { flagged: true, kinds: ['nhs_number', 'postcode'] },
    ]);
  });
});
