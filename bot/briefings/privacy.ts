import { checkChildIdentifying } from '../shared/privacy/child-identifying';

/** The shared guard's verdict with a message always present, for briefing text and reflections. */
export interface PrivacyVerdict {
  flagged: boolean;
  kinds: string[];
  message: string;
}

export function checkText(text: string | undefined): PrivacyVerdict {
  if (!text || !text.trim()) return { flagged: false, kinds: [], message: '' };
  const v = checkChildIdentifying(text);
  return { flagged: v.flagged, kinds: [...v.kinds], message: v.message ?? '' };
}

/** Checks several labelled fields and names the first one the author must change. */
export function checkFields(fields: Record<string, string | undefined>): { field: string; verdict: PrivacyVerdict } | undefined {
  for (const [field, text] of Object.entries(fields)) {
    const verdict = checkText(text);
    if (verdict.flagged) return { field, verdict };
  }
  return undefined;
}
