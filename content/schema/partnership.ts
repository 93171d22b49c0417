import { z } from 'zod';

/** Stable ids used across features, storage and cards. */
export const RoleSchema = z.enum(['businessUnit', 'dsp', 'lsp', 'chair', 'practitioner']);
export type Role = z.infer<typeof RoleSchema>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

export const AgencySchema = z.object({
  id: Id,
  name: z.string().min(2),
  shortName: z.string().min(1).optional(),
  /** The statutory partner this agency counts towards for quorum, if any. */
  statutoryPartner: Id.optional(),
  kind: z.enum(['local-authority', 'police', 'health', 'education', 'voluntary', 'other']),
});

export const StatutoryPartnerSchema = z.object({
  id: Id,
  name: z.string().min(2),
  /** The label used in quorum lines, e.g. "ICB". */
  label: z.string().min(1),
});

export const MeetingSeriesSchema = z.object({
  id: Id,
  name: z.string().min(3),
  purpose: z.string().min(10),
  cadence: z.object({
    kind: z.enum(['weeks', 'months', 'fixed-months']),
    every: z.number().int().positive().optional(),
    months: z.array(z.number().int().min(1).max(12)).optional(),
  }),
  defaultLengthMinutes: z.number().int().min(15).max(480),
  /** Statutory partner ids that must be represented for the meeting to be quorate (empty: no quorum rule). */
  quorum: z.array(Id),
  reportsTo: Id.optional(),
  chair: z.object({
    rule: z.enum(['rota-annual', 'rota-per-meeting', 'fixed']),
    /** Agency ids (for rotas) or a role description (fixed). */
    rota: z.array(Id).default([]),
    /** The date the rota starts counting from (ISO date). */
    rotaStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    description: z.string().optional(),
  }),
});

export const PrioritySchema = z.object({ id: Id, name: z.string().min(3), summary: z.string().min(10) });

export const LinkSchema = z.object({ title: z.string().min(2), url: z.url() });

export const PartnershipSchema = z.object({
  id: Id,
  name: z.string().min(5),
  shortName: z.string().min(2),
  area: z.string().min(2),
  website: z.url(),
  frontDoor: z.object({ name: z.string(), phone: z.string(), outOfHoursPhone: z.string().optional(), url: z.url() }),
  businessUnitEmail: z.string().email().optional(),
  statutoryPartners: z.array(StatutoryPartnerSchema).min(3),
  agencies: z.array(AgencySchema).min(3),
  priorities: z.array(PrioritySchema).min(1),
  meetingSeries: z.array(MeetingSeriesSchema).min(1),
  links: z.record(z.string(), LinkSchema).default({}),
});

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type MeetingSeries = z.infer<typeof MeetingSeriesSchema>;
