import { expandCard, listTemplates, sampleData } from '../../cards/expand';
import { schemaErrors } from '../support/card-schema';

/**
 * Every card template, expanded with its sample, against the official Adaptive Card 1.5 JSON schema
 * (test/support/card-schema.ts). The renderer test (cards.test.ts) does not catch everything the
 * schema does: it let numeric FactSet values through, which clients show as blanks (issue 19, item 1).
 */
const templates = listTemplates();

describe('the official Adaptive Card 1.5 schema', () => {
  it('would catch a number where a FactSet wants text, and a chart without its fallback', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'FactSet', facts: [{ title: 'Sent', value: 900 }] }] };
    expect(schemaErrors(card).join('\n')).toMatch(/value/);
    const chart = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Chart.Pie', fallback: { type: 'TextBlock', text: 'Figures', wrap: true } }] };
    expect(schemaErrors(chart)).toEqual([]);
    expect(schemaErrors({ ...chart, body: [{ type: 'Chart.Pie' }] })).toEqual([]);
    expect(schemaErrors({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' }, body: [] })).toEqual([]);
  });

  it.each(templates.map((t) => [`${t.feature}/${t.name}`, t] as const))('%s sample passes', (_name, ref) => {
    expect(schemaErrors(expandCard(ref.feature, ref.name, sampleData(ref) as never))).toEqual([]);
  });
});
