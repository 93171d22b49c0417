import { checkPack, passes, type PackCheck } from '../content/check';
import { listPacks } from '../content/load';

/**
 * `npm run --silent pack:check -- <pack>` (or `--all`): validates a content pack and prints what is
 * missing, what is still to be confirmed, and any words that belong to another partnership's pack.
 * Exit code 0 when the pack passes (to-confirm items do not fail it), 1 when it does not, 2 on usage.
 */
export function formatCheck(c: PackCheck): string {
  const lines: string[] = [`Pack ${c.pack}: ${passes(c) ? 'passes' : 'FAILS'} (${c.facts} facts, ${c.toConfirm.length} to confirm)`];
  const section = (title: string, items: string[]) => {
    lines.push('', `${title}: ${items.length ? items.length : 'none'}`);
    for (const i of items) lines.push(`  - ${i}`);
  };
  section('Schema and file errors', c.errors);
  section('Facts with no source and nothing to confirm', c.missing.map((f) => `${f.id} (${f.file}.json): ${f.label}`));
  section('Sources citing an unknown document', c.unknownSources.map((u) => `${u.fact.id}: "${u.doc}" is not in sources.json nor a national document`));
  section('References that do not resolve', c.references);
  section('Words of another partnership', c.foreign.map((f) => `${f.file} at ${f.path}: "${f.word}" (pack ${f.pack})`));
  section('To confirm', c.toConfirm.map((f) => `${f.id}: ${f.label}. ${f.holder.toConfirm}`));
  section('Warnings', c.warnings);
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const packs = args.includes('--all') ? listPacks() : args.filter((a) => !a.startsWith('-'));
  if (packs.length === 0) {
    console.error(`Usage: npm run --silent pack:check -- <pack> | --all   (packs: ${listPacks().join(', ')})`);
    process.exit(2);
  }
  let ok = true;
  for (const pack of packs) {
    const c = checkPack(pack);
    ok &&= passes(c);
    console.log(formatCheck(c));
    console.log('');
  }
  process.exit(ok ? 0 : 1);
}

if (require.main === module) main();
