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
  { pattern: /\b(bruis\w*|injur\w*|fractur\w*|welts?|black eye|bite marks?|flinch\w*|slap\w*|smack\w*|punch\w*|kick(s|ed|ing)?|beat(s|en|ing)? (him|her|them|me|up)|beats|strangl\w*|chok(e|ed|es|ing)|by the (throat|neck|hair)|scald\w*|shak(en|ing) (the )?baby)\b/, topics: ['front-door', 'immediate-danger'], strong: true },
  { pattern: new RegExp(String.raw`\b(hurt(s|ing)?|hit(s|ting)?|harm(s|ed|ing)?|attack(s|ed|ing)?|threaten(s|ed|ing)? to (kill|hurt|harm)|assault\w*) (by )?${PERSON}\b`), topics: ['immediate-danger', 'front-door'], strong: true },
  { pattern: /\b(threat\w*|abus\w*|violen\w*|assault\w*|weapon|knife|knives|gun|stab\w*|danger\w*|unsafe|emergency|999)\b/, topics: ['immediate-danger', 'front-door'], strong: true },
  { pattern: /\b(sexual\w*|rap(e|ed|ing)|genital\w*|private parts|naked|nudes?|porn\w*|groom(ed|ing)|molest\w*|incest\w*|masturbat\w*|touch(es|ed|ing)? (him|her|them|me) (inappropriately|under|in)|inappropriate(ly)? touch\w*|indecent)\b/, topics: ['sexual-abuse', 'exploitation'], strong: true },
  { pattern: /\b(self harm\w*|self injur\w*|suicid\w*|overdos\w*|ligature|kill (him|her|them|my|your)sel(f|ves)|(end|take) (his|her|their|my) (own )?life|goodbye (forever|for ever|to everyone)|end it all|want(s|ed)? to die|better off dead|rather be dead|cut(s|ting)? (him|her|them)sel(f|ves)|hang(ed|ing)? (him|her|them)sel(f|ves))\b/, topics: ['self-harm', 'immediate-danger'], strong: true },
  { pattern: /\b(run(ning)? away|ran away|runaway|absconded|(not|never|hasn't|has not|didn't|did not) (come|came|gone|got) home|missing from (home|care|school|education|placement))\b/, topics: ['missing-from-home', 'exploitation'], strong: true },
  { pattern: /\b(exploit\w*|county lines?|traffick\w*|cuckoo\w*|trap house|gangs?|drug (running|dealing|debt)|carry(ing)? drugs)\b/, topics: ['exploitation', 'missing-from-home'], strong: true },
  { pattern: /\b(home alone|left alone|left on (his|her|their) own|unsupervised|abandoned|locked in|no adult)\b/, topics: ['immediate-danger', 'neglect'], strong: true },
  { pattern: /\b(neglect\w*|starving|malnourished|failing to thrive|no food|no (packed )?lunch|no breakfast|no heating|no electricity|bleed\w*|blood\w*)\b/, topics: ['neglect', 'front-door'], strong: true },
  { pattern: /\b(domestic|coercive|controlling partner)\b/, topics: ['domestic-abuse', 'immediate-danger'], strong: true },
  { pattern: /\b(delayed development|development (is |are )?(very )?delayed|developmental delay|(don't|do not|won't|will not|not|never) engag\w*|disengag\w*|unwashed|head lice|missed (all )?(his |her |their )?(appointments|immunisations|scans))\b/, topics: ['neglect', 'front-door'], strong: false },
  { pattern: /\b(aggressi\w*|intimidat\w*|pushed|grabbed|shoved|hurt\w*|harm\w*|scared|frightened|afraid|distressed|older (men|man|lads|boys|youths)|owes? (money|someone)|no contact)\b/, topics: ['front-door', 'immediate-danger'], strong: false },
  { pattern: /\b(missing|cuts?|cutting|burns?|burnt|alone|drugs|hungry|marks?|scars?|died|dead|death|killed)\b/, topics: ['front-door', 'immediate-danger'], strong: false },
];

/**
 * Words that only an everyday workplace request uses (IT, HR, facilities). They never override a
 * strong harm sign; they stop a weak one ("my keyboard is missing some keys") from raising the alarm,
 * and let an unsure off-topic call stand.
 */
export const OFF_TOPIC_SIGNS =
  /\b(password|log ?in|laptop|computer|monitor|keyboard|headset|printer|scanner|projector|wifi|wi fi|vpn|it (ticket|fault|support|desk)|service desk|outlook|teams (call|status|keeps|crash\w*)|shared drive|annual leave|holiday allowance|payslip|payday|salary|pension|expenses|mileage|timesheet|sickness (absence )?policy|flexible working|performance review|internal job|occupational health|car park|parking|pool car|meeting room|desk booking|standing desk|radiator|heating|fire alarm|canteen|coffee machine|stationery|id badge|door pass|phone line|broken window|films? to watch|movies?|restaurants?|weather|sink|dishwasher|microwave|blocked drain|christmas party|leaving do|team lunch|secret santa|rota)\b/;

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
/** Belief in harm topics (the best guesses' confidences added up) that counts as describing harm. */
const HARM_SHARE = 0.35;

/**
 * What the bot shows for a match. `riskTopics` are the pack's topics marked `risk` (their cards open
 * with the immediate-danger line); the risk card offers those the matcher ranks best, then the ones
 * the question's harm signs point to.
 */
export function decideReply(question: string, m: Match, riskTopics: ReadonlySet<string>): ReplyDecision {
  const signs = harmSigns(question);
  const strong = signs.some((s) => s.strong);
  const workplace = OFF_TOPIC_SIGNS.test(normalise(question));
  // A workplace request is not answered with a risk topic's card (and its red banner) on a guess.
  if (m.answered && !(workplace && !strong && riskTopics.has(m.topic))) return { kind: 'answer', options: [m.topic] };
  const ranked = [{ topic: m.topic, confidence: m.confidence }, ...m.alternatives].filter((a) => a.topic !== 'unknown' && a.topic !== OFF_TOPIC && !a.topic.startsWith('glossary:'));
  // Only a confident off-topic call (or one the words confirm) dismisses a question: an unsure one still offers topics and the business unit.
  const offTopic = m.topic === OFF_TOPIC && (m.confidence >= OFF_TOPIC_CONFIDENT || workplace);
  const harmMass = ranked.filter((a) => isHarmTopic(a.topic)).reduce((s, a) => s + a.confidence, 0);
  // Harm: a strong sign; or, unless it is a workplace request, a weak sign; or, unless the matcher leans
  // off-topic, a harm topic as its best guess or harm topics holding a good share of its belief.
  // A guess alone needs at least one word the bot knows: gibberish and emoji describe nothing, and a
  // red emergency banner on them would read as an alarm about nothing.
  const understood = m.matchedTerms.length > 0;
  const harm = strong || (!workplace && !offTopic && (signs.length > 0 || (understood && m.topic !== OFF_TOPIC && (isHarmTopic(ranked[0]?.topic ?? '') || harmMass >= HARM_SHARE))));
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
