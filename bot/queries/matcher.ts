import type { QueriesContent } from '../../content/schema/queries';
import { OFF_TOPIC } from '../../content/schema/phrasings';
import { contentTerms, modelTerms, semanticWords } from './normalise';
import { buildLexicalIndex, cosine, type SparseVector } from './lexical';
import { dot, sentenceVector } from './semantic/sentence-vector';
import type { WordVectors } from './semantic/word-vectors';
import type { Example } from './examples';
import { MATCH_TUNING } from './consts';
import { cues } from './cues';
import { features, runSteps, runStepsAsync, trainingSteps, type Classifier, type TrainingRow } from './classifier';

export interface Match {
  /** A topic id, `glossary:<ACRONYM>`, `off-topic`, or `unknown`. */
  topic: string;
  confidence: number;
  /** True when the bot shows this topic's answer card outright. */
  answered: boolean;
  /** The next best topics, for "did you mean" buttons and the risk card. */
  alternatives: { topic: string; confidence: number }[];
  /** Why: the question's words that matched the nearest phrasing, for the business unit's review. */
  matchedTerms: string[];
  /** The indexed phrasing closest to the question (explains the match). */
  nearest?: string;
}

export interface MatchTuning {
  /** `model`: a trained softmax classifier (with near-exact recall of indexed phrasings); `neighbours`: nearest phrasings only. */
  method: 'model' | 'neighbours';
  /** Model: training epochs, Adam learning rate, L2 penalty, weight of the sentence vector's dimensions, and of a taught phrasing. */
  epochs: number;
  learningRate: number;
  l2: number;
  semanticScale: number;
  taughtWeight: number;
  /** Model: share of the final confidence taken from the nearest phrasings' vote (0 = the classifier alone). */
  neighbourBlend: number;
  /** Model: add the situation cues (`cues.ts`) as features. */
  cues: boolean;
  /** Model: weight each topic's phrasings so every topic counts the same in training. */
  balanceTopics: boolean;
  /** Model: word pairs up to this many words apart. */
  pairWindow: number;
  /** Model: which words the classifier sees: `light` keeps small words and mothers and fathers apart, `content` the lexical index's words. */
  modelWords: 'light' | 'content';
  /** Model: a question this similar to an indexed phrasing takes that phrasing's topic (taught phrasings work at once). */
  recallSimilarity: number;
  /** Weight of lexical similarity against semantic similarity for each indexed phrasing (0..1). */
  lexicalWeight: number;
  /** A topic's score: `maxWeight` × its best phrasing + the rest × the mean of its best `topK`. */
  topK: number;
  maxWeight: number;
  /** Softmax temperature that turns topic scores into a confidence. */
  temperature: number;
  /** Answered outright only at or above this confidence ... */
  confident: number;
  /** ... and only when the best phrasing is at least this similar. */
  minSimilarity: number;
  /** Below this best similarity the question is `unknown`. */
  unknownBelow: number;
}

const ACRONYM_QUESTION = [
  /\bwhat\s+(?:does|do|did)\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\s+(?:stand\s+for|mean)\b/i,
  /\bwhat\s+is\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\s+(?:short\s+for|an?\s+(?:acronym|abbreviation)\s+for)\b/i,
  /\b(?:meaning|definition)\s+of\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\b/i,
  /^\s*([a-z][a-z0-9]{1,7})\s+(?:stands\s+for|means|meaning)\s*\??\s*$/i,
  /\bacronym\s+([a-z][a-z0-9]{1,7})\b/i,
  /^\s*([a-z][a-z0-9]{1,7})\s*\?+\s*$/i,
];

interface Indexed {
  topic: string;
  text: string;
  source: Example['source'];
  terms: string[];
  /** The classifier's words (see `modelTerms`) and cues (see `cues.ts`). */
  words: { words: string[]; cues: string[] };
  lex: SparseVector;
  sem?: Float32Array;
}

