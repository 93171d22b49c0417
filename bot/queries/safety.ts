import { OFF_TOPIC } from '../../content/schema/phrasings';
import { normalise } from './normalise';
import type { Match } from './matcher';
import { OFF_TOPIC_CONFIDENT } from './consts';

/**
 * Safe when unsure. A question that describes harm or risk to a child (an injury, sexual harm,
 * self-harm, going missing, exploitation, a child alone) and that the bot is not sure about leads
 * with the immediate-danger line and the front door and offers the best risk topics: never "I don't
 * have an answer". A request that is not the partnership's business (IT, HR, facilities) gets a short
 * "that isn't something I can help with": no red banner, no partnership answer.
 */

/** Topics about harm to a child, offered on the risk card (best first by the matcher, then these). */
export const HARM_TOPICS = ['immediate-danger', 'front-door', 'neglect', 'sexual-abuse', 'self-harm', 'domestic-abuse', 'exploitation', 'missing-from-home', 'missing-education', 'lado', 'serious-incident'] as const;

interface Sign {
  /** Matched against normalised text (lower case, "kids" → "child", "mum"/"dad" → "parent"). */
  pattern: RegExp;
  /** Topics the sign points to when the matcher offers too few. */
  topics: readonly (typeof HARM_TOPICS)[number][];
  /**
   * Strong signs describe harm to a person whatever else is said. Weak ones ("missing", "cut",
   * "alone") also have everyday meanings ("my laptop charger is missing"), so they count only when
   * the matcher does not take the question for an off-topic request.
   */
  strong: boolean;
}

const PERSON = String.raw`(?:him|her|them|me|us|child|baby|toddler|parent|boy|girl|son|daughter|brother|sister|pupil|partner|wife|mother|woman)`;

export const HARM_SIGNS: readonly Sign[] = [
  { pattern: /\b(bruis\w*|injur\w*|fractur\w*|welts?|black eye|bite marks?|flinch\w*|slap\w*|smack\w*|punch\w*|kick(s|ed|ing)?|beat(s|en|ing)? (him|her|them|me|up)|beats|strangl\w*|chok(e|ed|es|ing)|scald\w*|shak(en|ing) (the )?baby)\b/, topics: ['front-door', 'immediate-danger'], strong: true },
  { pattern: new RegExp(String.raw`\b(hurt(s|ing)?|hit(s|ting)?|harm(s|ed|ing)?|attack(s|ed|ing)?|threaten(s|ed|ing)? to (kill|hurt|harm)|assault\w*) (by )?${PERSON}\b`), topics: ['immediate-danger', 'front-door'], strong: true },
  { pattern: /\b(abus\w*|violen\w*|assault\w*|weapon|knife|knives|gun|stab\w*|danger\w*|unsafe|emergency|999)\b/, topics: ['immediate-danger', 'front-door'], strong: true },
  { pattern: /\b(sexual\w*|rap(e|ed|ing)|genital\w*|private parts|naked|nudes?|porn\w*|groom(ed|ing)|molest\w*|touch(es|ed|ing)? (him|her|them|me) (inappropriately|under|in)|inappropriate(ly)? touch\w*|indecent)\b/, topics: ['sexual-abuse', 'exploitation'], strong: true },
  { pattern: /\b(self harm\w*|self injur\w*|suicid\w*|overdos\w*|ligature|kill (him|her|them|my|your)sel(f|ves)|end (his|her|their|my) (own )?life|end it all|want(s|ed)? to die|better off dead|rather be dead|cut(s|ting)? (him|her|them)sel(f|ves)|hang(ed|ing)? (him|her|them)sel(f|ves))\b/, topics: ['self-harm', 'immediate-danger'], strong: true },
  { pattern: /\b(run(ning)? away|ran away|runaway|absconded|(not|never|hasn't|has not|didn't|did not) (come|came|gone|got) home|missing from (home|care|school|education|placement))\b/, topics: ['missing-from-home', 'exploitation'], strong: true },
  { pattern: /\b(exploit\w*|county lines?|traffick\w*|cuckoo\w*|trap house|gangs?|drug (running|dealing|debt)|carry(ing)? drugs)\b/, topics: ['exploitation', 'missing-from-home'], strong: true },
  { pattern: /\b(home alone|left alone|left on (his|her|their) own|unsupervised|abandoned|locked in|no adult)\b/, topics: ['immediate-danger', 'neglect'], strong: true },
  { pattern: /\b(neglect\w*|starving|malnourished|failing to thrive|no food)\b/, topics: ['neglect', 'front-door'], strong: true },
  { pattern: /\b(domestic|coercive|controlling partner)\b/, topics: ['domestic-abuse', 'immediate-danger'], strong: true },
  { pattern: /\b(missing|cuts?|cutting|burns?|burnt|alone|drugs|hungry|marks?|scars?|bleed\w*|blood|died|dead|death|killed)\b/, topics: ['front-door', 'immediate-danger'], strong: false },
];

/** The harm signs a question shows, strongest first. */
export function harmSigns(question: string): Sign[] {
  const text = normalise(question);
  return HARM_SIGNS.filter((s) => s.pattern.test(text)).sort((a, b) => Number(b.strong) - Number(a.strong));
}

export type ReplyKind = 'answer' | 'risk' | 'off-topic' | 'suggest' | 'unknown';

export interface ReplyDecision {
  kind: ReplyKind;
  /** Topics to offer as buttons (risk: 2 or 3 risk topics; suggest: the best guesses). */
  options: string[];
}

const isHarmTopic = (t: string) => (HARM_TOPICS as readonly string[]).includes(t);

/**
 * What the bot shows for a match. `riskTopics` are the pack's topics marked `risk` (their cards open
 * with the immediate-danger line); the risk card offers those the matcher ranks best, then the ones
 * the question's harm signs point to.
 */
export function decideReply(question: string, m: Match, riskTopics: ReadonlySet<string>): ReplyDecision {
  if (m.answered) return { kind: 'answer', options: [m.topic] };
  const ranked = [{ topic: m.topic, confidence: m.confidence }, ...m.alternatives].filter((a) => a.topic !== 'unknown' && a.topic !== OFF_TOPIC && !a.topic.startsWith('glossary:'));
  const signs = harmSigns(question);
  // Only a confident off-topic call dismisses a question: an unsure one still offers topics and the business unit.
  const offTopic = m.topic === OFF_TOPIC && m.confidence >= OFF_TOPIC_CONFIDENT;
  const harmMass = ranked.filter((a) => isHarmTopic(a.topic)).reduce((s, a) => s + a.confidence, 0);
  const harm = signs.some((s) => s.strong) || (m.topic !== OFF_TOPIC && (signs.length > 0 || (m.topic !== 'unknown' && harmMass >= 0.5)));
  if (harm) {
    const fromMatcher = ranked.filter((a) => riskTopics.has(a.topic) && isHarmTopic(a.topic)).map((a) => a.topic);
    const fromSigns = signs.flatMap((s) => s.topics);
    const options = [...new Set([...fromMatcher, ...fromSigns, 'front-door', 'immediate-danger'])].filter((t) => riskTopics.has(t)).slice(0, 3);
    return { kind: 'risk', options };
  }
  if (offTopic) return { kind: 'off-topic', options: [] };
  const options = ranked.map((a) => a.topic).slice(0, 3);
  return options.length ? { kind: 'suggest', options } : { kind: 'unknown', options: [] };
}
