import { DateTime } from 'luxon';
import { ZONE } from '../shared/time/working-days';
import { frontDoorLine } from '../shared/front-door';
import { count, formatDay, percent, plural } from '../shared/format';
import type { AdaptiveCard, Services } from '../core/contract';
import { expandCard } from '../../cards/expand';
import { emergencyLine as packEmergencyLine } from '../../content/describe';
import type { Briefing } from '../../storage/briefings/schema';
import type { BriefingResponse } from '../../storage/briefings/schema';
import { readingTime } from './reading-time';
import { ROLE_LABELS } from '../core/roles';
import { RoleSchema } from '../../content/schema/partnership';
import type { DeliveryCounts } from '../../storage/briefings/repository';
import type { Reach } from './reach';


export function priorityNames(services: Services, ids: string[]): string {
  const all = services.content.partnership.priorities;
  return ids.map((id) => all.find((p) => p.id === id)?.name ?? id).join(', ');
}

/** The line every briefing leads with, from the pack as the business unit has confirmed it. */
export function emergencyLine(services: Services): string {
  return frontDoorLine(services.content.partnership);
}

/** A briefing's dates as lists show them ("24 Nov 2026"). */
export const londonDate = formatDay;

export interface BriefingCardState {
  preview?: boolean;
  /** Recipient's own state, when the card is re-rendered after they pressed a button in a 1:1 chat. */
  response?: Pick<BriefingResponse, 'readAt' | 'useful' | 'reflection'>;
  status?: string;
  error?: string;
  typed?: { useful?: string; reflection?: string };
  /** The child-details guard asked about the reflection: show the "I have checked" tick-box. */
  privacyAsk?: boolean;
}

/** The card recipients see (and the author's preview). One rendering per briefing version. */
export function briefingCard(services: Services, b: Briefing, s: BriefingCardState = {}): AdaptiveCard {
  if (b.status === 'retracted') return withdrawnCard(b);
  return expandCard('briefings', 'briefing', {
    briefingId: b.id,
    code: b.code,
    preview: !!s.preview,
    // Buttons go once used: the read button after reading, the feedback form after feedback.
    canRead: !s.response?.readAt,
    canFeedback: !(s.response?.useful || s.response?.reflection),
    title: b.title || '(untitled)',
    source: b.source,
    readingLine: `About ${plural(readingTime(b).minutes, 'minute')} to read`,
    priorities: priorityNames(services, b.priorities) || 'All priorities',
    emergency: emergencyLine(services),
    background: b.background,
    whyItMatters: b.whyItMatters,
    keyPoints: b.keyPoints.filter(Boolean).map((text, i) => ({ n: count(i + 1), text })),
    remember: b.remember,
    actions: b.actions,
    reflection: b.reflection.map((text) => ({ text })),
    links: b.links,
    status: s.status ?? (s.response?.readAt ? 'You have marked this as read. Thank you.' : ''),
    error: s.error ?? '',
    useful: s.typed?.useful ?? s.response?.useful ?? '',
    reflectionText: s.typed?.reflection ?? s.response?.reflection ?? '',
    privacyAsk: Boolean(s.privacyAsk),
  });
}

export function withdrawnCard(b: Pick<Briefing, 'code' | 'title' | 'retractedAt'>): AdaptiveCard {
  return expandCard('briefings', 'withdrawn', { code: b.code, title: b.title || '(untitled)', date: londonDate(b.retractedAt) || 'today' });
}

export interface ProgressFigures {
  op: 'send' | 'update';
  counts: DeliveryCounts;
  total: number;
  /** Messages per second achieved so far, for the ETA. */
  rate: number;
  done: boolean;
  cancelled?: boolean;
  audience: string;
  now: Date;
}

export function progressCard(b: Briefing, p: ProgressFigures): AdaptiveCard {
  const settled = p.counts.sent + p.counts.failed + p.counts.unreachable;
  const remaining = Math.max(0, p.total - settled);
  const secs = p.rate > 0 ? Math.ceil(remaining / p.rate) : undefined;
  const eta = p.done
    ? 'finished'
    : secs === undefined
      ? 'working it out…'
      : `about ${secs < 90 ? `${secs} seconds` : `${Math.ceil(secs / 60)} minutes`} (${DateTime.fromJSDate(new Date(p.now.getTime() + secs * 1000)).setZone(ZONE).toFormat('HH:mm')} UK time)`;
  const heading = p.cancelled
    ? 'Sending cancelled'
    : p.op === 'update'
      ? (b.status === 'retracted' ? (p.done ? 'Withdrawn from every delivered card' : 'Withdrawing delivered cards') : p.done ? 'Delivered cards updated' : 'Updating delivered cards')
      : p.done
        ? 'Sent'
        : 'Sending';
  return expandCard('briefings', 'progress', {
    briefingId: b.id,
    heading,
    title: b.title,
    code: b.code,
    audience: p.audience,
    total: count(p.total),
    sent: p.op === 'update' ? `${count(p.counts.sent)} updated` : count(p.counts.sent),
    failed: count(p.counts.failed),
    unreachable: count(p.counts.unreachable),
    remaining: count(remaining),
    eta,
    note: p.cancelled ? `${plural(remaining, 'person', 'people')} did not receive it.` : '',
    canCancel: !p.done && !p.cancelled && p.op === 'send',
  });
}

