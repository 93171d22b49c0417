import { z } from 'zod';
import { isStorableId } from '../../storage/repository';

/** Longest id any record of ours has (uuids and deterministic hashes are far shorter). */
const MAX_ID = 200;

/**
 * A record id sent back by a card. Anything that cannot be one of our ids becomes '', which finds
 * nothing: a tampered or out-of-date card gets the feature's own "I cannot find that", never a
 * validation message about a field the person cannot see, and never a storage error.
 */
export const RecordId = z.string().transform((s) => (s.length <= MAX_ID && isStorableId(s) ? s : ''));

/** A member id: the Entra object id Teams sends (a GUID; tests and the Playground use short synthetic ones). */
export const MEMBER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
