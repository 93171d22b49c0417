import { z } from 'zod';
import { checkChildIdentifying } from '../shared/privacy/child-identifying';

/**
 * Free text that goes into the tracker (updates, evidence, impact, reasons) is read by the board and
 * the scrutineer, so anything the shared guard flags as child-identifying is refused with its wording.
 * Unlike the guard's own guardedText, a missing field reads "is required", which suits the card forms.
 */
export function guarded(max: number, opts: { required?: boolean } = {}) {
  const base = z.string({ error: 'is required' }).trim().max(max, `is too long (at most ${max} characters)`);
  const text = opts.required === false ? base : base.min(1, 'is required');
  return text.superRefine((value, ctx) => {
    const message = childIdentifyingMessage(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

/** For CSV rows and the API, where a message is collected instead of a zod issue. */
export function childIdentifyingMessage(value: string): string | undefined {
  if (!value) return undefined;
  const check = checkChildIdentifying(value);
  return check.flagged ? (check.message ?? 'This looks like it could identify a child: please take those details out.') : undefined;
}
