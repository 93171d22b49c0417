import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expandCard, listTemplates, sampleData } from '../cards/expand';

/**
 * `npm run --silent cards:samples -- <dir>`: writes every card template expanded with its sample data
 * as <dir>/<feature>-<name>.json, for review in the Adaptive Cards designer or the tests.
 */
function main() {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npm run --silent cards:samples -- <output directory>');
    process.exit(2);
  }
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  let count = 0;
  for (const ref of listTemplates()) {
    const card = expandCard(ref.feature, ref.name, sampleData(ref));
    writeFileSync(join(out, `${ref.feature}-${ref.name}.json`), `${JSON.stringify(card, null, 2)}\n`);
    count++;
  }
  console.log(`${count} cards written to ${out}`);
}

main();
