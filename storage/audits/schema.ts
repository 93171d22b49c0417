import { z } from 'zod';

export const AuditRoundSchema = z.object({
  type: z.literal('round'),
  id: z.string(),
  pk: z.string(),
  /** Short code people type, e.g. MACA-2611. */
  code: z.string(),
  templateId: z.string(),
  theme: z.string().max(200),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  agencies: z.array(z.string()).default([]),
  auditorIds: z.array(z.string()).min(1),
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuditRound = z.infer<typeof AuditRoundSchema>;

/**
 * One auditor's check-in for one case (or one agency/school self-assessment). Saved as a draft after
 * every answer, so the dialog and the quick card share it and an auditor can stop and come back.
 */
export const CheckInSchema = z.object({
  type: z.literal('checkin'),
  id: z.string(),
  pk: z.string(),
  roundId: z.string(),
  auditorId: z.string(),
  agency: z.string().optional(),
  reference: z.string().max(40).optional(),
  answers: z.record(z.string(), z.string()).default({}),
  grade: z.string().optional(),
  strengths: z.string().max(2000).optional(),
  improvements: z.string().max(2000).optional(),
  proposedActions: z.string().max(2000).optional(),
  status: z.enum(['draft', 'submitted']),
  learningActionIds: z.array(z.string()).default([]),
  submittedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;
