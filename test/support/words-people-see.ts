/**
 * What a member must never read: text a client swallows as an HTML tag ("add <person> to group"
 * shows as "add to group"), field keys and validation-library wording, and plural slips. Used on
 * every card sample and on the replies of the main journeys (test/cards/words.test.ts).
 */

/** Every string a client shows from a card: text, titles, fact values, labels, placeholders, error messages, choices. */
export function visibleStrings(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    for (const k of ['text', 'title', 'label', 'placeholder', 'errorMessage', 'altText', 'fallbackText']) if (typeof o[k] === 'string') out.push(o[k] as string);
    // A fact's value and a choice's title are shown; an input's value is what the person typed.
    if (typeof o.value === 'string' && !String(o.type ?? '').startsWith('Input.') && !('title' in o && 'value' in o && !('type' in o) && /^[a-z0-9-]+$/.test(o.value as string))) out.push(o.value);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'msteams' && k !== 'refresh') walk(v);
  };
  walk(card);
  return out;
}

const RULES: { name: string; re: RegExp }[] = [
  // An angle-bracketed word is an HTML tag to Teams and disappears. (A lone "<" or "<=" is fine.)
  { name: 'swallowed placeholder', re: /<\/?[a-z][a-z0-9 _-]*>/i },
  { name: 'field key', re: /\bkey[1-9]\b|Please check "|\b[a-z]+[A-Z][a-zA-Z]*Id\b|\bseriesId\b|\bmeetingId\b|\bbriefingId\b|\bticketId\b/ },
  { name: 'validation-library wording', re: /Too (big|small):|expected (string|number|boolean)|Invalid (input|option|string)|received undefined|must match pattern|<=\d/ },
  { name: 'fragment instead of a sentence', re: /: (is|must) (required|too long|not|be)\b|\bis required:/ },
  { name: 'plural slip', re: /\(s\)|\b1 (people|members|briefings|minutes|actions|items|check-ins|auditors|rows|owners|meetings|days|working days|entries|cards|questions|delivered cards|times)\b/ },
  { name: 'double full stop', re: /[^.]\.\.(?!\.)/ },
  { name: 'internal id', re: /\b[0-9a-f]{32,}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/ },
];

/** The rules a string breaks, by name. */
export function problemsIn(text: string): string[] {
  return RULES.filter((r) => r.re.test(text)).map((r) => r.name);
}

/** Every problem in a set of strings, as "rule: text". */
export function wordProblems(strings: readonly string[]): string[] {
  return strings.flatMap((s) => problemsIn(s).map((p) => `${p}: ${s.slice(0, 160)}`));
}
