import { createInterface } from 'node:readline';
import { checkChildIdentifying } from '../bot/shared/privacy/child-identifying';

/**
 * `npm run --silent pii -- --json`: one text per line on stdin, one verdict per line on stdout, using
 * the same guard as the bot. Without --json it prints a readable line per text.
 */
async function main() {
  const json = process.argv.includes('--json');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const { flagged, kinds } = checkChildIdentifying(line);
    process.stdout.write(json ? `${JSON.stringify({ flagged, kinds })}\n` : `${flagged ? `FLAGGED (${kinds.join(', ')})` : 'ok'}\t${line}\n`);
  }
}

main().catch((e) => {
  console.error(`pii: ${(e as Error).message}`);
  process.exit(1);
});
