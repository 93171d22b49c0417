import { createInterface } from 'node:readline';
import { defaultContentPack } from '../content/load';
import { createMatcher } from '../bot/queries/matcher';

/**
 * `npm run --silent ask -- --json`: one question per line on stdin, one JSON line per question on
 * stdout with the topic the bot would answer and its confidence. The matcher is built once.
 */
async function main() {
  const json = process.argv.includes('--json');
  const matcher = createMatcher(defaultContentPack().queries);
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const question of rl) {
    const { topic, confidence } = matcher.match(question);
    process.stdout.write(json ? `${JSON.stringify({ question, topic, confidence })}\n` : `${topic}\t${confidence.toFixed(2)}\t${question}\n`);
  }
}

main().catch((e) => {
  console.error(`ask: ${(e as Error).message}`);
  process.exit(1);
});
