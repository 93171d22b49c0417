import type { AdaptiveCard, Services } from '../core/contract';
import type { Member } from '../../storage/members/schema';
import type { Meeting } from '../../storage/meetings/schema';
import { expandCard } from '../../cards/expand';
import { formatDate, londonDate, ZONE } from '../shared/time/working-days';
import { DateTime } from 'luxon';
import { agencyName, seriesById } from './groups';
import { chairFor } from './chair-rota';
import { formField, privacyConfirmField, type FieldSpec, type FormField } from '../../cards/form-field';
import { chairShort, describeChair } from '../../content/describe';
import type { MeetingSeries } from '../../content/schema/partnership';

export type { FormField };


type Values = Record<string, unknown>;

/** A meetings form field: the shared builder with this form's default lengths. */
function field(f: FieldSpec, values: Values): FormField {
  return formField(f, values, { multiline: 4000, url: 1000, text: 200 });
}

export interface FormBanner {
  text: string;
  tone: 'good' | 'attention';
  /** The child-details guard asked rather than refused: the form shows "I have checked". */
  privacyAsk?: boolean;
}

function form(o: { heading: string; intro: string; banner?: FormBanner; fields: FormField[]; verb: string; submitTitle: string; meetingId?: string; etag?: string }): AdaptiveCard {
  return expandCard('meetings', 'form', {
    heading: o.heading,
    intro: o.intro,
    banner: o.banner?.text ?? '',
    bannerStyle: o.banner?.tone ?? 'attention',
    fields: o.banner?.privacyAsk ? [...o.fields, privacyConfirmField()] : o.fields,
    verb: o.verb,
    submitTitle: o.submitTitle,
    meetingId: o.meetingId ?? '',
    etag: o.etag ?? '',
  });
}

/** What each field is called on the meetings forms, for "<label>: <what to fix>" messages. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  seriesId: 'Group',
  title: 'Title',
  meetingDate: 'Date',
  meetingTime: 'Start time',
  lengthMinutes: 'Length in minutes',
  place: 'Place',
  link: 'Teams link',
  chairName: 'Chair',
  chairAgency: "Chair's agency",
  papersDeadline: 'Papers deadline',
  quick: 'Agenda items (quick format)',
  presenter: 'Presenter',
  agency: 'Agency',
  minutes: 'Minutes allotted',
  kind: 'Type',
  paperUrl: 'Paper link',
  decisions: 'Decisions',
  actions: 'New actions',
  deputyName: "Deputy's name",
  deputyAgency: "Deputy's agency",
};

const agencyChoices = (services: Services) => services.content.partnership.agencies.map((a) => ({ title: a.shortName ?? a.name, value: a.id }));

export function meetingFormValues(m: Meeting): Values {
  const local = DateTime.fromISO(m.startsAt).setZone(ZONE);
  return {
    seriesId: m.seriesId,
    title: m.title,
    meetingDate: local.toISODate(),
    meetingTime: local.toFormat('HH:mm'),
    lengthMinutes: String(m.lengthMinutes),
    place: m.place,
    link: m.link,
    chairName: m.chairName,
    chairAgency: m.chairAgency,
    papersDeadline: m.papersDeadline,
  };
}

/** A group as the form offers it: its name, and who chairs when the pack says ("SCP Executive (Independent Chair)"). */
export function groupChoiceTitle(services: Services, s: MeetingSeries): string {
  const chair = chairShort(services.content, s.chair);
  return chair ? `${s.name} (${chair})` : s.name;
}

/** What the form says about the chair: whose turn it is on a rota, or the group's rule in words. */
export function chairRuleHint(services: Services, series: MeetingSeries, today: string): string {
  const content = services.content;
  const due = chairFor(series.chair, today, 0, content.partnership.people);
  if (series.chair?.kind === 'rota' && due.agency) return `Leave the chair blank to use the rota: ${agencyName(content, due.agency)} is in the chair now (${due.reason}).`;
  if (!series.chair) return 'Who chairs this group is not set by the partnership. Leave the chair blank if not yet known.';
  const rule = `Chaired by ${describeChair(content, series.chair)}${series.chair.toConfirm ? ` (${due.reason.split('; ').pop()})` : ''}.`;
  return `${rule} ${due.name ? 'Leave the chair blank to use them.' : 'Leave the chair blank if not yet known.'}`;
}

