import { DateTime } from 'luxon';
import { RecordId } from '../core/record-id';
import { z } from 'zod';
import { RoleSchema } from '../../content/schema/partnership';
import type { Audience, Briefing } from '../../storage/briefings/schema';

/** The reflection questions the partnership uses when the author gives none. */
export const DEFAULT_REFLECTION = [
  'What are your key thoughts after reading this?',
  'How will we embed this learning, and how will we know it has made a difference?',
  'How does this go into our team plans?',
];

const text = (max: number) => z.string().max(max).optional();

/** Everything the authoring card can submit. Values arrive as strings (multi-selects comma-separated). */
export const FormDataSchema = z.object({
  briefingId: RecordId,
  etag: z.string().max(200).optional(),
  confirmed: z.boolean().optional(),
  title: text(200),
  source: text(300),
  background: text(2000),
  whyItMatters: text(1500),
  key1: text(1000),
  key2: text(1000),
  key3: text(1000),
  remember: text(1000),
  actions: text(1500),
  reflection: text(1300),
  links: text(3500),
  priorities: text(2000),
  audienceKind: z.enum(['everyone', 'conversations', 'roles', 'agencies', '']).optional(),
  conversations: text(4000),
  roles: text(500),
  agencies: text(2000),
  sendDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the date picker')]).optional(),
  sendTime: z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, 'use the time picker')]).optional(),
});
export type FormData = z.infer<typeof FormDataSchema>;

/** True when the submission came from the authoring form (not a confirmation card carrying only ids). */
export function hasFormFields(d: FormData): boolean {
  return d.title !== undefined;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

export interface ParsedForm {
  fields: Pick<Briefing, 'title' | 'source' | 'background' | 'whyItMatters' | 'keyPoints' | 'remember' | 'actions' | 'reflection' | 'links' | 'priorities' | 'audience'> & { scheduledFor?: string };
  /** The first thing the author must fix, in words they can act on. */
  problem?: string;
}

/** Turns the card's strings into briefing fields. Pure, so the rules are tested as a table. */
export function parseForm(d: FormData, ctx: { priorities: string[]; agencies: string[]; now: Date }): ParsedForm {
  const problems: string[] = [];
  const links: Briefing['links'] = [];
  for (const line of (d.links ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*\|\s*(https?:\/\/\S+)$/.exec(line) ?? /^()(https?:\/\/\S+)$/.exec(line);
    if (!m) {
      problems.push(`Further reading: write each link as "title | https://address" ("${line.slice(0, 40)}" is not).`);
      continue;
    }
    if (m[2].length > 300) {
      problems.push('Further reading: that address is too long; link to the page rather than a search result.');
      continue;
    }
    links.push({ title: (m[1] || m[2]).slice(0, 120), url: m[2] });
  }
  if (links.length > 8) problems.push('Further reading: up to eight links.');
  const reflectionLines = (d.reflection ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (reflectionLines.length > 6) problems.push('Reflection questions: up to six, one per line.');
  if (reflectionLines.some((l) => l.length > 200)) problems.push('Reflection questions: keep each under 200 characters.');
  const kind = (d.audienceKind || 'everyone') as Audience['kind'];
  const roles = list(d.roles).filter((r) => RoleSchema.safeParse(r).success) as Audience['roles'];
  const audience: Audience = { kind, conversations: list(d.conversations), roles, agencies: list(d.agencies).filter((a) => ctx.agencies.includes(a)) };
  let scheduledFor: string | undefined;
  if (d.sendDate) {
    const at = DateTime.fromISO(`${d.sendDate}T${(d.sendTime || '09:00').slice(0, 5)}`, { zone: 'Europe/London' });
    if (!at.isValid) problems.push('Send on: that date and time are not valid.');
    else scheduledFor = at.toUTC().toISO()!;
  } else if (d.sendTime) problems.push('Send on: choose a date as well as a time, or clear both to send straight away.');
  return {
    fields: {
      title: (d.title ?? '').trim(),
      source: (d.source ?? '').trim(),
      background: (d.background ?? '').trim(),
      whyItMatters: (d.whyItMatters ?? '').trim(),
      keyPoints: [d.key1, d.key2, d.key3].map((k) => (k ?? '').trim()).filter(Boolean),
      remember: (d.remember ?? '').trim(),
      actions: (d.actions ?? '').trim(),
      reflection: reflectionLines.length ? reflectionLines.slice(0, 6) : DEFAULT_REFLECTION,
      links: links.slice(0, 8),
      priorities: list(d.priorities).filter((p) => ctx.priorities.includes(p)),
      audience,
      scheduledFor,
    },
    problem: problems[0],
  };
}

/** What must be true before a briefing goes out (a draft may be incomplete). */
export function readyToSend(b: Pick<Briefing, 'title' | 'background' | 'keyPoints' | 'audience' | 'scheduledFor'>, now: Date): string | undefined {
  if (!b.title.trim()) return 'Give the briefing a title before sending it.';
  if (!b.background.trim() && b.keyPoints.length === 0) return 'Add the background or at least one key learning point before sending.';
  if (b.audience.kind === 'conversations' && b.audience.conversations.length === 0) return 'Choose at least one team, channel or chat, or pick another audience.';
  if (b.audience.kind === 'roles' && b.audience.roles.length === 0) return 'Choose at least one role, or pick another audience.';
  if (b.audience.kind === 'agencies' && b.audience.agencies.length === 0) return 'Choose at least one agency, or pick another audience.';
  if (b.scheduledFor && Date.parse(b.scheduledFor) < now.getTime() - 60_000) return 'The send time is in the past: clear it to send now, or choose a later time.';
  return undefined;
}

/** Every authoring field a person types, for the child-identifying check. */
export function authoredText(f: ParsedForm['fields']): Record<string, string> {
  return {
    Title: f.title,
    Source: f.source,
    Background: f.background,
    'Why it matters': f.whyItMatters,
    'Key learning': f.keyPoints.join('\n'),
    'What to remember': f.remember,
    'What to do': f.actions,
    'Reflection questions': f.reflection.join('\n'),
    'Further reading': f.links.map((l) => l.title).join('\n'),
  };
}
