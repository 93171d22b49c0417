import { tellBusinessUnit } from '../members/business-unit';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import { DuplicateReferenceError } from '../../storage/actions/repository';
import type { FormKey } from './action-card';
import { myActionsCard } from './my-actions';
import { newActionForm, importForm } from './forms';
import { importActions } from './import-actions';
import { summaryResult } from './summary-view';
import { TRACKER_ROLES, TrackerInputError, Tracker } from './tracker';
import * as T from './transitions';
import { ACTION_FIELD_LABELS, verbSchemas } from './verb-schemas';
import { plural } from '../shared/format';

export function createActionVerbs(services: Services): VerbDef[] {
  const tracker = new Tracker(services);
  const S = verbSchemas(() => tracker.today());

  /** Re-renders the action with the form open, what the user typed and what to fix (the router's words). */
  const invalidFor = (form: FormKey) => async (turn: Turn, raw: Record<string, unknown>, message: string, opts?: { privacyAsk: boolean }): Promise<VerbResult> => {
    const a = typeof raw.id === 'string' ? await tracker.repo.get(raw.id) : undefined;
    if (!a) return { card: tracker.notFoundCard() };
    if (!tracker.canView(turn.member, a)) return { message: T.NOT_YOURS };
    const owners = form === 'edit' ? await tracker.ownerChoices() : undefined;
    return { card: tracker.card(a, turn.member, { banner: { text: message, tone: 'error' }, open: form, values: raw, owners, privacyAsk: opts?.privacyAsk }) };
  };

  /** Cards posted to the business unit's channel show the manager's buttons; pressing them is checked again. */
  const asBusinessUnit = (turn: Turn) => ({ ...turn.member, id: '', userId: '', roles: ['businessUnit' as const] });

  const change = (form: FormKey | undefined, data: { id: string; etag: string } & Record<string, unknown>, done: string) => ({ id: data.id, etag: data.etag, form, values: data, done });

  const verbs: VerbDef[] = [
    defineVerb({
      feature: 'actions',
      verb: 'actions.show',
      schema: S.show,
      run: async (turn, data) => {
        const a = await tracker.repo.get(data.id);
        if (!a) return { card: tracker.notFoundCard() };
        if (!tracker.canView(turn.member, a)) return { message: 'This action belongs to someone else, and only the business unit, chairs and partners can see the whole tracker.' };
        const editing = data.open === 'edit' && turn.member.roles.includes('businessUnit');
        return { card: tracker.card(a, turn.member, editing ? { open: 'edit', owners: await tracker.ownerChoices() } : { back: { title: 'My actions', verb: 'actions.mine' } }) };
      },
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.acknowledge',
      schema: S.acknowledge,
      run: (turn, data) => tracker.change(turn, change(undefined, data, 'Acknowledged: thank you. Add an update whenever there is progress.'), (a, who, m) => T.acknowledge(a, who, m)),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.update',
      schema: S.update,
      invalid: invalidFor('update'),
      run: (turn, data) => tracker.change(turn, change('update', data, data.progress === 'blocked' ? 'Update saved and the action marked blocked: the business unit can see it on the tracker.' : 'Update saved.'), (a, who, m) => T.addUpdate(a, who, m, data)),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.complete',
      schema: S.complete,
      invalid: invalidFor('complete'),
      run: (turn, data) =>
        tracker.change(
          turn,
          change('complete', data, turn.member.roles.some((r) => r === 'businessUnit' || r === 'chair') ? 'Completed and signed off.' : 'Marked complete with your evidence. The business unit will sign it off.'),
          (a, who, m) => T.complete(a, who, m, data),
          async (saved) => {
            if (saved.status === 'completed_pending_evidence') {
              await tellBusinessUnit(services, { card: tracker.card(saved, asBusinessUnit(turn), { banner: { text: `${saved.ownerName || 'The owner'} has marked this action complete. Please review the evidence and sign it off.`, tone: 'info' } }), summary: `${saved.reference} ready for sign-off` });
            }
          },
        ),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.extension.request',
      schema: S.extension,
      invalid: invalidFor('extension'),
      run: (turn, data) =>
        tracker.change(
          turn,
          change('extension', data, 'Extension requested. The business unit will decide and I will tell you.'),
          (a, who, m) => T.requestExtension(a, who, m, data),
          async (saved) => {
            await tellBusinessUnit(services, { card: tracker.card(saved, asBusinessUnit(turn), { banner: { text: `${saved.ownerName || 'The owner'} asks for more time on this action.`, tone: 'info' } }), summary: `${saved.reference}: extension requested` });
          },
        ),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.extension.decide',
      schema: S.decide,
      invalid: invalidFor('decide'),
      run: (turn, data) =>
        tracker.change(
          turn,
          change('decide', data, data.decision === 'approve' ? 'Extension approved; the owner has been told and reminders restart from the new date.' : 'Extension refused; the owner has been told.'),
          (a, who, m) => T.decideExtension(a, who, m, { decision: data.decision, note: data.decisionNote }),
          async (saved) => {
            await tracker.sendToOwner(saved, undefined, data.decision === 'approve' ? 'Your extension request was approved.' : 'Your extension request was refused; the due date stays as it was.');
          },
        ),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.signoff',
      schema: S.signoff,
      invalid: invalidFor('signoff'),
      run: (turn, data) =>
        tracker.change(
          turn,
          change('signoff', data, data.signoffDecision === 'accept' ? 'Signed off as completed.' : 'Returned to the owner with your note.'),
          (a, who, m) => T.signOff(a, who, m, { decision: data.signoffDecision, note: data.signoffNote, impact: data.signoffImpact }),
          async (saved) => {
            await tracker.sendToOwner(saved, undefined, data.signoffDecision === 'accept' ? 'Your action has been signed off as complete. Thank you.' : 'Your action has been returned: more is needed before it can be signed off.');
          },
        ),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.cancel',
      schema: S.cancel,
      roles: ['businessUnit'],
      invalid: invalidFor('cancel'),
      run: (turn, data) =>
        tracker.change(turn, change('cancel', data, 'Action cancelled; the owner has been told.'), (a, who, m) => T.cancel(a, who, m, { reason: data.cancelReason }), async (saved) => {
          await tracker.sendToOwner(saved, undefined, 'This action has been cancelled by the business unit; nothing more is needed.');
        }),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.edit',
      schema: S.edit,
      roles: ['businessUnit'],
      invalid: invalidFor('edit'),
      run: async (turn, data) => {
        const owner = await services.members.get(data.ownerId);
        if (!owner) return invalidFor('edit')(turn, { ...data, ownerId: '' }, `${ACTION_FIELD_LABELS.ownerId}: I do not know that person any more; please choose another owner.`);
        if (data.priority && !tracker.labels.isPriority(data.priority)) return { message: 'That priority is not in the content pack.' };
        if (data.group && !tracker.labels.isGroup(data.group)) return { message: 'That group is not in the content pack.' };
        return tracker.change(
          turn,
          change('edit', data, 'Changes saved.'),
          (a, who, m) =>
            T.edit(a, who, m, {
              ...data,
              description: data.description ?? a.description,
              priority: data.priority ?? a.priority,
              group: data.group ?? a.group,
              ownerName: owner.name,
              ownerAgency: data.ownerAgency || (owner.id !== a.ownerId ? owner.agency : a.ownerAgency),
            }),
          async (saved, before) => {
            if (saved.ownerId !== before.ownerId) await tracker.sendToOwner(saved, owner, 'This action has been assigned to you. Please acknowledge it.');
            else if (saved.dueDate !== before.dueDate) await tracker.sendToOwner(saved, owner, `The due date of this action is now ${saved.dueDate}.`);
          },
        );
      },
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.create',
      schema: S.create,
      roles: ['businessUnit'],
      invalid: async (_turn, raw, message, opts) => ({
        card: newActionForm({ labels: tracker.labels, owners: await tracker.ownerChoices(), today: tracker.today(), values: raw, banner: { text: message, tone: 'error' }, privacyAsk: opts?.privacyAsk }),
      }),
      run: async (turn, data) => {
        const again = async (text: string) => ({ card: newActionForm({ labels: tracker.labels, owners: await tracker.ownerChoices(), today: tracker.today(), values: data as Record<string, unknown>, banner: { text, tone: 'error' as const } }) });
        if (data.priority && !tracker.labels.isPriority(data.priority)) return again('Priority: choose one of the partnership priorities.');
        if (data.group && !tracker.labels.isGroup(data.group)) return again('Group: choose one of the partnership groups.');
        if (data.ownerAgency && !tracker.labels.isAgency(data.ownerAgency)) return again('Owner agency: choose one of the partner agencies.');
        try {
          const { action, delivered } = await tracker.create({ ...data, description: data.description ?? '' }, { id: turn.member.id, name: turn.member.name });
          const note = delivered ? `${action.ownerName} has been sent the action.` : `I could not reach ${action.ownerName} in Teams; the action is on the tracker and they will see it in **my actions**.`;
          return { card: tracker.card(action, turn.member, { banner: { text: `Created ${action.reference}. ${note}`, tone: 'good' } }) };
        } catch (e) {
          if (e instanceof DuplicateReferenceError) return again(`Reference: ${data.reference} is already used by another action.`);
          if (e instanceof TrackerInputError) return again(`Owner: ${e.message}`);
          throw e;
        }
      },
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.import',
      schema: S.importCsv,
      roles: ['businessUnit'],
      invalid: async (_turn, raw, message) => ({ card: importForm({ values: raw, banner: { text: message, tone: 'error' } }) }),
      run: async (turn, data) => {
        const out = await importActions(tracker, turn.member, data.csv);
        if (!out.ok) return { card: importForm({ values: data, rowErrors: out.errors, banner: { text: `Nothing was imported: ${plural(out.errors.length, 'row')} ${out.errors.length === 1 ? 'needs' : 'need'} fixing.`, tone: 'error' } }) };
        const unreached = out.created.filter((c) => !c.delivered).length;
        return { card: importForm({ done: true, banner: { text: `Imported ${plural(out.created.length, 'action')}: ${out.created.map((c) => c.reference).join(', ')}.${unreached ? ` ${plural(unreached, 'owner')} could not be reached in Teams.` : ''}`, tone: 'good' } }) };
      },
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.summary',
      schema: S.none,
      roles: TRACKER_ROLES,
      run: async (turn) => summaryResult(tracker, turn),
    }),
    defineVerb({
      feature: 'actions',
      verb: 'actions.mine',
      schema: S.none,
      run: async (turn) => ({ card: await myActionsCard(tracker, turn.member.id) }),
    }),
  ];
  return verbs.map((v) => ({ ...v, labels: ACTION_FIELD_LABELS }));

}
