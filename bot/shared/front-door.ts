import type { Partnership } from '../../content/schema/partnership';

/**
 * The line every message that may touch on risk to a child carries: what to do when a child is in
 * immediate danger, and the partnership's front door for urgent concerns. One wording everywhere.
 */
export function frontDoorLine(p: Pick<Partnership, 'frontDoor'>): string {
  return `If a child is in immediate danger, call 999. For urgent concerns contact ${p.frontDoor.name} on ${p.frontDoor.phone}.`;
}

/**
 * For a worry that is not an emergency (the risk card already leads with the 999 line): who to talk
 * it through with, the partnership's front door and its numbers.
 */
export function worriedLine(p: { frontDoor?: Partial<{ name: string; phone: string; outOfHoursPhone: string }> }): string {
  const fd = p.frontDoor;
  if (!fd?.name) return "Worried about a child but it is not an emergency? Talk it through with your designated safeguarding lead and the front door for children's social care.";
  const phones = [fd.phone, fd.outOfHoursPhone ? `out of hours ${fd.outOfHoursPhone}` : undefined].filter(Boolean).join(', ');
  return `Worried about a child but it is not an emergency? Talk it through with the front door: ${fd.name}${phones ? ` (${phones})` : ''}.`;
}
