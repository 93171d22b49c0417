import { OFF_TOPIC } from '../../content/schema/phrasings';
import { normalise } from './normalise';
import type { Example } from './examples';
import type { Match } from './matcher';

/**
 * Honest figures for the matcher. Cross-validation: the bank (plus taught phrasings) is split into k
 * folds, stratified by topic; each fold is matched by a matcher built WITHOUT it, so no phrasing is
 * ever measured against an index that holds it. Pack phrasings identical to a measured phrasing are
 * dropped from that fold's index for the same reason. The held-out file is measured the same way but
 * is never indexed at all and never used to choose a knob.
 */
export interface EvalItem {
  topic: string;
  text: string;
}

export interface Outcome {
  text: string;
  /** What the bot would show (answer, risk card, off-topic line, did-you-mean), when measured. */
  reply?: string;
  expected: string;
  predicted: string;
  answered: boolean;
  confidence: number;
}

export interface Figures {
  n: number;
  /** The right topic first (for off-topic requests: not given any partnership topic). */
  top1: number;
  /** Shown the right answer card outright. */
  answeredRight: number;
  /** Shown a wrong answer card outright (off-topic requests answered with a topic count here). */
  answeredWrong: number;
  /** Per expected topic: n, top-1 and what it was mistaken for. */
  perTopic: Record<string, { n: number; top1: number; answeredRight: number; answeredWrong: number; confusedWith: Record<string, number> }>;
}

const round = (x: number) => Number(x.toFixed(4));

/** Right first: the expected topic, or for an off-topic request anything that is not a topic answer. */
export function isRight(o: Pick<Outcome, 'expected' | 'predicted'>): boolean {
  if (o.expected === OFF_TOPIC) return o.predicted === OFF_TOPIC || o.predicted === 'unknown';
  return o.predicted === o.expected;
}

export function outcome(item: EvalItem, m: Match, reply?: (text: string, m: Match) => string): Outcome {
  return { text: item.text, expected: item.topic, predicted: m.topic, answered: m.answered, confidence: m.confidence, reply: reply?.(item.text, m) };
}

/**
 * The safety rules measured: of the harm situations not answered outright, the share that got the
 * risk card; of the off-topic requests, the share shown the red banner (risk card or a risk topic's card).
 */
export function safetyFigures(outcomes: readonly Outcome[], harmTopics: readonly string[], riskTopics: ReadonlySet<string>) {
  const unsureHarm = outcomes.filter((o) => harmTopics.includes(o.expected) && o.reply !== 'answer');
  const offTopic = outcomes.filter((o) => o.expected === OFF_TOPIC);
  const banner = offTopic.filter((o) => o.reply === 'risk' || (o.reply === 'answer' && riskTopics.has(o.predicted)));
  return {
    harmUnsure: unsureHarm.length,
    harmUnsureRiskCard: round(unsureHarm.filter((o) => o.reply === 'risk').length / (unsureHarm.length || 1)),
    offTopic: offTopic.length,
    offTopicBanner: round(banner.length / (offTopic.length || 1)),
    offTopicDismissedPolitely: round(offTopic.filter((o) => o.reply === 'off-topic').length / (offTopic.length || 1)),
  };
}

export function figures(outcomes: readonly Outcome[]): Figures {
  const n = outcomes.length || 1;
  const perTopic: Figures['perTopic'] = {};
  for (const o of outcomes) {
    const t = (perTopic[o.expected] ??= { n: 0, top1: 0, answeredRight: 0, answeredWrong: 0, confusedWith: {} });
    t.n++;
    if (isRight(o)) t.top1++;
    else t.confusedWith[o.predicted] = (t.confusedWith[o.predicted] ?? 0) + 1;
    if (o.answered && isRight(o)) t.answeredRight++;
    if (o.answered && !isRight(o)) t.answeredWrong++;
  }
  for (const t of Object.values(perTopic)) {
    t.top1 = round(t.top1 / t.n);
    t.answeredRight = round(t.answeredRight / t.n);
    t.answeredWrong = round(t.answeredWrong / t.n);
  }
  return {
    n: outcomes.length,
    top1: round(outcomes.filter(isRight).length / n),
    answeredRight: round(outcomes.filter((o) => o.answered && isRight(o)).length / n),
    answeredWrong: round(outcomes.filter((o) => o.answered && !isRight(o)).length / n),
    perTopic,
  };
}

/** A deterministic shuffle (mulberry32), so the folds and the figures repeat run after run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** k folds, each topic's items dealt round the folds so every fold holds every topic. */
export function stratifiedFolds<T extends EvalItem>(items: readonly T[], k: number, seed = 15): T[][] {
  const folds: T[][] = Array.from({ length: k }, () => []);
  const byTopic = new Map<string, T[]>();
  for (const it of items) byTopic.set(it.topic, [...(byTopic.get(it.topic) ?? []), it]);
  let next = 0;
  for (const topic of [...byTopic.keys()].sort()) {
    for (const it of shuffled(byTopic.get(topic)!, seed)) {
      folds[next % k].push(it);
      next++;
    }
  }
  return folds;
}

export interface CrossValidationInput {
  /** What is measured: the bank and any taught phrasings. */
  items: readonly EvalItem[];
  /** Indexed in every fold but never measured: the pack's own titles and phrasings. */
  fixed: readonly Example[];
  k: number;
  seed?: number;
  build: (examples: Example[]) => { match(question: string): Match };
  reply?: (text: string, m: Match) => string;
}

export function crossValidate(input: CrossValidationInput): Outcome[] {
  const folds = stratifiedFolds(input.items, input.k, input.seed);
  const out: Outcome[] = [];
  folds.forEach((test, i) => {
    const testTexts = new Set(test.map((t) => normalise(t.text)));
    const train = folds.flatMap((f, j) => (j === i ? [] : f.map((t) => ({ topic: t.topic, text: t.text, source: 'bank' as const }))));
    const fixed = input.fixed.filter((e) => !testTexts.has(normalise(e.text)));
    const matcher = input.build([...fixed, ...train]);
    for (const item of test) out.push(outcome(item, matcher.match(item.text), input.reply));
  });
  return out;
}

/** Rows of a confusion table: expected topic → predicted topic → count (only mistakes and hits). */
export function confusion(outcomes: readonly Outcome[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const row = (table[o.expected] ??= {});
    const predicted = o.expected === OFF_TOPIC && isRight(o) ? OFF_TOPIC : o.predicted;
    row[predicted] = (row[predicted] ?? 0) + 1;
  }
  return table;
}