/** New or edit meeting form. On a new meeting the chair is left to the group's rule unless filled in. */
export function meetingForm(services: Services, o: { seriesId?: string; meeting?: Meeting & { _etag?: string }; values?: Values; banner?: FormBanner }): AdaptiveCard {
  const content = services.content;
  const today = londonDate(services.clock.now());
  const seriesId = (o.values?.seriesId as string) || o.meeting?.seriesId || o.seriesId || '';
  const series = seriesById(content, seriesId);
  // "new meeting for board" fills in the group as well as its title and length, so the form is ready to save.
  const values: Values = { ...(o.meeting ? meetingFormValues(o.meeting) : {}), ...(series && !o.meeting ? { seriesId: series.id, title: series.name, lengthMinutes: String(series.defaultLengthMinutes) } : {}), ...o.values };
  const chairHint = series ? chairRuleHint(services, series, today) : 'Leave the chair blank if not yet known: each group\'s chair rule applies.';
  const fields = [
    ...(o.meeting
      ? []
      : [field({ id: 'seriesId', kind: 'choice', label: 'Group', required: true, choices: content.partnership.meetingSeries.map((s) => ({ title: groupChoiceTitle(services, s), value: s.id })), errorMessage: 'Please choose the group.' }, values)]),
    field({ id: 'title', kind: 'text', label: 'Title', required: true, errorMessage: 'Please give the meeting a title.' }, values),
    field({ id: 'meetingDate', kind: 'date', label: 'Date', required: true, errorMessage: 'Please choose the date.' }, values),
    field({ id: 'meetingTime', kind: 'time', label: 'Start time (UK time)', required: true, errorMessage: 'Please choose a start time.' }, { meetingTime: '10:00', ...values }),
    field({ id: 'lengthMinutes', kind: 'text', label: 'Length in minutes', required: true, maxLength: 3, errorMessage: 'Please give the length in minutes.' }, { lengthMinutes: '120', ...values }),
    field({ id: 'place', kind: 'text', label: 'Place', placeholder: 'Room and building, or leave blank for Teams only', maxLength: 300 }, values),
    field({ id: 'link', kind: 'url', label: 'Teams link', placeholder: 'https://teams.microsoft.com/...' }, values),
    field({ id: 'chairName', kind: 'text', label: 'Chair', placeholder: chairHint, maxLength: 120 }, values),
    field({ id: 'chairAgency', kind: 'choice', label: "Chair's agency", choices: [{ title: "From the group's chair rule", value: 'rota' }, ...agencyChoices(services)] }, values),
    field({ id: 'papersDeadline', kind: 'date', label: `Papers deadline (blank: ${content.meetings.papersDeadlineWorkingDays} working days before)` }, values),
    ...(o.meeting
      ? []
      : [field({ id: 'quick', kind: 'multiline', label: 'Agenda items (quick format, optional)', placeholder: 'One per line: title | presenter | agency | minutes | type | paper link. The agency as it appears in the lists, e.g. Police or CEC children\'s services.' }, values)]),
  ];
  return form({
    heading: o.meeting ? `Edit: ${o.meeting.title}` : 'New meeting',
    intro: o.meeting ? 'Change the details, then publish again to update the posted agenda.' : `${chairHint} Items can also be added one at a time after saving.`,
    banner: o.banner,
    fields,
    verb: o.meeting ? 'meetings.edit' : 'meetings.new',
    submitTitle: o.meeting ? 'Save changes' : 'Save draft',
    meetingId: o.meeting?.id,
    etag: o.meeting?._etag,
  });
}

export function itemForm(services: Services, meeting: Meeting & { _etag: string }, o: { values?: Values; banner?: FormBanner } = {}): AdaptiveCard {
  const v = { minutes: '15', kind: 'information', ...o.values };
  return form({
    heading: 'Add an agenda item',
    intro: `${meeting.title}, ${formatDate(londonDate(new Date(meeting.startsAt)))}. Items run in the order they are added. Types: ${services.content.meetings.itemTypes.map((t) => `${t.label.toLowerCase()} (${t.hint.toLowerCase().replace(/\.$/, '')})`).join('; ')}.`,
    banner: o.banner,
    fields: [
      field({ id: 'title', kind: 'text', label: 'Title', required: true, errorMessage: 'Please give the item a title.' }, v),
      field({ id: 'presenter', kind: 'text', label: 'Presenter', placeholder: 'Name of the person presenting', maxLength: 120 }, v),
      field({ id: 'agency', kind: 'choice', label: 'Agency', choices: [{ title: 'None', value: 'none' }, ...agencyChoices(services)] }, v),
      field({ id: 'minutes', kind: 'text', label: 'Minutes allotted', required: true, maxLength: 3, errorMessage: 'Please give the minutes allotted.' }, v),
      field({ id: 'kind', kind: 'choice', label: 'Type', required: true, choices: services.content.meetings.itemTypes.map((t) => ({ title: t.label, value: t.id })), errorMessage: 'Please choose the type.' }, v),
      field({ id: 'paperUrl', kind: 'url', label: 'Paper link', placeholder: 'https://' }, v),
    ],
    verb: 'meetings.item.add',
    submitTitle: 'Add item',
    meetingId: meeting.id,
    etag: meeting._etag,
  });
}

/** Attendance pre-filled from the RSVPs: attending, or a named deputy, counts as present. */
export function recordForm(services: Services, meeting: Meeting & { _etag: string }, members: readonly Member[], o: { values?: Values; banner?: FormBanner } = {}): AdaptiveCard {
  const prefill: Values = {};
  for (const m of members) {
    const r = meeting.rsvps[m.id];
    prefill[`present-${m.id}`] = r && (r.response === 'attending' || (r.response === 'deputy' && r.deputyName)) ? 'true' : 'false';
  }
  const v = { ...prefill, ...o.values };
  const toggles = members.map((m) => {
    const r = meeting.rsvps[m.id];
    const deputy = r?.response === 'deputy' && r.deputyName ? `, deputy: ${r.deputyName}${r.deputyAgency ? ` (${agencyName(services.content, r.deputyAgency)})` : ''}` : '';
    return field({ id: `present-${m.id}`, kind: 'toggle', label: `${m.name} (${agencyName(services.content, m.agency)})`, placeholder: `Present${deputy}` }, v);
  });
  return form({
    heading: `Record: ${meeting.title}`,
    intro: 'Attendance is filled in from the replies; correct it if needed. New actions go to the tracker with this meeting as their source, and a summary goes to the group.',
    banner: o.banner,
    fields: [
      ...toggles,
      field({ id: 'decisions', kind: 'multiline', label: 'Decisions (one per line)', placeholder: 'What the group agreed. No details that could identify a child or family.' }, v),
      field({ id: 'actions', kind: 'multiline', label: 'New actions (one per line)', placeholder: 'title | owner name | due date (2026-03-31)' }, v),
    ],
    verb: 'meetings.record',
    submitTitle: 'Save and send summary',
    meetingId: meeting.id,
    etag: meeting._etag,
  });
}
