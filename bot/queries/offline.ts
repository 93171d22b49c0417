import { defaultContentPack } from '../../content/load';
import { loadPhrasingBank } from '../../content/phrasing-bank';
import { allExamples, type Example } from './examples';
import { createMatcher, type Matcher } from './matcher';
import { loadWordVectors } from './semantic/word-vectors';

/**
 * The bot's matcher outside the bot (the `ask` script): the default pack, the phrasing bank, the word
 * vectors and, when given, phrasings taught in Teams (an export of the `taught` list).
 */
export async function offlineMatcher(opts: { taught?: { topic: string; text: string }[]; lexical?: boolean } = {}): Promise<Matcher> {
  const content = defaultContentPack().queries;
  const taught: Example[] = (opts.taught ?? []).map((t) => ({ topic: t.topic, text: t.text, source: 'taught' }));
  const vectors = opts.lexical ? undefined : (await loadWordVectors()).vectors;
  return createMatcher({ content, examples: allExamples(content, loadPhrasingBank(), taught), vectors });
}
