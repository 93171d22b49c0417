import type { CommandDef, ConversationInfo } from './contract';

export interface CommandMatch {
  command: CommandDef;
  args: Record<string, string>;
}

/** Normalises what people type: case, curly quotes, trailing punctuation, repeated spaces. */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .trim();
}

/** First command whose pattern matches the whole text; later registrations cannot shadow earlier ones. */
export function matchCommand(commands: readonly CommandDef[], text: string, conversation?: Pick<ConversationInfo, 'kind'>): CommandMatch | undefined {
  const t = normaliseCommandText(text);
  for (const command of commands) {
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
