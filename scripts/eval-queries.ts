import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPackByName } from '../content/load';
import { loadPhrasingBank } from '../content/phrasing-bank';
import { createMatcher, type MatchTuning } from '../bot/queries/matcher';
import { fixedExamples, type Example } from '../bot/queries/examples';
import { crossValidate, figures, outcome, confusion, safetyFigures, type EvalItem, type Outcome } from '../bot/queries/evaluation';
import { decideReply } from '../bot/queries/safety';
import type { Match } from '../bot/queries/matcher';
import { loadWordVectors, type WordVectors } from '../bot/queries/semantic/word-vectors';

/**
 * `npm run --silent eval:queries`: the matcher's honest figures. k-fold cross-validation over the
 * phrasing bank (content/phrasings) plus, with --taught <file>, phrasings the business unit taught;
 * then the held-out file (test/queries/testData/held-out.json), which the matcher never indexes.
 * Options: --pack NAME (a folder under content/packs; default CONTENT_PACK or cheshire-east), --k N (default 10),
 * --lexical (no word vectors), --sweep (choose knobs by CV only), --safety-misses (where the safety rules failed in CV),
 * --misses (print the mistakes), --table (per-topic confusion). One JSON line is printed last.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

async function main() {
  const k = Number(arg('--k') ?? 10);
  const withHeldOut = !flag('--no-held-out');
  const pack = arg('--pack') ?? process.env.CONTENT_PACK ?? 'cheshire-east';
  const content = loadPackByName(pack).queries;
  const bank = loadPhrasingBank();
  const taughtFile = arg('--taught');
  const taught: EvalItem[] = taughtFile ? (JSON.parse(readFileSync(taughtFile, 'utf8')) as EvalItem[]) : [];
  const items: EvalItem[] = [...bank.phrasings.map((b) => ({ topic: b.topic, text: b.text })), ...taught];
  const fixed = fixedExamples(content, bank);
  const riskTopics = new Set<string>(content.topics.filter((t) => t.risk).map((t) => t.id));
  const reply = (text: string, m: Match) => decideReply(text, m, riskTopics).kind;
  // The harms the safety rule names: injury, sexual harm, self-harm, going missing, exploitation, a child alone.
  const harms = ['immediate-danger', 'sexual-abuse', 'self-harm', 'missing-from-home', 'exploitation', 'neglect', 'domestic-abuse'];
  const heldOut = JSON.parse(readFileSync(join(__dirname, '..', 'test', 'queries', 'testData', 'held-out.json'), 'utf8')) as EvalItem[];
  const started = Date.now();
  const vectors: WordVectors | undefined = flag('--lexical') ? undefined : (await loadWordVectors()).vectors;
  const vectorMs = Date.now() - started;

  // --set key=value,key=value overrides knobs for an experiment (cross-validation only).
  const overrides = Object.fromEntries((arg('--set') ?? '').split(',').filter(Boolean).map((kv) => {
    const [key, value] = kv.split('=');
    return [key, value === 'true' ? true : value === 'false' ? false : Number.isNaN(Number(value)) ? value : Number(value)];
  })) as Partial<MatchTuning>;
  const run = (tuning: Partial<MatchTuning> = overrides, vecs = vectors) => {
    const build = (examples: Example[]) => createMatcher({ content, examples, vectors: vecs, tuning });
    const cv = crossValidate({ items, fixed, k, build, reply });
    // The held-out file is matched only when asked for, so tuning runs never see its figures.
    const full = withHeldOut ? build([...fixed, ...items.map((i) => ({ ...i, source: 'bank' as const }))]) : undefined;
    const held = full ? heldOut.map((h) => outcome(h, full.match(h.text), reply)) : [];
    return { cv, held };
  };

  if (flag('--sweep')) {
    // Knobs chosen on CV figures only: held-out figures are not computed here.
    const rows: string[] = [];
    for (const lexicalWeight of [0.3, 0.4, 0.5, 0.6, 0.7])
      for (const topK of [1, 3, 5])
        for (const maxWeight of [0.3, 0.5, 0.7]) {
          const build = (examples: Example[]) => createMatcher({ content, examples, vectors, tuning: { lexicalWeight, topK, maxWeight } });
          const f = figures(crossValidate({ items, fixed, k, build }));
          rows.push(`${lexicalWeight}\t${topK}\t${maxWeight}\t${f.top1}\t${f.answeredRight}\t${f.answeredWrong}`);
        }
    console.log('lexW\ttopK\tmaxW\ttop1\tright\twrong\n' + rows.join('\n'));
    return;
  }

  const { cv, held } = run();
  const cvF = figures(cv);
  const heldF = figures(held);
  if (flag('--misses')) {
    const show = (label: string, os: Outcome[]) => console.log(`\n${label}\n` + os.filter((o) => o.predicted !== o.expected && !(o.expected === 'off-topic' && o.predicted === 'unknown')).map((o) => `${o.answered ? 'ANSWERED ' : '         '}${o.expected} -> ${o.predicted} (${o.confidence}) ${o.text}`).join('\n'));
    show('cross-validation misses', cv);
    if (flag('--held-out-misses')) show('held-out misses', held);
  }
  if (flag('--safety-misses')) {
    // The safety rules' failures on the bank: harm situations that were unsure and did not get the risk card, off-topic requests shown the banner.
    const harmMissed = cv.filter((o) => harms.includes(o.expected) && o.reply !== 'answer' && o.reply !== 'risk');
    const banner = cv.filter((o) => o.expected === 'off-topic' && (o.reply === 'risk' || (o.reply === 'answer' && riskTopics.has(o.predicted))));
    console.log('\nharm not answered and no risk card\n' + harmMissed.map((o) => `${o.expected} -> ${o.predicted} (${o.confidence}) ${o.reply}: ${o.text}`).join('\n'));
    console.log('\noff-topic shown the red banner\n' + banner.map((o) => `${o.predicted} (${o.confidence}) ${o.reply}: ${o.text}`).join('\n'));
  }
  if (flag('--table')) {
    for (const [label, os] of [['cross-validation', cv], ...(withHeldOut ? [['held-out', held] as const] : [])] as const) {
      console.log(`\n${label}: expected topic | n | top-1 | answered right | answered wrong | mistaken for`);
      const f = figures(os);
      const c = confusion(os);
      for (const [topic, t] of Object.entries(f.perTopic).sort()) {
        const wrong = Object.entries(c[topic]).filter(([p]) => p !== topic).map(([p, n]) => `${p} ${n}`).join(', ');
        console.log(`${topic} | ${t.n} | ${t.top1} | ${t.answeredRight} | ${t.answeredWrong} | ${wrong || '-'}`);
      }
    }
  }
  const summary = (f: ReturnType<typeof figures>, os: Outcome[]) => ({ n: f.n, top1: f.top1, answeredRight: f.answeredRight, answeredWrong: f.answeredWrong, safety: safetyFigures(os, harms, riskTopics) });
  const perTopicMin = Math.min(...Object.entries(bank.phrasings.reduce<Record<string, number>>((a, b) => ({ ...a, [b.topic]: (a[b.topic] ?? 0) + 1 }), {})).map(([, n]) => n));
  console.log(JSON.stringify({ pack, method: vectors ? 'lexical+semantic' : 'lexical', k, bank: items.length, minPerTopic: perTopicMin, taught: taught.length, vectorLoadMs: vectorMs, cv: summary(cvF, cv), heldOut: withHeldOut ? summary(heldF, held) : 'not measured' }));
}

main().catch((e) => {
  console.error(`eval:queries: ${(e as Error).message}`);
  process.exit(1);
});
