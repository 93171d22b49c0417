import type { ContentPack } from '../../content/load';
import type { TestBot } from '../support/harness';
import { otherPacksWords, foreignWordsIn } from '../../content/check';

/** The agency that counts for a statutory partner, read from the pack (never a hard-coded id). */
export function partnerAgency(pack: ContentPack, partnerId: string): string {
  const a = pack.partnership.agencies.find((x) => x.statutoryPartner === partnerId);
  if (!a) throw new Error(`no agency counts for ${partnerId}`);
  return a.id;
}

/** An agency that is not a statutory partner's (a relevant agency when the pack names one). */
export function otherAgency(pack: ContentPack): string {
  const a = pack.partnership.agencies.find((x) => !x.statutoryPartner && x.relevantAgency) ?? pack.partnership.agencies.find((x) => !x.statutoryPartner);
  if (!a) throw new Error('no agency outside the statutory partners');
  return a.id;
}

/** Every string the bot sent: messages and cards through the connector, plus every invoke response. */
export function everythingSent(bot: TestBot, invokes: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const r of bot.connector.received) if (r.body) out.push(JSON.stringify(r.body));
  for (const i of invokes) out.push(JSON.stringify(i));
  return out;
}

/** Another partnership's words in what a pack's bot sent, with the pack's allowed mentions taken out. */
export function foreignIn(pack: ContentPack, texts: readonly string[]): { word: string; pack: string; where: string }[] {
  const words = otherPacksWords(pack.partnership.id);
  const allowed = pack.sources.allowedForeignWords.map((a) => a.word);
  return texts.flatMap((t) => foreignWordsIn(t, words, allowed).map((w) => ({ ...w, where: t.slice(0, 200) })));
}
