import MiniSearch from 'minisearch';
import type { QueriesContent, Topic } from '../../content/schema/queries';
import { contentTerms, normalise, stem, STOPWORDS } from './normalise';

export interface Match {
  /** A topic id, `glossary:<ACRONYM>`, or `unknown`. */
  topic: string;
  confidence: number;
  /** The next best topics, for "did you mean" buttons when confidence is low. */
  alternatives: { topic: string; confidence: number }[];
  /** Why: the question's words that matched, for the business unit's review. */
  matchedTerms: string[];
}

/** Below this the bot says it is not sure and offers the best topics plus "Ask the business unit". */
export const CONFIDENT = 0.55;
/** Below this the question is `unknown`. Tuned on test/queries/testData/phrasings.json. */
export const UNKNOWN_BELOW = 0.34;

const ACRONYM_QUESTION = [
  /\bwhat\s+(?:does|do|did)\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\s+(?:stand\s+for|mean)\b/i,
  /\bwhat\s+is\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\s+(?:short\s+for|an?\s+(?:acronym|abbreviation)\s+for)\b/i,
  /\b(?:meaning|definition)\s+of\s+(?:an?\s+|the\s+)?([a-z][a-z0-9]{1,7})\b/i,
  /^\s*([a-z][a-z0-9]{1,7})\s+(?:stands\s+for|means|meaning)\s*\??\s*$/i,
  /\bacronym\s+([a-z][a-z0-9]{1,7})\b/i,
  /^\s*([a-z][a-z0-9]{1,7})\s*\?+\s*$/i,
];

interface Doc {
  id: string;
  title: string;
  phrasings: string;
  keywords: string;
}

function topicDoc(t: Topic): Doc {
  return { id: t.id, title: normalise(t.title), phrasings: t.phrasings.map(normalise).join(' | '), keywords: t.keywords.map(normalise).join(' ') };
}

/**
 * The queries matcher: local and explainable. Acronym questions go straight to the glossary; other
 * questions are searched with MiniSearch (BM25, prefix and fuzzy matching) over each topic's title,
 * example phrasings and keywords. Confidence combines how many of the question's meaningful words
 * matched with how clearly the best topic beat the next.
 */
export function createMatcher(content: QueriesContent) {
  const glossary = new Map(content.glossary.map((g) => [g.acronym.toLowerCase(), g]));
  const search = new MiniSearch<Doc>({
    fields: ['title', 'phrasings', 'keywords'],
    storeFields: ['id'],
    processTerm: (term) => {
      const t = term.toLowerCase();
      return STOPWORDS.has(t) ? null : stem(t);
    },
    searchOptions: { boost: { keywords: 2, title: 1.5, phrasings: 1 }, prefix: (t) => t.length >= 5, fuzzy: (t) => (t.length >= 9 ? 2 : t.length >= 5 ? 1 : 0), combineWith: 'OR' },
  });
  search.addAll(content.topics.map(topicDoc));

  function glossaryMatch(question: string): Match | undefined {
    for (const re of ACRONYM_QUESTION) {
      const m = re.exec(question.trim());
      const entry = m ? glossary.get(m[1].toLowerCase()) : undefined;
      if (entry) return { topic: `glossary:${entry.acronym}`, confidence: 0.95, alternatives: [], matchedTerms: [entry.acronym] };
    }
    return undefined;
  }

  function match(question: string): Match {
    const direct = glossaryMatch(question);
    if (direct) return direct;
    const terms = [...new Set(contentTerms(question))];
    if (terms.length === 0) return { topic: 'unknown', confidence: 0, alternatives: [], matchedTerms: [] };
    const results = search.search(normalise(question));
    if (results.length === 0) {
      // A bare acronym inside a question ("is MARAC for me?") still deserves its glossary entry.
      const acronym = terms.map((t) => glossary.get(t)).find(Boolean);
      if (acronym) return { topic: `glossary:${acronym.acronym}`, confidence: 0.6, alternatives: [], matchedTerms: [acronym.acronym] };
      return { topic: 'unknown', confidence: 0, alternatives: [], matchedTerms: [] };
    }
    const top = results[0];
    const matched = [...new Set(top.queryTerms)];
    const coverage = Math.min(1, matched.length / terms.length);
    const second = results[1]?.score ?? 0;
    const margin = (top.score - second) / top.score;
    const strength = Math.min(1, top.score / 12);
    const score = (r: { score: number; queryTerms: string[] }) =>
      Number(Math.min(1, 0.55 * Math.min(1, new Set(r.queryTerms).size / terms.length) + 0.25 * Math.min(1, r.score / 12) + 0.2 * ((r.score - second) / top.score)).toFixed(3));
    const confidence = Number(Math.min(1, 0.55 * coverage + 0.25 * strength + 0.2 * margin).toFixed(3));
    const alternatives = results.slice(1, 3).map((r) => ({ topic: String(r.id), confidence: Math.max(0, score(r)) }));
    if (confidence < UNKNOWN_BELOW) return { topic: 'unknown', confidence, alternatives: [{ topic: String(top.id), confidence }, ...alternatives].slice(0, 3), matchedTerms: matched };
    return { topic: String(top.id), confidence, alternatives, matchedTerms: matched };
  }

  return { match };
}

export type Matcher = ReturnType<typeof createMatcher>;
