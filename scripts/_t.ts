import { defaultContentPack } from '../content/load';
import { loadPhrasingBank } from '../content/phrasing-bank';
import { createMatcher } from '../bot/queries/matcher';
import { allExamples } from '../bot/queries/examples';
import { loadWordVectors } from '../bot/queries/semantic/word-vectors';
(async () => {
  const content = defaultContentPack().queries;
  const bank = loadPhrasingBank();
  const { vectors } = await loadWordVectors();
  for (const epochs of [150, 80]) {
    const t = Date.now();
    const m = createMatcher({ content, examples: allExamples(content, bank), vectors, tuning: { epochs } });
    const b = Date.now() - t;
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) m.match('a year 7 boy has bruises on his back and flinched when I raised my hand');
    console.log(epochs, 'build ms', b, 'examples', m.size, 'match ms', Number(process.hrtime.bigint() - t2) / 1e8);
  }
  console.log(process.memoryUsage().rss / 1e6);
})();
