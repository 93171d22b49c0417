import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { offlineMatcher } from '../bot/queries/offline';

/**
 * `npm run --silent ask -- --json`: one question per line on stdin, one JSON line per question on
 * stdout: `question`, `topic`, `confidence`, `answered` (true when the bot would show that topic's
 * answer card outright) and `alternatives`. `--taught <file>` adds taught phrasings ([{topic, text}]),
 * `--lexical` leaves the word vectors out. The matcher is built once.
 */
async function main() {
  const json = process.argv.includes('--json');
  const i = process.argv.indexOf('--taught');
  const taught = i >= 0 ? (JSON.parse(readFileSync(process.argv[i + 1], 'utf8')) as { topic: string; text: string }[]) : [];
  const matcher = await offlineMatcher({ taught, lexical: process.argv.includes('--lexical') });
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const question of rl) {
    const { topic, confidence, answered, alternatives } = matcher.match(question);
    process.stdout.write(json ? `${JSON.stringify({ question, topic, confidence, answered, alternatives })}\n` : `${answered ? 'ANSWER' : 'unsure'}\t${topic}\t${confidence.toFixed(2)}\t${question}\n`);
  }
}

main().catch((e) => {
  console.error(`ask: ${(e as Error).message}`);
  process.exit(1);
});