export interface MatcherInput {
  content: QueriesContent;
  examples: readonly Example[];
  /** Word vectors; without them the matcher is lexical only (and says so in its figures). */
  vectors?: WordVectors;
  tuning?: Partial<MatchTuning>;
}

const UNKNOWN = (confidence = 0, alternatives: Match['alternatives'] = []): Match => ({ topic: 'unknown', confidence, answered: false, alternatives, matchedTerms: [] });

/** Stemmed words plus adjacent pairs ("home alone", "county line"), which carry more than either word. */
function grams(terms: readonly string[], window = 1): string[] {
  const out = [...terms];
  for (let i = 1; i < terms.length; i++) for (let j = Math.max(0, i - window); j < i; j++) out.push(`${terms[j]}_${terms[i]}`);
  return out;
}

function centroid(vs: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(vs[0]?.length ?? 0);
  for (const v of vs) for (let d = 0; d < out.length; d++) out[d] += v[d];
  const norm = Math.sqrt(out.reduce((a, x) => a + x * x, 0)) || 1;
  return out.map((x) => x / norm);
}

interface Scored {
  topic: string;
  score: number;
}

/**
 * The queries matcher: local and explainable. Acronym questions go straight to the glossary. Other
 * questions go to a softmax classifier trained in-process on every indexed phrasing (the bank, the
 * pack's own phrasings, and the phrasings the business unit taught) over stemmed words, word pairs
 * and the sentence's meaning from word vectors. A question that is nearly identical to an indexed
 * phrasing takes that phrasing's topic, so a phrasing the business unit teaches works at once.
 * `off-topic` is a class like any other, learnt from IT, HR and facilities requests. The confidence
 * is the winning topic's probability: a question halfway between two topics is never answered outright.
 */
export function createMatcher(input: MatcherInput): Matcher {
  return runSteps(matcherSteps(input));
}

/** The same matcher, built without blocking the event loop for the whole training. */
export function buildMatcher(input: MatcherInput): Promise<Matcher> {
  return runStepsAsync(matcherSteps(input));
}

export interface Matcher {
  match(question: string): Match;
  /** The topics it can name (answer topics and off-topic). */
  topics: readonly string[];
  /** Phrasings indexed. */
  size: number;
}

/** Examples per step while indexing: each is stemmed, cued and given a sentence vector. */
const EXAMPLES_PER_STEP = 100;

/** `items.map(f)` in steps, so indexing a large bank never holds the event loop for long. */
function* mapInSteps<T, U>(items: readonly T[], f: (item: T) => U): Generator<void, U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % EXAMPLES_PER_STEP === 0) yield;
    out.push(f(items[i]));
  }
  return out;
}

