import { checkCard } from '../support/adaptive-cards';
import { chartElements, withChartFallbacks } from '../support/card-schema';
import { expandCard, listTemplates, sampleData, MAX_CARD_BYTES } from '../../cards/expand';
import { existsSync, readFileSync } from 'node:fs';

type Node = Record<string, unknown>;

function walk(n: unknown, visit: (o: Node) => void) {
  if (Array.isArray(n)) return n.forEach((x) => walk(x, visit));
  if (n && typeof n === 'object') {
    visit(n as Node);
    Object.values(n as Node).forEach((x) => walk(x, visit));
  }
}

const templates = listTemplates();

describe('every card template', () => {
  it('covers the five features and help', () => {
    const features = new Set(templates.map((t) => t.feature));
    expect(features.has('help')).toBe(true);
    expect(templates.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(templates.map((t) => [`${t.feature}/${t.name}`, t] as const))('%s', (_name, ref) => {
    const raw = JSON.parse(readFileSync(ref.path, 'utf8'));

    it('is an Adaptive Card 1.5 template with sample data beside it', () => {
      expect(raw.type).toBe('AdaptiveCard');
      expect(raw.version).toBe('1.5');
      expect(existsSync(ref.samplePath)).toBe(true);
    });

    it('expands its sample under 28 KB with no unbound ${...} left', () => {
      const card = expandCard(ref.feature, ref.name, sampleData(ref));
      const json = JSON.stringify(card);
      expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(json).not.toMatch(/\$\{[^}]*\}/);
    });

    it('parses in the official renderer with no errors or warnings for 1.5, and renders to HTML', () => {
      // Teams charts are not Adaptive Card 1.5 elements: the renderer, like any client without charts, shows each one's fallback.
      const { errors, html } = checkCard(withChartFallbacks(expandCard(ref.feature, ref.name, sampleData(ref))));
      expect(errors).toEqual([]);
      expect(html).toMatch(/ac-adaptiveCard/);
    });

    it('gives every Teams chart a fallback element', () => {
      for (const c of chartElements(expandCard(ref.feature, ref.name, sampleData(ref)))) expect({ type: c.type, fallback: typeof c.fallback }).toEqual({ type: c.type, fallback: 'object' });
    });

    it('labels every input, wraps text and names every Action.Execute verb after its feature', () => {
      const card = expandCard(ref.feature, ref.name, sampleData(ref));
      walk(card, (o) => {
        const type = String(o.type ?? '');
        if (type.startsWith('Input.')) {
          expect({ id: o.id, label: typeof o.label === 'string' && o.label.length > 0 }).toEqual({ id: o.id, label: true });
          if (o.isRequired) expect(typeof o.errorMessage).toBe('string');
        }
        if (type === 'TextBlock') expect({ text: o.text, wrap: o.wrap }).toEqual({ text: o.text, wrap: true });
        if (type === 'Action.Execute') expect(String(o.verb)).toMatch(new RegExp(`^${ref.feature === 'help' ? '\\w+' : ref.feature}\\.`));
      });
    });
  });
});
