/**
 * Lexical similarity: TF-IDF vectors over stemmed content words, compared by cosine. IDF is computed
 * over the examples the matcher indexes, so words every topic uses ("child", "worried") count for
 * little and words that pick out a topic ("bruises", "roll", "LADO") count for a lot.
 */
export type SparseVector = ReadonlyMap<string, number>;

export interface LexicalIndex {
  vector(terms: readonly string[]): SparseVector;
}

export function buildLexicalIndex(docs: readonly (readonly string[])[]): LexicalIndex {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  // Terms no example uses still carry some weight, so an unseen word lowers the cosine.
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  return {
    vector(terms) {
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      let norm = 0;
      const out = new Map<string, number>();
      for (const [t, c] of tf) {
        const w = (1 + Math.log(c)) * idf(t);
        out.set(t, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [t, w] of out) out.set(t, w / norm);
      return out;
    },
  };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const o = big.get(t);
    if (o) s += w * o;
  }
  return s;
}