export interface FormExtras {
  message?: string;
  conversations: { title: string; value: string }[];
  /** What the user typed, when re-rendering after a refusal (so nothing is lost). */
  typed?: Record<string, unknown>;
  /** The child-details guard asked: show the "I have checked" tick-box. */
  privacyAsk?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function formCard(services: Services, b: Briefing & { _etag?: string }, x: FormExtras): AdaptiveCard {
  const t = x.typed;
  const pick = (key: string, stored: string) => (t && typeof t[key] === 'string' ? (t[key] as string) : stored);
  const rt = readingTime(b);
  const sent = b.status === 'sent' || b.status === 'sending';
  const sched = b.scheduledFor ? DateTime.fromISO(b.scheduledFor).setZone(ZONE) : undefined;
  return expandCard('briefings', 'form', {
    heading: sent ? `Edit sent briefing ${b.code} (delivered cards will be updated)` : `Draft 7-minute briefing ${b.code}${b.status === 'scheduled' ? ' (scheduled)' : ''}`,
    message: x.message ?? '',
    readingTime: rt.sentence,
    readingColor: rt.tooLong ? 'Attention' : 'Default',
    briefingId: b.id,
    etag: b._etag ?? '',
    sent,
    sendTitle: sched ? 'Schedule…' : 'Send…',
    title: pick('title', b.title),
    source: pick('source', b.source),
    sourceHint: services.content.briefings.sourceExamples.length ? `For example: ${services.content.briefings.sourceExamples.slice(0, 3).join(', ')}` : 'Which review or audit this comes from',
    background: pick('background', b.background),
    whyItMatters: pick('whyItMatters', b.whyItMatters),
    key1: pick('key1', b.keyPoints[0] ?? ''),
    key2: pick('key2', b.keyPoints[1] ?? ''),
    key3: pick('key3', b.keyPoints[2] ?? ''),
    remember: pick('remember', b.remember),
    actions: pick('actions', b.actions),
    reflection: pick('reflection', b.reflection.join('\n')),
    links: pick('links', b.links.map((l) => `${l.title} | ${l.url}`).join('\n')),
    priorities: pick('priorities', b.priorities.join(',')),
    priorityChoices: services.content.partnership.priorities.map((p) => ({ title: p.name, value: p.id })),
    audienceKind: pick('audienceKind', b.audience.kind),
    conversations: pick('conversations', b.audience.conversations.join(',')),
    conversationChoices: x.conversations,
    roles: pick('roles', b.audience.roles.join(',')),
    roleChoices: RoleSchema.options.map((r) => ({ title: ROLE_LABELS[r], value: r })),
    agencies: pick('agencies', b.audience.agencies.join(',')),
    agencyChoices: services.content.partnership.agencies.map((a) => ({ title: a.name, value: a.id })),
    sendDate: pick('sendDate', sched?.toISODate() ?? ''),
    sendTime: pick('sendTime', sched?.toFormat('HH:mm') ?? ''),
    privacyAsk: Boolean(x.privacyAsk),
  });
}

export function confirmCard(d: { heading: string; message: string; confirmTitle: string; verb: string; briefingId: string; etag: string }): AdaptiveCard {
  return expandCard('briefings', 'confirm', { ...d, headingColor: 'Attention' });
}

/** What a confirmation card becomes once confirmed: what happened, and no buttons to press twice. */
export function confirmedCard(heading: string, message: string): AdaptiveCard {
  return expandCard('briefings', 'confirm', { heading, message, headingColor: 'Good', confirmTitle: '', verb: '', briefingId: '', etag: '' });
}

const groupRow = (g: Reach['byAgency'][number]) => ({ name: g.name, line: `${count(g.delivered)} · ${count(g.read)} · ${count(g.yes)}/${count(g.partly)}/${count(g.no)}` });

export function reachCard(b: Briefing, r: Reach): AdaptiveCard {
  return expandCard('briefings', 'reach', {
    briefingId: b.id,
    title: b.title,
    code: b.code,
    statusText: b.status === 'retracted' ? `withdrawn ${londonDate(b.retractedAt)}` : b.sentAt ? `sent ${londonDate(b.sentAt)}` : b.status,
    delivered: count(r.delivered),
    channels: count(r.channels),
    notDelivered: count(r.notDelivered),
    read: count(r.read),
    readPct: percent(r.readPersonal, r.delivered),
    yes: count(r.useful.yes),
    partly: count(r.useful.partly),
    no: count(r.useful.no),
    reflections: count(r.reflections),
    byAgency: r.byAgency.map(groupRow),
    byRole: r.byRole.map(groupRow),
    canEdit: b.status === 'sent' || b.status === 'sending',
  });
}

export interface LibraryItem {
  id: string;
  code: string;
  title: string;
  detail: string;
  openTitle: string;
  showReach: boolean;
}

export function libraryCard(heading: string, summary: string, items: LibraryItem[]): AdaptiveCard {
  return expandCard('briefings', 'library', { heading, summary, items });
}
