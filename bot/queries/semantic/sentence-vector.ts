import type { WordVectors } from './word-vectors';

/**
 * A sentence's meaning as one vector: the smooth-inverse-frequency average of its words' vectors
 * (Arora, Liang and Ma, 2017), so "flinched" and "bruises" count for more than "went" or "said".
 * A word's frequency comes from its rank in the vectors' vocabulary (Zipf's law), so no extra data
 * is needed. Words the vectors do not know are tried in their US spelling ("sexualised").
 */
const SIF_A = 1e-3;
/** Harmonic number of the source vocabulary (341,479 words): turns a rank into a probability. */
const ZIPF_H = Math.log(341_479) + 0.5772;

function variants(word: string): string[] {
  const out = [word];
  if (/is(e|ed|es|ing|ation|ations)$/.test(word)) out.push(word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1'));
  if (/our$|ours$|oured$/.test(word)) out.push(word.replace(/our(s|ed)?$/, 'or$1'));
  if (word.includes('ae')) out.push(word.replace('ae', 'e'));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

export interface SentenceVector {
  vector: Float32Array;
  /** Words that had a vector. */
  known: number;
}

export function sentenceVector(vectors: WordVectors, words: readonly string[]): SentenceVector {
  const out = new Float32Array(vectors.dims);
  let known = 0;
  for (const w of words) {
    let row: number | undefined;
    for (const v of variants(w)) {
      row = vectors.row(v);
      if (row !== undefined) break;
    }
    if (row === undefined) continue;
    const p = 1 / ((row + 1) * ZIPF_H);
    vectors.addTo(out, row, SIF_A / (SIF_A + p));
    known++;
  }
  let norm = 0;
  for (let d = 0; d < out.length; d++) norm += out[d] * out[d];
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < out.length; d++) out[d] /= norm;
  return { vector: out, known };
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[d];
  return s;
}
