import { z } from 'zod';
import { Id, provenance, TextFactSchema } from './provenance';

/** Stable ids used across features, storage and cards. */
export const RoleSchema = z.enum(['businessUnit', 'dsp', 'lsp', 'chair', 'practitioner']);
export type Role = z.infer<typeof RoleSchema>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const AgencySchema = z.object({
  id: Id,
  name: z.string().min(2),
  shortName: z.string().min(1).optional(),
  /** The statutory partner this agency counts towards for quorum, if any. */
  statutoryPartner: Id.optional(),
  kind: z.enum(['local-authority', 'police', 'health', 'education', 'justice', 'voluntary', 'other']),
  /** Named as a relevant agency in the published arrangements. */
  relevantAgency: z.boolean().default(false),
  ...provenance,
});

/** One of the three safeguarding partners in law (council, police, health): they make a board quorate. */
export const StatutoryPartnerSchema = z.object({
  id: Id,
  name: z.string().min(2),
  /** The label used in quorum lines, e.g. "ICB". */
  label: z.string().min(1),
  ...provenance,
});

/** A partner the partnership names locally (e.g. education): part of the arrangements, not a statutory partner. */
export const LocalPartnerSchema = z.object({
  id: Id,
  name: z.string().min(2),
  label: z.string().min(1),
  note: z.string().min(10),
  ...provenance,
});

/** Named people in the arrangements. The name is optional: a role can be known before the person is. */
export const PersonSchema = z.object({
  id: Id,
  role: z.enum(['lead-partner', 'delegated-partner', 'independent-chair', 'independent-scrutineer', 'lay-member', 'business-manager']),
  name: z.string().min(2).optional(),
  title: z.string().min(3),
  /** The statutory or local partner they act for. */
  partner: Id.optional(),
  /** Their agency, when it is one of the pack's agencies (used to suggest them as chair). */
  agency: Id.optional(),
  ...provenance,
});

export const CadenceSchema = z.object({
  /** weeks/months: every N; fixed-months: in the listed months; as-needed: convened when needed (no planned count). */
  kind: z.enum(['weeks', 'months', 'fixed-months', 'as-needed']),
  every: z.number().int().positive().optional(),
  months: z.array(z.number().int().min(1).max(12)).optional(),
  ...provenance,
});

export const QuorumSchema = z.object({
  /** Statutory (or local) partner ids that must each be represented. */
  partners: z.array(Id).min(1),
  ...provenance,
});

/**
 * Who chairs: a kind, not a special case per partnership. rota: the listed agencies' representatives
 * take turns (each year from `start`, or each meeting); independent: an independent chair (a person in
 * `people`); elected: the members choose; role: a named post always chairs.
 */
export const ChairSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rota'),
    /** Whose representatives take turns, in words: "the delegated safeguarding partners". */
    who: z.string().min(5),
    among: z.array(Id).min(2),
    every: z.enum(['year', 'meeting']),
    /** When the first in `among` took the chair (annual rotas). Without it the bot cannot say whose turn it is. */
    start: IsoDate.optional(),
    ...provenance,
  }),
  z.object({ kind: z.literal('independent'), person: Id.optional(), ...provenance }),
  z.object({ kind: z.literal('elected'), by: z.string().min(3), ...provenance }),
  z.object({ kind: z.literal('role'), role: z.string().min(3), agency: Id.optional(), ...provenance }),
]);
export type Chair = z.infer<typeof ChairSchema>;

export const MeetingSeriesSchema = z.object({
  id: Id,
  name: z.string().min(3),
  kind: z.enum(['leaders', 'board', 'executive', 'partners', 'subgroup', 'panel', 'task-and-finish']),
  purpose: z.string().min(10),
  /** The partnership's main governance meeting (the board, the executive): exactly one per pack. */
  main: z.boolean().default(false),
  /** Covers more than this partnership (a pan-area group). */
  footprint: z.string().optional(),
  /** What people type for the group besides its id and name ("board", "qa group"); lower case. */
  aliases: z.array(z.string().min(2).regex(/^[^A-Z]+$/, 'write aliases in lower case')).default([]),
  /** Unset: the partnership has not said how often it meets. */
  cadence: CadenceSchema.optional(),
  defaultLengthMinutes: z.number().int().min(15).max(480),
  /** Unset: the partnership has set no quorum rule. */
  quorum: QuorumSchema.optional(),
  reportsTo: Id.optional(),
  /** Unset: the partnership has not said who chairs. */
  chair: ChairSchema.optional(),
  /** The arrangements say attendance at this group is monitored by agency. */
  attendanceMonitored: z.object({ ...provenance }).optional(),
  ...provenance,
});

