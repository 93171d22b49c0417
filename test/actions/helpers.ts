import { cardActions, personalConversationId, type TestBot, type TestUser } from '../support/harness';

/** Facts (title -> value) of every FactSet in a card, for reading counts off the summary. */
export function facts(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) out[f.title] = f.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** Every input in a card by id with its value, to check what the user typed was kept. */
export function inputs(card: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = String(o.value ?? '');
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export function lastCard(bot: TestBot, user: TestUser) {
  return bot.connector.cards(personalConversationId(user)).pop();
}

/** The data an Action.Execute with this verb would send (id, etag), found on the card. */
export function buttonData(card: unknown, verb: string): Record<string, unknown> {
  const found = cardActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} button on the card; buttons: ${cardActions(card).map((a) => a.verb).join(', ')}`);
  return found.data;
}

/** Invoke responses carry either a card (refreshed in place) or a message. */
export function invokeCard(res: any) {
  expect(res.statusCode).toBe(200);
  expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
  return res.value;
}
