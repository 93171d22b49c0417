import { checkCard } from '../support/adaptive-cards';
import { expandCard, listTemplates, sampleData, MAX_CARD_BYTES } from '../../cards/expand';

type Node = Record<string, unknown>;
const walk = (n: unknown, visit: (o: Node) => void): void => {
  if (Array.isArray(n)) return n.forEach((x) => walk(x, visit));
  if (n && typeof n === 'object') {
    visit(n as Node);
    Object.values(n as Node).forEach((x) => walk(x, visit));
  }
};

const mine = listTemplates().filter((t) => t.feature === 'meetings');

it('has the five meetings cards', () => {
  expect(mine.map((t) => t.name).sort()).toEqual(['agenda', 'attendance', 'form', 'list', 'minutes']);
});

describe.each(mine.map((t) => [t.name, t] as const))('meetings/%s', (_n, ref) => {
  const card = expandCard(ref.feature, ref.name, sampleData(ref));
  it('expands under 28 KB with nothing unbound, and renders in the official renderer without errors', () => {
    const json = JSON.stringify(card);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(json).not.toMatch(/\$\{[^}]*\}/);
    const { errors, html } = checkCard(card);
    expect(errors).toEqual([]);
    expect(html).toMatch(/ac-adaptiveCard/);
  });
  it('labels inputs, wraps text and uses meetings.* verbs', () => {
    walk(card, (o) => {
      const type = String(o.type ?? '');
      if (type.startsWith('Input.')) expect({ id: o.id, label: !!o.label, err: !o.isRequired || typeof o.errorMessage === 'string' }).toEqual({ id: o.id, label: true, err: true });
      if (type === 'TextBlock') expect(o.wrap).toBe(true);
      if (type === 'Action.Execute') expect(String(o.verb)).toMatch(/^meetings\./);
    });
  });
});
