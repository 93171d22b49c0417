import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as AC from 'adaptivecards';
import { expandCard, CARDS_DIR } from '../../cards/expand';

const dir = join(CARDS_DIR, 'actions');
const templates = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.sample.json')).map((f) => f.slice(0, -5));

function walk(n: unknown, visit: (o: Record<string, unknown>) => void) {
  if (Array.isArray(n)) return n.forEach((x) => walk(x, visit));
  if (n && typeof n === 'object') {
    visit(n as Record<string, unknown>);
    Object.values(n as object).forEach((x) => walk(x, visit));
  }
}

describe('actions card templates', () => {
  it('has the expected templates', () => {
    expect(templates.sort()).toEqual(['action', 'form', 'list', 'summary']);
  });

  describe.each(templates)('%s', (name) => {
    const card = expandCard('actions', name, JSON.parse(readFileSync(join(dir, `${name}.sample.json`), 'utf8')));

    it('expands its sample with every binding filled', () => {
      expect(card.version).toBe('1.5');
      expect(JSON.stringify(card)).not.toMatch(/\$\{/);
      expect((card as { msteams?: { width?: string } }).msteams?.width).toBe('Full');
    });

    it('wraps text, labels inputs and gives each an error message', () => {
      walk(card, (o) => {
        if (o.type === 'TextBlock') expect([o.text, o.wrap]).toEqual([o.text, true]);
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) {
          expect(o.label).toEqual(expect.any(String));
          expect(o.errorMessage).toEqual(expect.any(String));
        }
        if (o.type === 'Action.Execute') expect(String(o.verb)).toMatch(/^actions\./);
      });
    });

    it('parses in the Adaptive Cards renderer without errors', () => {
      const ac = new AC.AdaptiveCard();
      const ctx = new AC.SerializationContext();
      ac.parse(card, ctx);
      const errors = [];
      for (let i = 0; i < ctx.eventCount; i++) {
        const e = ctx.getEventAt(i);
        if (e.phase !== undefined && (e.event as number) !== AC.ValidationEvent.UnknownElementType) errors.push(e.message);
      }
      const v = ac.validateProperties();
      const failures = [];
      for (let i = 0; i < v.validationEvents.length; i++) failures.push(v.validationEvents[i].message);
      expect(failures.filter((m) => !/msteams|refresh/i.test(m))).toEqual([]);
    });
  });
});

import { actionCard } from '../../bot/actions/action-card';
import { labelsFor } from '../../bot/actions/labels';
import { defaultContentPack } from '../../content/load';

describe('the action card with every form a manager can see', () => {
  const labels = labelsFor(defaultContentPack());
  const a = {
    type: 'action' as const, id: 'a1', pk: 'p', reference: 'MAA-2026-004', title: 'Add attendance data to the audit template', description: '', source: 'multi-agency-audit' as const,
    ownerId: 'owner', ownerName: 'Education DSP', dueDate: '2026-12-18', dueSetOn: '2026-11-01', status: 'completed_pending_evidence' as const, notes: [],
    extensions: [{ id: 'e1', requestedAt: '2026-11-20T10:00:00Z', by: 'owner', byName: 'Education DSP', fromDue: '2026-12-18', toDue: '2027-01-29', reason: 'Waiting for the data' }],
    history: [], createdAt: '2026-11-01T10:00:00Z', createdBy: 'bu', updatedAt: '2026-11-20T10:00:00Z', _etag: '"e"',
  };
  it.each(['edit', undefined] as const)('has unique input ids and parses (open form: %s)', (open) => {
    const card = actionCard(a, { viewer: { id: 'bu', name: 'BU', roles: ['businessUnit', 'chair'] }, today: '2026-11-24', amberWithinWorkingDays: 10, labels, open, owners: [{ title: 'Education DSP', value: 'owner' }] });
    const ids: string[] = [];
    walk(card, (o) => {
      if (typeof o.type === 'string' && o.type.startsWith('Input.')) ids.push(String(o.id));
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['decision', 'signoffDecision', 'cancelReason', ...(open ? ['title', 'dueDate', 'ownerId'] : [])]));
    const ac = new AC.AdaptiveCard();
    ac.parse(card, new AC.SerializationContext());
    const v = ac.validateProperties();
    const failures = [];
    for (let i = 0; i < v.validationEvents.length; i++) failures.push(v.validationEvents[i].message);
    expect(failures).toEqual([]);
  });
});
