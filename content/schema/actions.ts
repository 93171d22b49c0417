import { z } from 'zod';

/** Where a recommendation came from; ids match ActionSource in bot/actions/api.ts. */
export const ActionSourceIdSchema = z.enum(['rapid-review', 'lcspr', 'learning-review', 'multi-agency-audit', 'section-11-175-audit', 'meeting', 'inspection']);

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

export const ActionSourceContentSchema = z.object({
  id: ActionSourceIdSchema,
  name: z.string().min(3),
  /** Start of generated references, e.g. "RR" gives RR-2026-004. */
  prefix: z.string().regex(/^[A-Z0-9]{2,8}$/, 'use 2 to 8 capital letters or digits'),
  /** Meeting series that chases these actions unless the business unit picks another. */
  defaultGroup: Id.optional(),
});

/**
 * When owners hear about an action. All counts are working days (England and Wales), so a rule never
 * lands on a weekend or bank holiday.
 */
export const NudgeRulesSchema = z.object({
  beforeDue: z.array(z.number().int().min(1).max(60)).default([10, 2]),
  onDueDate: z.boolean().default(true),
  overdueEvery: z.number().int().min(1).max(30).default(5),
  escalateAfter: z.number().int().min(1).max(60).default(10),
  /** Weekday (1 = Monday) on which owners who chose the weekly digest get it; moves to the next working day after a bank holiday. */
  digestWeekday: z.number().int().min(1).max(5).default(1),
});

export const ActionsContentSchema = z.object({
  nudges: NudgeRulesSchema.prefault({}),
  /** An open action due within this many working days shows amber. */
  amberWithinWorkingDays: z.number().int().min(1).max(60).default(10),
  sources: z.array(ActionSourceContentSchema).min(1).default([
    { id: 'rapid-review', name: 'Rapid review', prefix: 'RR' },
    { id: 'lcspr', name: 'Local child safeguarding practice review', prefix: 'LCSPR' },
    { id: 'learning-review', name: 'Learning review', prefix: 'LR' },
    { id: 'multi-agency-audit', name: 'Multi-agency audit', prefix: 'MAA' },
    { id: 'section-11-175-audit', name: 'Section 11 / Section 175 audit', prefix: 'S11' },
    { id: 'meeting', name: 'Board or meeting', prefix: 'MTG' },
    { id: 'inspection', name: 'Inspection', prefix: 'INSP' },
  ]),
});
export type ActionsContent = z.infer<typeof ActionsContentSchema>;
export type NudgeRules = z.infer<typeof NudgeRulesSchema>;