export const PrioritySchema = z.object({ id: Id, name: z.string().min(3), summary: z.string().min(10), ...provenance });

export const LinkSchema = z.object({ title: z.string().min(2), url: z.url(), ...provenance });

export const FrontDoorSchema = z.object({
  /** Full name, e.g. "Integrated Access and Referral Team". */
  name: z.string().min(3),
  /** What people call it: "ChECS", "iART". */
  shortName: z.string().min(2),
  description: z.string().min(20),
  phone: TextFactSchema.optional(),
  outOfHoursPhone: TextFactSchema.optional(),
  url: TextFactSchema.optional(),
  ...provenance,
});

export const ScrutinySchema = z.object({
  summary: z.string().min(20),
  /** Planned scrutiny by area, when the partnership publishes a plan. */
  plan: z.array(z.object({ id: Id, area: z.string().min(3), scope: z.string(), delivery: z.string(), report: z.string(), ...provenance })).default([]),
  ...provenance,
});

export const PartnershipSchema = z
  .object({
    id: Id,
    name: z.string().min(5),
    shortName: z.string().min(2),
    area: z.string().min(2),
    website: z.url(),
    /** Provenance of the name, area and website. */
    ...provenance,
    frontDoor: FrontDoorSchema,
    businessUnit: z.object({ summary: z.string().min(10), email: TextFactSchema.optional(), ...provenance }).optional(),
    statutoryPartners: z.array(StatutoryPartnerSchema).min(3),
    localPartners: z.array(LocalPartnerSchema).default([]),
    people: z.array(PersonSchema).default([]),
    agencies: z.array(AgencySchema).min(3),
    priorities: z.array(PrioritySchema).min(1),
    meetingSeries: z.array(MeetingSeriesSchema).min(1),
    scrutiny: ScrutinySchema.optional(),
    links: z.record(z.string(), LinkSchema).default({}),
  })
  .superRefine((p, ctx) => {
    const partners = new Set([...p.statutoryPartners, ...p.localPartners].map((x) => x.id));
    const agencies = new Set(p.agencies.map((a) => a.id));
    const series = new Set(p.meetingSeries.map((s) => s.id));
    const people = new Set(p.people.map((x) => x.id));
    const dupes = (ids: string[], path: string) => ids.forEach((id, i) => ids.indexOf(id) !== i && ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `${id} appears twice` }));
    dupes(p.agencies.map((a) => a.id), 'agencies');
    dupes(p.meetingSeries.map((s) => s.id), 'meetingSeries');
    dupes(p.people.map((s) => s.id), 'people');
    p.agencies.forEach((a, i) => {
      if (a.statutoryPartner && !p.statutoryPartners.some((s) => s.id === a.statutoryPartner)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'statutoryPartner'], message: `"${a.statutoryPartner}" is not one of the statutory partners` });
    });
    p.people.forEach((x, i) => {
      if (x.partner && !partners.has(x.partner)) ctx.addIssue({ code: 'custom', path: ['people', i, 'partner'], message: `"${x.partner}" is not a partner` });
      if (x.agency && !agencies.has(x.agency)) ctx.addIssue({ code: 'custom', path: ['people', i, 'agency'], message: `"${x.agency}" is not an agency` });
    });
    if (p.meetingSeries.filter((s) => s.main).length !== 1) ctx.addIssue({ code: 'custom', path: ['meetingSeries'], message: 'exactly one group must be marked "main" (the board or executive)' });
    p.meetingSeries.forEach((s, i) => {
      if (s.reportsTo && !series.has(s.reportsTo)) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'reportsTo'], message: `"${s.reportsTo}" is not a group` });
      for (const q of s.quorum?.partners ?? []) if (!partners.has(q)) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'quorum'], message: `"${q}" is not a partner` });
      if (s.chair?.kind === 'rota') for (const a of s.chair.among) if (!agencies.has(a)) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'chair', 'among'], message: `"${a}" is not an agency` });
      if (s.chair?.kind === 'independent' && s.chair.person && !people.has(s.chair.person)) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'chair', 'person'], message: `"${s.chair.person}" is not in people` });
      if (s.cadence && (s.cadence.kind === 'weeks' || s.cadence.kind === 'months') && !s.cadence.every) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'cadence', 'every'], message: 'is required for a weekly or monthly cadence' });
      if (s.cadence?.kind === 'fixed-months' && !s.cadence.months?.length) ctx.addIssue({ code: 'custom', path: ['meetingSeries', i, 'cadence', 'months'], message: 'is required for fixed months' });
    });
  });

export type Partnership = z.infer<typeof PartnershipSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type MeetingSeries = z.infer<typeof MeetingSeriesSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type FrontDoor = z.infer<typeof FrontDoorSchema>;
