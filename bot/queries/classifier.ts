/**
 * A multinomial logistic-regression (softmax) classifier over sparse features, trained in-process
 * with Adam and L2 regularisation. Small and deterministic: about a thousand phrasings and a few
 * thousand features train in a fraction of a second, so a bot can retrain when a phrasing is taught.
 */
export interface Features {
  idx: Int32Array;
  val: Float64Array;
}

export interface TrainingRow {
  x: Features;
  y: number;
  /** How much this row counts (a taught phrasing counts more than one bank phrasing). */
  weight?: number;
}

export interface ClassifierOptions {
  classes: number;
  features: number;
  epochs: number;
  learningRate: number;
  l2: number;
}

export interface Classifier {
  /** Class probabilities for a feature vector. */
  probabilities(x: Features): Float64Array;
}

export function features(entries: Iterable<[number, number]>): Features {
  const list = [...entries];
  return { idx: Int32Array.from(list, (e) => e[0]), val: Float64Array.from(list, (e) => e[1]) };
}

/** Trains to completion. */
export function trainClassifier(rows: readonly TrainingRow[], o: ClassifierOptions): Classifier {
  return runSteps(trainingSteps(rows, o));
}

/** Runs a step generator to completion, synchronously. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a step generator, letting other work (turns, timers) run between steps. */
export async function runStepsAsync<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Epochs between yields: a bot keeps answering other people while it trains. */
const EPOCHS_PER_STEP = 2;

/** Training as steps of a few epochs each, so a bot can train without blocking its event loop. */
export function* trainingSteps(rows: readonly TrainingRow[], o: ClassifierOptions): Generator<void, Classifier> {
  const C = o.classes;
  const W = new Float64Array(o.features * C);
  const b = new Float64Array(C);
  const mW = new Float64Array(W.length);
  const vW = new Float64Array(W.length);
  const mB = new Float64Array(C);
  const vB = new Float64Array(C);
  const gW = new Float64Array(W.length);
  const gB = new Float64Array(C);
  const p = new Float64Array(C);
  const b1 = 0.9;
  const b2 = 0.999;
  const eps = 1e-8;
  const totalWeight = rows.reduce((s, r) => s + (r.weight ?? 1), 0) || 1;
  // Only features some row uses move; the rest stay 0, so the update loop skips them.
  const usedSet = new Set<number>();
  for (const r of rows) for (const f of r.x.idx) usedSet.add(f);
  const used = Int32Array.from(usedSet);

  const forward = (x: Features, out: Float64Array) => {
    for (let c = 0; c < C; c++) out[c] = b[c];
    for (let k = 0; k < x.idx.length; k++) {
      const base = x.idx[k] * C;
      const v = x.val[k];
      for (let c = 0; c < C; c++) out[c] += W[base + c] * v;
    }
    let max = -Infinity;
    for (let c = 0; c < C; c++) if (out[c] > max) max = out[c];
    let sum = 0;
    for (let c = 0; c < C; c++) {
      out[c] = Math.exp(out[c] - max);
      sum += out[c];
    }
    for (let c = 0; c < C; c++) out[c] /= sum;
    return out;
  };

  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    if (epoch % EPOCHS_PER_STEP === 0) yield;
    gW.fill(0);
    gB.fill(0);
    for (const r of rows) {
      forward(r.x, p);
      const w = (r.weight ?? 1) / totalWeight;
      p[r.y] -= 1;
      for (let c = 0; c < C; c++) {
        p[c] *= w;
        gB[c] += p[c];
      }
      for (let k = 0; k < r.x.idx.length; k++) {
        const base = r.x.idx[k] * C;
        const v = r.x.val[k];
        for (let c = 0; c < C; c++) gW[base + c] += p[c] * v;
      }
    }
    const lrT = (o.learningRate * Math.sqrt(1 - b2 ** epoch)) / (1 - b1 ** epoch);
    for (let u = 0; u < used.length; u++) {
      const base = used[u] * C;
      for (let c = 0; c < C; c++) {
        const i = base + c;
        const g = gW[i] + o.l2 * W[i];
        mW[i] = b1 * mW[i] + (1 - b1) * g;
        vW[i] = b2 * vW[i] + (1 - b2) * g * g;
        W[i] -= (lrT * mW[i]) / (Math.sqrt(vW[i]) + eps);
      }
    }
    for (let c = 0; c < C; c++) {
      mB[c] = b1 * mB[c] + (1 - b1) * gB[c];
      vB[c] = b2 * vB[c] + (1 - b2) * gB[c] * gB[c];
      b[c] -= (lrT * mB[c]) / (Math.sqrt(vB[c]) + eps);
    }
  }
  return { probabilities: (x) => forward(x, new Float64Array(C)) };
}
