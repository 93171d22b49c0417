import type { AdaptiveCard } from '../core/contract';
import type { Action } from '../../storage/actions/schema';
import type { Stored } from '../../storage/repository';
import { expandCard } from '../../cards/expand';
import { formatDateTime } from '../shared/time/working-days';
import { formatDate } from '../shared/time/working-days';
import { ACTIONS_TUNING } from './consts';
import { field, type CardForm } from './card-fields';
import { privacyConfirmField } from '../../cards/form-field';
import { plural } from '../shared/format';
import { NONE, type Labels } from './labels';
import { RAG_STYLES, RAG_LABELS, STATUS_LABELS, isClosedStatus, ragFor } from './rag';
import { workingDaysBetween } from '../shared/time/working-days';
import { authority, type Actor } from './transitions';

export type FormKey = 'update' | 'complete' | 'extension' | 'decide' | 'signoff' | 'cancel' | 'edit';

export interface ActionCardOptions {
  viewer: Actor;
  today: string;
  amberWithinWorkingDays: number;
  labels: Labels;
  /** Message shown at the top (errors in red, confirmations in green). */
  banner?: { text: string; tone: 'error' | 'good' | 'info' };
  /** Form to show open with what the user typed (after an error, or Edit). */
  open?: FormKey;
  values?: Record<string, unknown>;
  /** Owner choices for the edit form (business unit only). */
  owners?: { title: string; value: string }[];
  /** Teams user ids whose client refreshes the card automatically. */
  refreshUserIds?: string[];
  /** Where the card came from, for its way back; an owner's card always leads back to My actions. */
  back?: { title: string; verb: string };
  /** The child-details guard asked about the open form: show the "I have checked" tick-box. */
  privacyAsk?: boolean;
}

export const VERB_FOR_FORM: Record<FormKey, string> = {
  update: 'actions.update',
  complete: 'actions.complete',
  extension: 'actions.extension.request',
  decide: 'actions.extension.decide',
  signoff: 'actions.signoff',
  cancel: 'actions.cancel',
  edit: 'actions.edit',
};

function dueFact(a: Action, today: string): string {
  const when = formatDate(a.dueDate);
  if (isClosedStatus(a.status) || a.status === 'completed_pending_evidence') return when;
  if (today === a.dueDate) return `${when} (due today)`;
  const n = workingDaysBetween(today, a.dueDate);
  if (today > a.dueDate) return `${when} (overdue by ${plural(-n, 'working day')})`;
  return `${when} (${plural(n, 'working day')} left)`;
}