function* matcherSteps(input: MatcherInput): Generator<void, Matcher> {
  const tuning: MatchTuning = { ...MATCH_TUNING, ...input.tuning };
  const { content, vectors } = input;
  const glossary = new Map(content.glossary.map((g) => [g.acronym.toLowerCase(), g]));
  const withTerms = (yield* mapInSteps(input.examples, (e) => ({ ...e, terms: contentTerms(e.text) }))).filter((e) => e.terms.length > 0);
  const lexical = buildLexicalIndex(withTerms.map((e) => e.terms));
  /** The classifier's words: word pairs are made from them; cues are added after, unpaired. */
  const classifierWords = (text: string, terms: string[]) => ({ words: tuning.modelWords === 'light' ? modelTerms(text) : terms, cues: tuning.cues ? cues(text) : [] });
  const lexWeight = vectors ? tuning.lexicalWeight : 1;
  const index: Indexed[] = yield* mapInSteps(withTerms, (e) => ({
    topic: e.topic,
    text: e.text,
    source: e.source,
    terms: e.terms,
    words: classifierWords(e.text, e.terms),
    lex: lexical.vector(e.terms),
    sem: vectors ? sentenceVector(vectors, semanticWords(e.text)).vector : undefined,
  }));
  const gramsOf = (w: Indexed['words']) => [...grams(w.words, tuning.pairWindow), ...w.cues];
  const topics = [...new Set(index.map((e) => e.topic))].sort();
  const model = tuning.method === 'model' && topics.length > 1 ? yield* trainModel() : undefined;

  function* trainModel() {
    // Features: stemmed words and word pairs seen in the index, then the question's semantic
    // similarity to each topic's centroid (a handful of dense features instead of 100 dimensions).
    const vocab = new Map<string, number>();
    for (const e of index) for (const g of gramsOf(e.words)) if (!vocab.has(g)) vocab.set(g, vocab.size);
    const centroids = vectors ? topics.map((t) => centroid(index.filter((e) => e.topic === t && e.sem).map((e) => e.sem!))) : [];
    const featuresOf = (words: Indexed['words'], sem: Float32Array | undefined) => {
      const x = new Map<number, number>();
      const known = gramsOf(words).filter((g) => vocab.has(g));
      const w = known.length ? 1 / Math.sqrt(known.length) : 0;
      for (const g of known) x.set(vocab.get(g)!, w);
      if (sem) centroids.forEach((c, i) => x.set(vocab.size + i, dot(sem, c) * tuning.semanticScale));
      return features(x);
    };
    // Each topic counts the same in training, however many phrasings it holds, so a topic with twice
    // the phrasings of its neighbour does not win every question that lies between them.
    const perTopic = new Map<string, number>();
    for (const e of index) perTopic.set(e.topic, (perTopic.get(e.topic) ?? 0) + 1);
    const balance = (topic: string) => (tuning.balanceTopics ? index.length / topics.length / perTopic.get(topic)! : 1);
    yield;
    const rows: TrainingRow[] = yield* mapInSteps(index, (e) => ({ x: featuresOf(e.words, e.sem), y: topics.indexOf(e.topic), weight: (e.source === 'taught' ? tuning.taughtWeight : 1) * balance(e.topic) }));
    const classifier: Classifier = yield* trainingSteps(rows, { classes: topics.length, features: vocab.size + centroids.length, epochs: tuning.epochs, learningRate: tuning.learningRate, l2: tuning.l2 });
    return { classifier, featuresOf, known: (words: Indexed['words']) => gramsOf(words).some((g) => vocab.has(g)) };
  }

  function glossaryMatch(question: string): Match | undefined {
    for (const re of ACRONYM_QUESTION) {
      const m = re.exec(question.trim());
      const entry = m ? glossary.get(m[1].toLowerCase()) : undefined;
      if (entry) return { topic: `glossary:${entry.acronym}`, confidence: 0.95, answered: true, alternatives: [], matchedTerms: [entry.acronym] };
    }
    return undefined;
  }

  /** The indexed phrasing most like the question, blending lexical and semantic similarity. */
  function nearest(terms: readonly string[], sem: Float32Array | undefined) {
    const lex = lexical.vector(terms);
    let best: { e: Indexed; sim: number } | undefined;
    const byTopic = new Map<string, number[]>();
    for (const e of index) {
      const l = cosine(lex, e.lex);
      const sim = sem && e.sem ? lexWeight * l + (1 - lexWeight) * Math.max(0, dot(sem, e.sem)) : l;
      if (!best || sim > best.sim) best = { e, sim };
      const list = byTopic.get(e.topic);
      if (list) list.push(sim);
      else byTopic.set(e.topic, [sim]);
    }
    return { best, byTopic };
  }

  /** Neighbours method: a topic scores by its best phrasing and the mean of its best few; softmax gives probabilities. */
  function neighbourScores(byTopic: Map<string, number[]>): Scored[] {
    const raw = [...byTopic].map(([topic, sims]) => {
      const top = sims.sort((a, b) => b - a).slice(0, tuning.topK);
      return { topic, score: tuning.maxWeight * top[0] + ((1 - tuning.maxWeight) * top.reduce((a, b) => a + b, 0)) / top.length };
    });
    const max = Math.max(...raw.map((r) => r.score));
    const exps = raw.map((r) => Math.exp((r.score - max) / tuning.temperature));
    const total = exps.reduce((a, b) => a + b, 0);
    return raw.map((r, i) => ({ topic: r.topic, score: exps[i] / total }));
  }

  function match(question: string): Match {
    const direct = glossaryMatch(question);
    if (direct) return direct;
    const terms = contentTerms(question);
    if (terms.length === 0) return UNKNOWN();
    const semantic = vectors ? sentenceVector(vectors, semanticWords(question)) : undefined;
    const sem = semantic && semantic.known > 0 ? semantic.vector : undefined;
    const near = nearest(terms, sem);
    if (!near.best) return UNKNOWN();
    const words = classifierWords(question, terms);
    let scored: Scored[] = model
      ? Array.from(model.classifier.probabilities(model.featuresOf(words, sem)), (p, i) => ({ topic: topics[i], score: p }))
      : neighbourScores(near.byTopic);
    if (model && tuning.neighbourBlend > 0) {
      // Blend in the nearest phrasings' vote: it remembers odd phrasings that the linear model smooths over.
      const votes = new Map(neighbourScores(near.byTopic).map((s) => [s.topic, s.score]));
      scored = scored.map((s) => ({ topic: s.topic, score: (1 - tuning.neighbourBlend) * s.score + tuning.neighbourBlend * (votes.get(s.topic) ?? 0) }));
    }
    if (model && near.best.sim >= tuning.recallSimilarity) {
      // Recall: a question (nearly) identical to a phrasing the bot already holds takes its topic.
      const recalled = near.best.e.topic;
      const others = scored.filter((s) => s.topic !== recalled);
      const rest = others.reduce((a, s) => a + s.score, 0) || 1;
      const conf = Math.max(near.best.sim, scored.find((s) => s.topic === recalled)?.score ?? 0);
      scored = [{ topic: recalled, score: conf }, ...others.map((s) => ({ topic: s.topic, score: ((1 - conf) * s.score) / rest }))];
    }
    scored.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
    const top = scored[0];
    const confidence = Number(top.score.toFixed(3));
    const alternatives = scored
      .slice(1)
      .filter((a) => a.topic !== OFF_TOPIC)
      .slice(0, 3)
      .map((a) => ({ topic: a.topic, confidence: Number(a.score.toFixed(3)) }));
    const anyKnown = model ? model.known(words) || Boolean(sem) : near.best.sim > 0;
    if (!anyKnown || near.best.sim < tuning.unknownBelow) {
      // Nothing the bot holds is close. A bare acronym inside the question still deserves its glossary entry.
      const acronym = terms.map((t) => glossary.get(t)).find(Boolean);
      if (acronym) return { topic: `glossary:${acronym.acronym}`, confidence: 0.6, answered: true, alternatives: [], matchedTerms: [acronym.acronym] };
      return UNKNOWN(confidence, [{ topic: top.topic, confidence }, ...alternatives].filter((a) => a.topic !== OFF_TOPIC).slice(0, 3));
    }
    const nearestOfTop = index.filter((e) => e.topic === top.topic).reduce<{ e?: Indexed; sim: number }>((acc, e) => {
      const sim = cosine(lexical.vector(terms), e.lex);
      return sim > acc.sim ? { e, sim } : acc;
    }, { sim: -1 });
    const matchedTerms = [...new Set(terms.filter((t) => nearestOfTop.e?.terms.includes(t)))];
    const answered = top.topic !== OFF_TOPIC && confidence >= tuning.confident;
    return { topic: top.topic, confidence, answered, alternatives, matchedTerms, nearest: nearestOfTop.e?.text };
  }

  return { match, topics, size: index.length };
}
