import type { CommandDef, ConversationInfo } from './contract';

export interface CommandMatch {
  command: CommandDef;
  args: Record<string, string>;
}

/** Commands are short: text longer than a command's maxLength is never tried against its patterns. */
export const DEFAULT_COMMAND_MAX_LENGTH = 200;
/** Nothing longer than this is normalised for command matching at all (the longest command, a pasted CSV). */
export const MAX_COMMAND_TEXT = 20_000;

/**
 * Normalises what people type: curly quotes, repeated spaces, trailing punctuation. Every step is
 * linear in the text (the trailing punctuation is stripped by a loop, not a backtracking pattern).
 */
export function normaliseCommandText(text: string): string {
  const t = text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();
  let end = t.length;
  while (end > 0 && (t[end - 1] === '.' || t[end - 1] === '!' || t[end - 1] === '?')) end--;
  return t.slice(0, end).trimEnd();
}

/** First command whose pattern matches the whole text; later registrations cannot shadow earlier ones. */
export function matchCommand(commands: readonly CommandDef[], text: string, conversation?: Pick<ConversationInfo, 'kind'>): CommandMatch | undefined {
  if (text.length > MAX_COMMAND_TEXT) return undefined;
  const t = normaliseCommandText(text);
  for (const command of commands) {
    if (t.length > (command.maxLength ?? DEFAULT_COMMAND_MAX_LENGTH)) continue;
    if (conversation && command.scopes && !command.scopes.includes(conversation.kind)) continue;
    for (const pattern of command.patterns) {
      const m = pattern.exec(t);
      if (m && m.index === 0 && m[0].length === t.length) {
        const args: Record<string, string> = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) args[k] = v.trim();
        return { command, args };
      }
    }
  }
  return undefined;
}