/** Which forms this viewer may use on this action in its current state. */
export function formsFor(a: Action, viewer: Actor, o: Pick<ActionCardOptions, 'today' | 'labels' | 'values' | 'owners'>): CardForm[] {
  const who = authority(a, viewer);
  const v = o.values ?? {};
  const closed = isClosedStatus(a.status);
  const pendingSignoff = a.status === 'completed_pending_evidence';
  const pendingExt = a.extensions.some((e) => !e.decision);
  const forms: CardForm[] = [];
  if (closed || !who.any) return forms;
  forms.push({
    key: 'update', title: 'Add update', verb: VERB_FOR_FORM.update, submitTitle: 'Save update',
    fields: [
      field({ id: 'note', kind: 'multiline', label: 'Progress update', required: true, placeholder: 'What has been done, what is next. No names or details of children.', errorMessage: 'Please write a short update.' }, v),
      field({ id: 'progress', kind: 'choice', label: 'Progress', required: true, value: a.status === 'blocked' ? 'blocked' : 'in_progress', errorMessage: 'Please choose how it is going.', choices: [{ title: 'In progress', value: 'in_progress' }, { title: 'Blocked: needs help from the partnership', value: 'blocked' }] }, v),
    ],
  });
  // Awaiting sign-off, managers use Sign off instead; Teams shows at most five buttons.
  if (!pendingSignoff) {
    forms.push({
      key: 'complete', title: 'Mark complete', verb: VERB_FOR_FORM.complete, submitTitle: who.manager ? 'Complete and sign off' : 'Submit for sign-off',
      fields: [
        field({ id: 'evidence', kind: 'multiline', label: 'Evidence of completion', required: false, placeholder: 'What was done and where the evidence is kept (policy, training figures, audit). No details of children.', errorMessage: 'Describe the evidence or give a link below.' }, v),
        field({ id: 'evidenceLink', kind: 'url', label: 'Link to the evidence (instead of, or as well as, a description)', placeholder: 'https://...', errorMessage: 'Please enter a link starting with https://' }, v),
        field({ id: 'impact', kind: 'multiline', label: 'Impact on practice (optional)', placeholder: 'What difference has it made for children and families?' }, v),
      ],
    });
  }
  if (who.owner && !who.manager && !pendingSignoff && !pendingExt) {
    forms.push({
      key: 'extension', title: 'Request extension', verb: VERB_FOR_FORM.extension, submitTitle: 'Send request',
      fields: [
        field({ id: 'newDueDate', kind: 'date', label: 'New due date', required: true, min: o.today, errorMessage: 'Please choose a new due date after the current one.' }, v),
        field({ id: 'reason', kind: 'multiline', label: 'Reason for the extension', required: true, maxLength: 1000, errorMessage: 'Please give a reason.' }, v),
      ],
    });
  }
  if (who.manager && pendingExt) {
    forms.push({
      key: 'decide', title: 'Decide extension', verb: VERB_FOR_FORM.decide, submitTitle: 'Record decision',
      fields: [
        field({ id: 'decision', kind: 'choice', label: 'Decision', required: true, value: 'approve', errorMessage: 'Please approve or refuse.', choices: [{ title: 'Approve the new date', value: 'approve' }, { title: 'Refuse: keep the current date', value: 'refuse' }] }, v),
        field({ id: 'decisionNote', kind: 'multiline', label: 'Note to the owner (optional)', maxLength: 1000 }, v),
      ],
    });
  }
  if (who.manager && pendingSignoff) {
    forms.push({
      key: 'signoff', title: 'Sign off', verb: VERB_FOR_FORM.signoff, submitTitle: 'Record decision',
      fields: [
        field({ id: 'signoffDecision', kind: 'choice', label: 'Decision', required: true, value: 'accept', errorMessage: 'Please accept or return.', choices: [{ title: 'Accept: the action is complete', value: 'accept' }, { title: 'Return to the owner: more is needed', value: 'return' }] }, v),
        field({ id: 'signoffNote', kind: 'multiline', label: 'What is still needed (when returning)', maxLength: 1000 }, v),
        field({ id: 'signoffImpact', kind: 'multiline', label: 'Impact statement (optional)', value: a.impact?.text ?? '' }, v),
      ],
    });
  }
  if (who.bu) {
    forms.push({
      key: 'cancel', title: 'Cancel action', verb: VERB_FOR_FORM.cancel, submitTitle: 'Cancel the action',
      fields: [field({ id: 'cancelReason', kind: 'multiline', label: 'Why is it being cancelled?', required: true, maxLength: 1000, errorMessage: 'Please give a reason.' }, v)],
    });
    if (o.owners) {
      forms.push({
        key: 'edit', title: 'Edit or reassign', verb: VERB_FOR_FORM.edit, submitTitle: 'Save changes',
        fields: [
          field({ id: 'title', kind: 'text', label: 'Title', required: true, value: a.title, errorMessage: 'Please give the action a title.' }, v),
          field({ id: 'description', kind: 'multiline', label: 'Description', value: a.description }, v),
          field({ id: 'dueDate', kind: 'date', label: 'Due date', required: true, value: a.dueDate, min: o.today, errorMessage: 'Please choose a due date that is not in the past.' }, v),
          field({ id: 'ownerId', kind: 'choice', label: 'Owner', required: true, value: a.ownerId, choices: o.owners, errorMessage: 'Please choose an owner.' }, v),
          field({ id: 'ownerAgency', kind: 'choice', label: 'Owner agency', value: a.ownerAgency ?? NONE, choices: [{ title: "Use the owner's agency", value: NONE }, ...o.labels.agencies] }, v),
          field({ id: 'priority', kind: 'choice', label: 'Partnership priority', value: a.priority ?? NONE, choices: o.labels.priorities }, v),
          field({ id: 'group', kind: 'choice', label: 'Group that chases it', value: a.group ?? NONE, choices: o.labels.groups }, v),
        ],
      });
    }
  }
  return forms;
}

