/**
 * Cold-start benchmark (not a timed test): how long from `npm start` until /healthz answers 200,
 * with the embedded store, over several runs. Build first (`npm run build`): production runs the
 * compiled output.
 *
 *   npm run build && npm run bench:start          5 runs
 *   BENCH_RUNS=10 npm run bench:start
 *
 * The last line printed is one JSON object: runs, medianMs, minMs, maxMs, command.
 */
import { spawn } from 'node:child_process';
import { freePort } from '../test/support/free-port';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COMMAND = process.env.BENCH_START_COMMAND ?? 'npm start';

async function once(): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  // Local, anonymous, embedded store: the same start every developer gets.
  delete env.MicrosoftAppId;
  delete env.COSMOS_ENDPOINT;
  const child = spawn(COMMAND, { shell: true, detached: true, stdio: 'ignore', env });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error('the bot did not become healthy within 60 s');
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}

async function main() {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await once());
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(JSON.stringify({ runs: RUNS, medianMs: Math.round(median), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]), command: COMMAND }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
