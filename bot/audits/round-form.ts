import { z } from 'zod';
import type { Services } from '../core/contract';
import { londonDate } from '../shared/time/working-days';
import { roundFormCard } from './cards';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The new-round form, checked on the server. */
export function roundFormSchema(services: Services) {
  const templates = services.content.audits.templates;
  return z.object({
    templateId: z.string().refine((id) => templates.some((t) => t.id === id), 'choose a template'),
    theme: z.string().trim().min(2, 'give the round a theme').max(200),
    dueDate: z.string().regex(ISO_DATE, 'choose a due date').refine((d) => d >= londonDate(services.clock.now()), 'cannot be in the past'),
    auditors: z.string().trim().min(2, 'name at least one auditor').max(1000),
    agencies: z.string().max(2000).optional(),
  });
}

/** The form, with what the user typed and a message when something needs fixing. */
export function roundForm(services: Services, typed?: Record<string, unknown>, error?: string) {
  const agencies = services.content.partnership.agencies.map((a) => ({ id: a.id, name: a.name }));
  const values = typed ? Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, String(v ?? '')])) : undefined;
  return roundFormCard(services.content.audits.templates, agencies, values, error);
}
