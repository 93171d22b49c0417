import type { Stored } from '../../storage/repository';
import type { Member } from '../../storage/members/schema';
import { ACTIONS_TUNING } from './consts';
import { parseImport, type RowError } from './csv-import';
import type { Tracker } from './tracker';
import type { Action } from '../../storage/actions/schema';
import { toEntry } from '../../storage/actions/repository';
import { listCard } from './list-card';

export type ImportOutcome = { ok: true; created: { reference: string; delivered: boolean }[] } | { ok: false; errors: RowError[] };

/** Validates the whole CSV (including references already in use), then creates every row. */
export async function importActions(tracker: Tracker, actor: Stored<Member>, csv: string): Promise<ImportOutcome> {
  const members = await tracker.services.members.all();
  const p = tracker.services.content.partnership;
  const parsed = parseImport(csv, {
    labels: tracker.labels,
    sources: tracker.services.content.actions.sources,
    priorities: p.priorities,
    groups: p.meetingSeries,
    agencies: p.agencies,
    today: tracker.today(),
    maxRows: ACTIONS_TUNING.importMaxRows,
    owner: (cell) => {
      const byId = members.find((m) => m.id === cell);
      if (byId) return { id: byId.id, agency: byId.agency };
      const needle = cell.toLowerCase();
      const exact = members.filter((m) => m.name.toLowerCase() === needle);
      const found = exact.length ? exact : members.filter((m) => m.name.toLowerCase().includes(needle));
      if (found.length === 1) return { id: found[0].id, agency: found[0].agency };
      if (found.length === 0) return `owner "${cell}" is not someone I know (they need to have said hello to me)`;
      return `owner "${cell}" matches ${found.length} people; use their full name`;
    },
  });
  if (!parsed.ok) return parsed;
  const taken: RowError[] = [];
  await Promise.all(
    parsed.rows.map(async (r, i) => {
      if (r.reference && (await tracker.repo.byReference(r.reference))) taken.push({ row: i + 2, message: `reference ${r.reference} is already on the tracker` });
    }),
  );
  if (taken.length) return { ok: false, errors: taken.sort((a, b) => a.row - b.row) };
  const created: { reference: string; delivered: boolean }[] = [];
  const byOwner = new Map<string, Stored<Action>[]>();
  for (const row of parsed.rows) {
    const { action } = await tracker.create(row, { id: actor.id, name: actor.name }, { notify: false });
    byOwner.set(action.ownerId, [...(byOwner.get(action.ownerId) ?? []), action]);
  }
  // One message per owner: someone given eight recommendations gets one list, not eight cards.
  for (const [ownerId, actions] of byOwner) {
    let delivered: boolean;
    if (actions.length === 1) delivered = await tracker.sendToOwner(actions[0], undefined, `New action for you from ${actor.name || 'the partnership business unit'}. Please acknowledge it.`);
    else {
      const owner = await tracker.services.members.get(ownerId);
      const card = listCard({
        heading: `${actions.length} new actions for you`,
        intro: `${actor.name || 'The partnership business unit'} has added these to the tracker with you as owner. Open each one to acknowledge it.`,
        rows: actions.map((a) => ({ entry: toEntry(a) })),
        today: tracker.today(),
        amberWithinWorkingDays: tracker.amber,
        refreshVerb: 'actions.mine',
      });
      delivered = owner ? (await tracker.services.messenger.sendToMember(owner, { card, summary: `${actions.length} new actions` })).ok : false;
    }
    for (const a of actions) created.push({ reference: a.reference, delivered });
  }
  return { ok: true, created };
}
