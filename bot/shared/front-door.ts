import type { Partnership } from '../../content/schema/partnership';
import { frontDoorContact } from '../../content/describe';

/**
 * The line every message that may touch on risk to a child carries: what to do when a child is in
 * immediate danger, and the partnership's front door for urgent concerns (a phone number still to be
 * confirmed is never shown as fact). One wording everywhere.
 */
export function frontDoorLine(p: Pick<Partnership, 'frontDoor'>): string {
  return `If a child is in immediate danger, call 999. For urgent concerns contact ${frontDoorContact(p.frontDoor)}.`;
}

/**
 * For a worry that is not an emergency (the risk card already leads with the 999 line): who to talk
 * it through with, the partnership's front door and its numbers.
 */
export function worriedLine(p: Pick<Partnership, 'frontDoor'>): string {
  return `Worried about a child but it is not an emergency? Talk it through with your designated safeguarding lead and the front door: ${frontDoorContact(p.frontDoor)}.`;
}
