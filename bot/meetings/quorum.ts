/**
 * Quorum per statutory partner. A partner is represented when someone from one of its agencies is
 * attending, or has sent a deputy who is named (an unnamed deputy cannot be held to a decision). A
 * deputy stands in for the member who sent them, so they count for that member's agency, whatever
 * their own agency is.
 */
export interface QuorumPartner {
  id: string;
  label: string;
}

export interface QuorumResponse {
  /** The responding member's agency. */
  agency?: string;
  response: 'attending' | 'deputy' | 'apologies';
  deputyName?: string;
  /** The deputy's own agency: recorded, but a deputy counts for the member's agency. */
  deputyAgency?: string;
}

export interface QuorumResult {
  /** False when the group has no quorum rule. */
  applies: boolean;
  quorate: boolean;
  partners: { id: string; label: string; present: boolean }[];
  line: string;
}

export function representedAgency(r: QuorumResponse): string | undefined {
  if (r.response === 'attending') return r.agency;
  if (r.response === 'deputy' && r.deputyName?.trim()) return r.agency;
  return undefined;
}

export function quorum(required: readonly string[], partners: readonly QuorumPartner[], agencyPartner: (agency: string) => string | undefined, responses: readonly QuorumResponse[]): QuorumResult {
  if (required.length === 0) return { applies: false, quorate: true, partners: [], line: 'No quorum rule for this group.' };
  const present = new Set<string>();
  for (const r of responses) {
    const agency = representedAgency(r);
    const partner = agency ? agencyPartner(agency) : undefined;
    if (partner) present.add(partner);
  }
  const rows = required.map((id) => ({ id, label: partners.find((p) => p.id === id)?.label ?? id, present: present.has(id) }));
  const quorate = rows.every((r) => r.present);
  const marks = rows.map((r) => `${r.label} ${r.present ? '✓' : '✗'}`).join(', ');
  return { applies: true, quorate, partners: rows, line: `Quorate: ${marks}${quorate ? '' : ' (not quorate yet)'}` };
}
