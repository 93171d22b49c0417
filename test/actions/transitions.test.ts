import * as T from '../../bot/actions/transitions';
import type { Action } from '../../storage/actions/schema';

const m = { at: '2026-11-24T10:00:00.000Z', today: '2026-11-24' };
const owner = { id: 'owner', name: 'Police DSP', roles: ['dsp' as const] };
const bu = { id: 'bu', name: 'Business Unit Officer', roles: ['businessUnit' as const] };
const chair = { id: 'chair', name: 'Board Chair', roles: ['chair' as const] };
const stranger = { id: 'other', name: 'Another Practitioner', roles: [] };

const base: Action = {
  type: 'action', id: 'a1', pk: 'p', reference: 'RR-2026-001', title: 'Agree a protocol', description: '', source: 'rapid-review', ownerId: 'owner', ownerName: 'Police DSP',
  dueDate: '2026-12-18', dueSetOn: '2026-11-01', status: 'open', notes: [], extensions: [], history: [], createdAt: m.at, createdBy: 'bu', updatedAt: m.at,
};

const ok = (o: T.Outcome) => {
  if (!o.ok) throw new Error(o.message);
  return o.next;
};

describe('who may do what to an action', () => {
  it.each([
    ['acknowledge', (a: Action, who: T.Actor) => T.acknowledge(a, who, m), { owner: true, bu: false, chair: false, stranger: false }],
    ['add update', (a: Action, who: T.Actor) => T.addUpdate(a, who, m, { note: 'n', progress: 'in_progress' }), { owner: true, bu: true, chair: true, stranger: false }],
    ['complete', (a: Action, who: T.Actor) => T.complete(a, who, m, { evidence: 'e' }), { owner: true, bu: true, chair: true, stranger: false }],
    ['request extension', (a: Action, who: T.Actor) => T.requestExtension(a, who, m, { newDueDate: '2027-01-29', reason: 'r' }), { owner: true, bu: false, chair: false, stranger: false }],
    ['cancel', (a: Action, who: T.Actor) => T.cancel(a, who, m, { reason: 'r' }), { owner: false, bu: true, chair: false, stranger: false }],
  ] as const)('%s', (_name, op, allowed) => {
    for (const [who, actor] of [['owner', owner], ['bu', bu], ['chair', chair], ['stranger', stranger]] as const) {
      expect([who, op(base, actor).ok]).toEqual([who, allowed[who]]);
    }
  });

  it('refuses a stranger with a message that says nothing changed', () => {
    const out = T.addUpdate(base, stranger, m, { note: 'n', progress: 'in_progress' });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/Nothing has been changed/);
  });
});

describe('the life of an action', () => {
  it('goes open -> acknowledged -> in progress -> awaiting sign-off -> completed, appending history', () => {
    let a = ok(T.acknowledge(base, owner, m));
    expect(a.status).toBe('acknowledged');
    a = ok(T.addUpdate(a, owner, m, { note: 'Protocol drafted', progress: 'in_progress' }));
    expect(a.status).toBe('in_progress');
    a = ok(T.complete(a, owner, m, { evidence: 'Protocol signed by all partners', evidenceLink: 'https://example.org/protocol' }));
    expect(a.status).toBe('completed_pending_evidence');
    expect(a.closedOn).toBeUndefined();
    a = ok(T.signOff(a, bu, m, { decision: 'accept', impact: 'Referrals now include the checklist' }));
    expect(a.status).toBe('completed');
    expect(a.closedOn).toBe('2026-11-24');
    expect(a.history.map((h) => h.what)).toEqual(['acknowledged', 'update', 'complete', 'signed-off']);
  });

  it('accepts a link as evidence and refuses completion with none', () => {
    expect(ok(T.complete(base, owner, m, { evidenceLink: 'https://example.org/policy' })).evidence).toMatchObject({ text: '', link: 'https://example.org/policy' });
    expect(T.complete(base, owner, m, {}).ok).toBe(false);
  });

  it('lets the business unit complete directly, and returns work that needs more', () => {
    expect(ok(T.complete(base, bu, m, { evidence: 'e' })).status).toBe('completed');
    const pending = ok(T.complete(base, owner, m, { evidence: 'e' }));
    expect(T.signOff(pending, bu, m, { decision: 'return' }).ok).toBe(false);
    expect(ok(T.signOff(pending, bu, m, { decision: 'return', note: 'Please attach the audit' })).status).toBe('in_progress');
  });

  it('handles an extension request: one at a time, approval moves the date and restarts the schedule', () => {
    expect(T.requestExtension(base, owner, m, { newDueDate: '2026-12-18', reason: 'r' }).ok).toBe(false);
    const asked = ok(T.requestExtension(base, owner, m, { newDueDate: '2027-01-29', reason: 'Waiting for the audit' }));
    expect(T.requestExtension(asked, owner, m, { newDueDate: '2027-02-26', reason: 'again' }).ok).toBe(false);
    expect(T.decideExtension(asked, owner, m, { decision: 'approve' }).ok).toBe(false);
    const approved = ok(T.decideExtension(asked, chair, { ...m, today: '2026-11-25' }, { decision: 'approve' }));
    expect([approved.dueDate, approved.dueSetOn]).toEqual(['2027-01-29', '2026-11-25']);
    const refused = ok(T.decideExtension(asked, bu, m, { decision: 'refuse', note: 'Needed for the board' }));
    expect(refused.dueDate).toBe('2026-12-18');
    expect(refused.extensions[0].decision?.outcome).toBe('refused');
  });

  it('reassigning sets the new owner back to open and restarts the schedule', () => {
    const a = ok(T.acknowledge(base, owner, m));
    const r = ok(T.edit(a, bu, m, { title: a.title, description: '', dueDate: a.dueDate, ownerId: 'new', ownerName: 'ICB DSP' }));
    expect([r.ownerId, r.status, r.dueSetOn]).toEqual(['new', 'open', '2026-11-24']);
    expect(T.edit(a, bu, m, { title: a.title, description: '', dueDate: a.dueDate, ownerId: 'owner', ownerName: 'Police DSP' }).ok).toBe(false);
  });

  it('changes nothing on a closed action', () => {
    const done = ok(T.complete(base, bu, m, { evidence: 'e' }));
    expect(T.addUpdate(done, owner, m, { note: 'n', progress: 'in_progress' }).ok).toBe(false);
    expect(T.cancel(done, bu, m, { reason: 'r' }).ok).toBe(false);
  });
});
