import type { Partnership } from '../../content/schema/partnership';

/**
 * The line every message that may touch on risk to a child carries: what to do when a child is in
 * immediate danger, and the partnership's front door for urgent concerns. One wording everywhere.
 */
export function frontDoorLine(p: Pick<Partnership, 'frontDoor'>): string {
  return `If a child is in immediate danger, call 999. For urgent concerns contact ${p.frontDoor.name} on ${p.frontDoor.phone}.`;
}
