import type { Services } from '../core/contract';
import type { PhrasingBank } from '../../content/schema/phrasings';
import { allExamples, taughtExamples } from './examples';
import { buildMatcher, type Matcher } from './matcher';
import { loadWordVectors, type WordVectors } from './semantic/word-vectors';

/**
 * One bot's matcher. The word vectors load on the first question (about 80 ms from the cache, not at
 * start-up); the matcher is trained then, and again only when the set of taught phrasings changes
 * (the content-override store's version tells every instance when to look). Per bot, never module
 * state: two bots in one process share nothing.
 */
export class MatcherSource {
  private vectors?: Promise<WordVectors | undefined>;
  private built?: { key: string; matcher: Promise<Matcher> };
  private bank?: PhrasingBank;

  /** `loadBank` runs on the first question too, so start-up reads no phrasing files. */
  constructor(
    private readonly services: Services,
    private readonly loadBank: () => PhrasingBank,
  ) {}

  private loadVectors(): Promise<WordVectors | undefined> {
    this.vectors ??= loadWordVectors().then(
      (r) => {
        this.services.log.info({ event: 'queries.vectors', from: r.from, ms: r.ms, words: r.vectors.size }, 'word vectors loaded');
        return r.vectors;
      },
      (e: unknown) => {
        // Still answer, lexically, rather than fail every question.
        this.services.log.error({ event: 'queries.vectors', err: (e as Error).message }, 'word vectors could not be loaded: matching by words only');
        return undefined;
      },
    );
    return this.vectors;
  }

  /** The matcher for the taught phrasings active now. */
  async current(): Promise<Matcher> {
    const snapshot = await this.services.overrides.current();
    const taught = taughtExamples(snapshot.active);
    const key = snapshot.active.filter((o) => o.kind === 'phrasing' && o.action === 'teach').map((o) => o.id).sort().join(',');
    if (!this.built || this.built.key !== key) {
      const content = this.services.content.queries;
      const started = Date.now();
      const bank = (this.bank ??= this.loadBank());
      const matcher = this.loadVectors().then((vectors) => buildMatcher({ content, examples: allExamples(content, bank, taught), vectors }));
      this.built = { key, matcher };
      matcher.then(
        (m) => this.services.log.info({ event: 'queries.matcher', phrasings: m.size, taught: taught.length, ms: Date.now() - started }, 'matcher trained'),
        () => {
          // A failed build is retried on the next question.
          if (this.built?.matcher === matcher) this.built = undefined;
        },
      );
    }
    return this.built.matcher;
  }
}
