/**
 * Cues: a few facts about a situation that single words and word pairs miss, written from the bank's
 * labelling rules (content/phrasings/LABELS.md). Each cue becomes one more feature the classifier
 * weighs like a word, so it learns from the bank how much each one counts; none decides a topic alone.
 * They read text that `modelTerms`-style normalising leaves whole (mothers and fathers kept apart).
 */
const ADULT = String.raw`(?:(?:his|her|their|my|your) )?(?:mother|wife|girlfriend|partner|ex|woman|father|husband|boyfriend)`;
const HARM_VERB = String.raw`(?:hit|hits|hitting|hurt|hurts|hurting|punch\w*|kick\w*|slap\w*|push\w*|strangl\w*|chok\w*|beat\w*|threaten\w*|control\w*|shout\w* at|scream\w* at|attack\w*|assault\w*)`;

const CUES: readonly [name: string, pattern: RegExp][] = [
  ['now', /\b(right now|now|tonight|this evening|at the (door|gate)|in the building|still in the house|in ten minutes|on (his|her|their|the) way|is (coming|waiting|outside|chasing|hitting|hurting|beating)|are (fighting|waiting)|hiding|just (arrived|turned up|told|seen|found|rung|called|rang|left|come))\b/],
  ['threat', /\b(will|going to|threaten\w* to|said (he|she) would) (kill|hurt|harm|stab|burn|beat|shake)\b/],
  ['adult-harmed', new RegExp(String.raw`\b${HARM_VERB} ${ADULT}\b|\b(mother|wife|woman) (has|had|with|came in with|arrived with) (a |an )?(bruis\w*|black eye|injur\w*|cut lip|split lip|broken)`)],
  ['couple', /\b(parents|they|couple) (fight|fought|fighting|argu\w*|row\w*|scream\w* at each other)|\bfighting at home\b|\bdomestic\b|\bcoerciv\w*|\bcontroll\w*/],
  ['child-harmed', /\b(hit|hits|hurt|hurts|punch\w*|kick\w*|slap\w*|smack\w*|grab\w*|pinch\w*|twist\w*|throw\w*|drag\w*|beat\w*) (him|me|them|the (child|baby|boy|girl|toddler|children))\b|\b(bruis\w*|fractur\w*|burn|burns|welts?|marks?|black eye|swollen|bite marks?)\b/],
  ['pattern', /\b(always|every (day|week|night|morning|evening|session)|keeps?|regularly|often|for (weeks|months)|persistent\w*|never|all the time|again)\b/],
  ['alone', /\b(alone|on (his|her|their) own|no adult|unsupervised|left (at|in|with)|fend for)\b/],
  ['works-with-children', /\b(teacher|teaching assistant|coach|volunteer|tutor|instructor|youth worker|colleague|member of staff|staff member|foster carer|childminder|key worker|scout leader|caretaker|nursery (worker|practitioner)|supply teacher|dental nurse)\b/],
  ['older-adult', /\b(older (man|men|boy|boys|lads?|youths|friends?|boyfriend|teenagers)|much older|in (his|their) (twenties|thirties)|adults? (she|he) met|aged (1[89]|2\d)|men in cars)\b/],
  ['money-gifts', /\b(cash|money|gifts?|presents?|new (phone|clothes|trainers)|phones|trainers|owes?|debt|drugs?)\b/],
  ['missing', /\b(missing|run (off|away)|ran away|runaway|not (come|came) home|didn't come home|hasn't come home|disappear\w*|sofa surfing|stay\w* out)\b/],
  ['school', /\b(attendance|absen\w*|off roll|home educat\w*|home school\w*|timetable|exclu\w*|not (been )?(in|to|at) school|school place)\b/],
  ['question-how', /^(how|where|who|what|when|can|do|does|is|are|should|which)\b/],
];

/** The cues a text shows, as feature names. */
export function cues(text: string): string[] {
  const t = text.toLowerCase().replace(/\b(mum|mummy|mom|mommy|mam)\b/g, 'mother').replace(/\b(dad|daddy)\b/g, 'father').replace(/[\u2018\u2019]/g, "'");
  return CUES.filter(([, re]) => re.test(t)).map(([name]) => `cue:${name}`);
}
