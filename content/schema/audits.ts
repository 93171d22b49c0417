import { z } from 'zod';
import { provenance } from './provenance';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** One audit template: the questions auditors answer and the scales they answer on. */
export const AuditTemplateSchema = z.object({
  id: Id,
  name: z.string().min(3),
  /** Prefix for round codes, e.g. MACA → MACA-2611. */
  codePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,5}$/),
  /** Where actions raised from this audit come from (an action source id). */
  actionSource: z.enum(['multi-agency-audit', 'section-11-175-audit']),
  purpose: z.string().min(10),
  /** Shown when asking for the case reference. Section 11/175 audit an agency or school, not a case. */
  referenceLabel: z.string().min(3),
  referenceExample: z.string().min(3),
  answerScale: z.array(z.string().min(1)).min(2),
  gradeScale: z.array(z.string().min(1)).min(2),
  questions: z.array(z.object({ id: Id, text: z.string().min(10) })).min(1).max(20),
  /** How often the partnership runs this audit and on how many cases, when its documents say so. */
  programme: z
    .object({
      every: z.number().int().min(1).max(12),
      unit: z.enum(['week', 'month', 'term', 'year']),
      /** Cases (or children, agencies, schools) looked at each time. */
      sampleSize: z.number().int().min(1).max(500).optional(),
      method: z.string().min(5).max(200).optional(),
      ...provenance,
    })
    .optional(),
  /** Provenance of the template: the audit it follows and where its questions come from. */
  ...provenance,
});
export type AuditTemplate = z.infer<typeof AuditTemplateSchema>;

export const AuditsContentSchema = z
  .object({
    templates: z.array(AuditTemplateSchema).min(1),
    /** Working days after a round's due date between reminders to auditors who have not finished. */
    reminderEveryWorkingDays: z.number().int().min(1).max(20).default(5),
    /** Working days an action created from an audit finding has by default. */
    learningActionWorkingDays: z.number().int().min(5).max(120).default(30),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.templates.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['templates', i, 'id'], message: `${t.id} appears twice` });
      seen.add(t.id);
    });
  });
export type AuditsContent = z.infer<typeof AuditsContentSchema>;
