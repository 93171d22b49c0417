import { z } from 'zod';
import { ConversationRefSchema } from '../members/schema';

export const ItemTypeSchema = z.enum(['decision', 'assurance', 'information', 'discussion']);
export type ItemType = z.infer<typeof ItemTypeSchema>;

export const AgendaItemSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  presenter: z.string().max(120).default(''),
  agency: z.string().max(60).default(''),
  minutes: z.number().int().min(1).max(480),
  kind: ItemTypeSchema,
  paperUrl: z.string().max(500).default(''),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const RsvpSchema = z.object({
  response: z.enum(['attending', 'deputy', 'apologies']),
  /** The member who stands in: only they may confirm or withdraw as the deputy. */
  deputyId: z.string().max(100).optional(),
  deputyName: z.string().max(120).optional(),
  deputyAgency: z.string().max(60).optional(),
  at: z.string(),
});
export type Rsvp = z.infer<typeof RsvpSchema>;

/** Where the agenda card was posted, so a re-publish or an RSVP updates it in place. */
export const PostSchema = z.object({ key: z.string(), ref: ConversationRefSchema, activityId: z.string() });

export const AttendeeSchema = z.object({
  memberId: z.string().optional(),
  name: z.string().max(120),
  agency: z.string().max(60),
  /** Present in person or by a named deputy. */
  present: z.boolean(),
  deputyName: z.string().max(120).optional(),
});
export type Attendee = z.infer<typeof AttendeeSchema>;

export const MeetingSchema = z.object({
  type: z.literal('meeting'),
  id: z.string().min(1),
  pk: z.string().min(1),
  seriesId: z.string().min(1),
  title: z.string().min(1).max(200),
  /** ISO instant (UTC); shown in Europe/London. */
  startsAt: z.string(),
  lengthMinutes: z.number().int().min(15).max(480),
  place: z.string().max(300).default(''),
  link: z.string().max(1000).default(''),
  chairAgency: z.string().max(60).default(''),
  chairName: z.string().max(120).default(''),
  /** ISO date (London) by which papers are due. */
  papersDeadline: z.string(),
  items: z.array(AgendaItemSchema).max(40).default([]),
  status: z.enum(['draft', 'published', 'held', 'cancelled']),
  rsvps: z.record(z.string(), RsvpSchema).default({}),
  posts: z.array(PostSchema).default([]),
  attendance: z.array(AttendeeSchema).optional(),
  decisions: z.array(z.string().max(1000)).default([]),
  actionIds: z.array(z.string()).default([]),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** Who belongs to a group (one per meeting series), and the channel its agendas go to. */
export const GroupSchema = z.object({
  type: z.literal('meeting-group'),
  id: z.string().min(1),
  pk: z.string().min(1),
  seriesId: z.string().min(1),
  memberIds: z.array(z.string()).default([]),
  channel: ConversationRefSchema.optional(),
  updatedAt: z.string(),
});
export type Group = z.infer<typeof GroupSchema>;
