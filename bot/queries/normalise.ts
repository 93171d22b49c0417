/**
 * Text normalisation for the matcher: people write UK and US spellings, slang, contractions and
 * typos. Everything is folded to one vocabulary before MiniSearch sees it, so the same words match.
 */
const REPLACEMENTS: [RegExp, string][] = [
  [/\bbehavior\b/g, 'behaviour'],
  [/\borganization/g, 'organisation'],
  [/\bprogram\b/g, 'programme'],
  [/\bcenter\b/g, 'centre'],
  [/\bkids?\b/g, 'child'],
  [/\bkiddos?\b/g, 'child'],
  [/\bteens?\b|\bteenagers?\b|\byoung people\b|\byoung person\b|\byp\b/g, 'child'],
  [/\bpupils?\b|\bstudents?\b/g, 'pupil'],
  [/\bcops?\b|\bold bill\b|\bfeds\b/g, 'police'],
  [/\bsocial services\b|\bsocials\b|\bss\b/g, 'social care'],
  [/\bmum\b|\bmom\b|\bdad\b|\bparents?\b|\bcarers?\b/g, 'parent'],
  [/\bbf\b|\bboyfriend\b|\bgirlfriend\b|\bpartner\b/g, 'partner'],
  [/\bdv\b/g, 'domestic violence'],
  [/\bthreshhold|\bthresh hold|\bthrehold|\bthreshold\b/g, 'threshold'],
  [/\bescallat|\bescelat|\besculat/g, 'escalat'],
  [/\bneglegence\b|\bneglet\b|\bnegelct\b|\bneglect(ed|ful)\b/g, 'neglect'],
  [/\bgroomin\b/g, 'grooming'],
  [/\bselfharm(ing)?\b|\bself-harm(ing)?\b/g, 'self harm'],
  [/\bkys\b/g, 'suicide'],
  [/\b7\s*-?\s*min(ute)?\b/g, 'seven minute'],
  [/\bwhats\b/g, 'what is'],
  [/\bwhat's\b/g, 'what is'],
  [/\bwho's\b/g, 'who is'],
  [/\bdon't\b/g, 'do not'],
  [/\bi'm\b/g, 'i am'],
  [/\bcan't\b/g, 'cannot'],
  [/\bplz\b|\bpls\b/g, 'please'],
  [/\bu\b/g, 'you'],
  [/\bref\b/g, 'referral'],
];

export function normalise(text: string): string {
  let t = text.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019]/g, "'");
  for (const [re, to] of REPLACEMENTS) t = t.replace(re, to);
  return t.replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words that say nothing about the topic; they are not counted when judging how well a question matched. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at for from by with about as into over after before is are was were be been being am do does did ' +
    'have has had i me my we our you your he she they them their his her it its this that these those there here what which who whom whose ' +
    'how when where why can could should would will shall may might must need want know tell please help hi hello hey thanks thank ' +
    'get got go going say said think worried worry concern concerned concerns some any all just really very so not no yes ok okay ' +
    'child children pupil family someone somebody person people one thing things something anything now then also still again ' +
    'like last time today tomorrow yesterday week weeks lot lots good bad new old big little next first night day year much many'
  ).split(' '),
);

/** A light stemmer: enough to fold plurals and -ing/-ed forms without a dependency. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, repl] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length) + repl;
  }
  return word;
}

export function tokens(text: string): string[] {
  return normalise(text).split(' ').filter(Boolean);
}

export function contentTerms(text: string): string[] {
  return tokens(text)
    .filter((t) => !STOPWORDS.has(t))
    .map(stem);
}

/**
 * Words for the sentence vector: normalised, stop words out, not stemmed (the vectors know "bruises"
 * and "bruised" as themselves). Hyphenated words are split so "self-harm" finds "self" and "harm".
 */
export function semanticWords(text: string): string[] {
  return tokens(text)
    .flatMap((t) => t.split(/[-']/))
    .filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/**
 * Words the classifier learns from. Lighter than `contentTerms`: it keeps the small words that tell
 * neighbouring harm topics apart ("now", "tonight", "just", "no", "not", "her", "him", "me") and keeps
 * mothers and fathers apart ("dad hit mum" is domestic abuse, "dad hit him" is harm to the child),
 * which the lexical index folds into "parent".
 */
const MODEL_STOPWORDS: ReadonlySet<string> = new Set('a an the and or of to in on at for from by with is are was were be been being am it its this that these those there here as into'.split(' '));

export function modelTerms(text: string): string[] {
  const people = text.replace(/\b(mum|mummy|mom|mommy|mam)\b/gi, 'mother').replace(/\b(dad|daddy)\b/gi, 'father');
  return tokens(people)
    .flatMap((t) => t.split("'"))
    .filter((t) => t.length > 1 && !MODEL_STOPWORDS.has(t))
    .map(stem);
}
