import type { Role } from '../../content/schema/partnership';

const ALIASES: Record<string, Role> = {
  'business unit': 'businessUnit',
  businessunit: 'businessUnit',
  bu: 'businessUnit',
  dsp: 'dsp',
  'delegated safeguarding partner': 'dsp',
  lsp: 'lsp',
  'lead safeguarding partner': 'lsp',
  chair: 'chair',
  practitioner: 'practitioner',
};

/** Accepts the words people use for a role ("business unit", "DSP") and returns its id. */
export function parseRole(text: string): Role | undefined {
  return ALIASES[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export const ROLE_WORDS = 'business unit, dsp, lsp, chair or practitioner';