/** The way back to a list. It sits in the card body, so Teams' limit on buttons never hides it. */
function backButton(a: Action, o: ActionCardOptions) {
  const back = o.back ?? (authority(a, o.viewer).owner ? { title: 'Back to my actions', verb: 'actions.mine' } : undefined);
  return back ? { backTitle: back.title, backVerb: back.verb } : { backTitle: '', backVerb: '' };
}

/** A source reference people can read; a stored id or hash (from older records) is not shown. */
function readableRef(ref: string | undefined): string {
  return ref && !/^[0-9a-f-]{20,}$/i.test(ref) ? ` (${ref})` : '';
}

export function actionCardData(a: Stored<Action>, o: ActionCardOptions) {
  const rag = ragFor({ status: a.status, due: a.dueDate }, o.today, o.amberWithinWorkingDays);
  const forms = formsFor(a, o.viewer, o);
  const open = o.open && forms.some((f) => f.key === o.open) ? o.open : undefined;
  const ext = a.extensions.find((e) => !e.decision);
  const lastDecision = [...a.extensions].reverse().find((e) => e.decision);
  const notes = [...a.notes].reverse().slice(0, ACTIONS_TUNING.notesShown).map((n) => ({ when: formatDateTime(n.at), who: n.byName || 'someone', text: n.text }));
  const last = a.history[a.history.length - 1];
  const facts = [
    { title: 'Source', value: o.labels.source(a.source) + readableRef(a.sourceRef) },
    { title: 'Priority', value: o.labels.priority(a.priority) },
    { title: 'Owner', value: `${a.ownerName || 'Unknown'}, ${o.labels.agency(a.ownerAgency)}` },
    { title: 'Group', value: o.labels.group(a.group) },
    { title: 'Due', value: dueFact(a, o.today) },
    { title: 'Status', value: STATUS_LABELS[a.status] },
    ...(lastDecision?.decision ? [{ title: 'Last extension', value: `${lastDecision.decision.outcome} (${formatDate(lastDecision.toDue)})${lastDecision.decision.note ? `: ${lastDecision.decision.note}` : ''}` }] : []),
  ];
  const bannerStyle = o.banner?.tone === 'error' ? 'attention' : o.banner?.tone === 'good' ? 'good' : 'accent';
  return {
    id: a.id,
    etag: a._etag,
    reference: a.reference,
    title: a.title,
    description: a.description,
    ragLabel: RAG_LABELS[rag],
    ragStyle: RAG_STYLES[rag],
    facts,
    banner: o.banner?.text ?? '',
    bannerStyle,
    hasExtension: Boolean(ext),
    extension: ext ? { toDue: formatDate(ext.toDue), who: ext.byName || 'the owner', when: formatDateTime(ext.requestedAt), reason: ext.reason } : { toDue: '', who: '', when: '', reason: '' },
    notes,
    hasEvidence: Boolean(a.evidence),
    evidence: a.evidence ? { text: a.evidence.text, link: a.evidence.link ?? '', when: formatDateTime(a.evidence.at) } : { text: '', link: '', when: '' },
    impact: a.impact?.text ?? '',
    historyLine: `History: ${plural(a.history.length, 'entry', 'entries')}${last ? `; last change ${formatDateTime(last.at)} by ${last.byName || 'someone'} (${last.what})` : ''}.`,
    can: {
      acknowledge: a.status === 'open' && authority(a, o.viewer).owner,
      editForm: Boolean(authority(a, o.viewer).bu && !isClosedStatus(a.status) && open !== 'edit'),
    },
    inlineForms: forms.filter((f) => f.key === open).map((f) => (o.privacyAsk ? { ...f, fields: [...f.fields, privacyConfirmField()] } : f)),
    shownForms: forms.filter((f) => f.key !== open && f.key !== 'edit'),
    refreshUserIds: o.refreshUserIds ?? [],
    ...backButton(a, o),
  };
}

export type ActionCardData = ReturnType<typeof actionCardData>;

export function actionCard(a: Stored<Action>, o: ActionCardOptions): AdaptiveCard {
  return expandCard('actions', 'action', actionCardData(a, o));
}
