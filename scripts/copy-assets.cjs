// Copies what the compiled bot reads from disk at run time next to its JavaScript in dist/:
// card templates, content packs, the phrasing bank, and the embedded Cosmos worker. Run by `npm run build` after tsc.
const { cpSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const copies = [
  ['cards', (f) => f.endsWith('.json') && !f.endsWith('.sample.json')],
  ['content/packs', () => true],
  ['content/phrasings', () => true],
  ['storage/embedded-worker.cjs', () => true],
];
for (const [from, keep] of copies) {
  const target = join(root, 'dist', from);
  mkdirSync(join(target, '..'), { recursive: true });
  cpSync(join(root, from), target, { recursive: true, filter: (src) => !/\.(json|cjs)$/.test(src) || keep(src) });
}
