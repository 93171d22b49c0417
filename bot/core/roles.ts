import type { Role } from '../../content/schema/partnership';

export const ROLE_LABELS: Record<Role, string> = {
  businessUnit: 'business unit',
  dsp: 'Delegated Safeguarding Partner',
  lsp: 'Lead Safeguarding Partner',
  chair: 'chair',
  practitioner: 'practitioner',
};

/** Everyone who talks to the bot is at least a practitioner; other roles are granted. */
export function effectiveRoles(roles: readonly Role[]): Role[] {
  return roles.includes('practitioner') ? [...roles] : [...roles, 'practitioner'];
}

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  const mine = effectiveRoles(roles);
  return allowed.some((r) => mine.includes(r));
}

export function refusal(allowed: readonly Role[]): string {
  const names = allowed.map((r) => ROLE_LABELS[r]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return `Sorry, only the ${list} can do that. Nothing has been changed. If you think you should have access, ask the partnership business unit.`;
}
