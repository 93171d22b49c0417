import { z } from 'zod';
import type { Services } from '../core/contract';
import { londonDate } from '../shared/time/working-days';
import { guardedText, tooLong } from '../shared/privacy/purpose';
import { PAST_DATE } from '../core/invalid';
import { roundFormCard } from './cards';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The new-round form, checked on the server. */
export function roundFormSchema(services: Services) {
  const templates = services.content.audits.templates;
  return z.object({
    templateId: z.string({ error: 'Please choose a template.' }).refine((id) => templates.some((t) => t.id === id), 'Please choose a template.'),
    theme: guardedText(200, 'narrative'),
    dueDate: z.string({ error: 'Please choose a due date.' }).regex(ISO_DATE, 'Please choose a due date.').refine((d) => d >= londonDate(services.clock.now()), PAST_DATE),
    auditors: z.string({ error: 'Please name at least one auditor.' }).trim().min(2, 'Please name at least one auditor.').max(1000, tooLong(1000)),
    agencies: z.string().max(2000, tooLong(2000)).optional(),
  });
}

/** What each field is called on the new-round form. */
export const ROUND_FIELD_LABELS: Readonly<Record<string, string>> = { templateId: 'Template', theme: 'Theme', dueDate: 'Due date', auditors: 'Auditors', agencies: 'Agencies' };

/** The form, with what the user typed and a message when something needs fixing. */
export function roundForm(services: Services, typed?: Record<string, unknown>, error?: string) {
  const agencies = services.content.partnership.agencies.map((a) => ({ id: a.id, name: a.name }));
  const values = typed ? Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, String(v ?? '')])) : undefined;
  return roundFormCard(services.content.audits.templates, agencies, values, error);
}
