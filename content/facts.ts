import type { ContentPack } from './load';
import type { Provenance } from './schema/provenance';
import { describeCadence, describeChair, describeQuorum, partnerLabel } from './describe';

export type FactFormat = 'text' | 'phone' | 'url' | 'email' | 'rule';
export type SourceKind = 'local' | 'national' | 'toConfirm' | 'missing';

/**
 * One fact of a pack, addressed by a stable id the business unit uses to confirm or change it
 * (`front-door.phone`, `group.partnership-board.quorum`, `topic.escalation-route.statutory-partners`,
 * `glossary.NRM`). Ids are built from the ids written in the pack, never from positions.
 */
export interface Fact {
  id: string;
  file: 'partnership' | 'meetings' | 'queries' | 'audits';
  /** What it is, for people: "Front door phone", "Partnership board: quorum". */
  label: string;
  /** The wording now (a rule is rendered in words). */
  text: string;
  format: FactFormat;
  /** A wording the business unit may change in Teams; rules (quorum, chair, cadence) can only be confirmed. */
  changeable: boolean;
  /** The object that carries the provenance (mutated when overrides are applied to a copy). */
  holder: Provenance;
  /** Sets the wording (changeable facts only). */
  set?: (value: string) => void;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/** Every fact of a pack, in file order. The holders are the pack's own objects. */
export function packFacts(pack: ContentPack): Fact[] {
  const out: Fact[] = [];
  const add = (f: Omit<Fact, 'format' | 'changeable'> & { format?: FactFormat; changeable?: boolean }) =>
    out.push({ format: 'text', changeable: Boolean(f.set), ...f });
  const textField = <T extends Provenance>(holder: T, key: keyof T & string) => ({
    text: String(holder[key] ?? ''),
    holder,
    set: (v: string) => void ((holder as Record<string, unknown>)[key] = v),
  });

  const p = pack.partnership;
  add({ id: 'partnership', file: 'partnership', label: 'Partnership name, area and website', text: `${p.name} (${p.shortName}), ${p.area}, ${p.website}`, holder: p });
  const fd = p.frontDoor;
  add({ id: 'front-door', file: 'partnership', label: `Front door: ${fd.shortName}`, ...textField(fd, 'description') });
  for (const [key, label, format] of [['phone', 'phone', 'phone'], ['outOfHoursPhone', 'out-of-hours phone', 'phone'], ['url', 'web page', 'url']] as const) {
    const f = fd[key];
    if (f) add({ id: `front-door.${slug(key.replace(/[A-Z]/g, (c) => `-${c}`))}`, file: 'partnership', label: `Front door ${label}`, format, ...textField(f, 'value') });
  }
  if (p.businessUnit) {
    add({ id: 'business-unit', file: 'partnership', label: 'Business unit', ...textField(p.businessUnit, 'summary') });
    if (p.businessUnit.email) add({ id: 'business-unit.email', file: 'partnership', label: 'Business unit mailbox', format: 'email', ...textField(p.businessUnit.email, 'value') });
  }
  for (const s of p.statutoryPartners) add({ id: `partner.${s.id}`, file: 'partnership', label: `Statutory partner: ${s.label}`, text: s.name, holder: s });
  for (const s of p.localPartners) add({ id: `local-partner.${s.id}`, file: 'partnership', label: `Local partner: ${s.label}`, text: `${s.name}: ${s.note}`, holder: s });
  for (const x of p.people) add({ id: `person.${x.id}`, file: 'partnership', label: `${x.title}${x.partner ? ` (${partnerLabel(pack, x.partner)})` : ''}`, ...textField(x, 'name') });
  for (const a of p.agencies) add({ id: `agency.${a.id}`, file: 'partnership', label: `Agency: ${a.shortName ?? a.name}`, text: `${a.name}${a.statutoryPartner ? ` (counts for ${partnerLabel(pack, a.statutoryPartner)})` : ''}${a.relevantAgency ? ', relevant agency' : ''}`, holder: a });
  for (const x of p.priorities) add({ id: `priority.${x.id}`, file: 'partnership', label: `Priority: ${x.name}`, ...textField(x, 'summary') });
  for (const s of p.meetingSeries) {
    add({ id: `group.${s.id}`, file: 'partnership', label: s.name, text: `${s.name}: ${s.purpose}`, holder: s });
    if (s.cadence) add({ id: `group.${s.id}.cadence`, file: 'partnership', label: `${s.name}: how often`, format: 'rule', text: `Meets ${describeCadence(s.cadence)}`, holder: s.cadence });
    if (s.quorum) add({ id: `group.${s.id}.quorum`, file: 'partnership', label: `${s.name}: quorum`, format: 'rule', text: describeQuorum(pack, s.quorum), holder: s.quorum });
    if (s.chair) add({ id: `group.${s.id}.chair`, file: 'partnership', label: `${s.name}: chair`, format: 'rule', text: `Chaired by ${describeChair(pack, s.chair)}${s.chair.kind === 'rota' && s.chair.start ? ` from ${s.chair.start}` : ''}`, holder: s.chair });
    if (s.attendanceMonitored) add({ id: `group.${s.id}.attendance`, file: 'partnership', label: `${s.name}: attendance`, format: 'rule', text: 'Attendance is monitored by agency', holder: s.attendanceMonitored });
  }
  if (p.scrutiny) {
    add({ id: 'scrutiny', file: 'partnership', label: 'Independent scrutiny', ...textField(p.scrutiny, 'summary') });
    for (const x of p.scrutiny.plan) add({ id: `scrutiny.${x.id}`, file: 'partnership', label: `Scrutiny plan: ${x.area}`, format: 'rule', text: `${x.area}: scope ${x.scope}, delivery ${x.delivery}, report ${x.report}`, holder: x });
  }
  for (const [key, l] of Object.entries(p.links)) add({ id: `link.${key}`, file: 'partnership', label: `Link: ${l.title}`, format: 'url', text: l.url, holder: l });

  for (const o of pack.meetings.cadenceOverrides) add({ id: `cadence-override.${o.series}.${o.from}`, file: 'meetings', label: `Cadence from ${o.from} to ${o.to} (${o.series})`, format: 'rule', text: `every ${o.every} ${o.kind}${o.note ? `: ${o.note}` : ''}`, holder: o });

  const q = pack.queries;
  add({ id: 'danger-line', file: 'queries', label: 'Immediate-danger line', text: q.immediateDanger, holder: q.immediateDangerProvenance, set: (v) => void (q.immediateDanger = v) });
  for (const t of q.topics) {
    add({ id: `topic.${t.id}`, file: 'queries', label: `Answer: ${t.title}`, ...textField(t, 'summary') });
    if (t.framework) add({ id: `topic.${t.id}.framework`, file: 'queries', label: `${t.title}: framework`, text: t.framework.name, holder: t.framework });
    for (const s of t.stages ?? []) add({ id: `topic.${t.id}.${s.id}`, file: 'queries', label: `${t.title}: stage "${s.title}"`, ...textField(s, 'text') });
    for (const l of t.levels ?? []) add({ id: `topic.${t.id}.${l.id}`, file: 'queries', label: `${t.title}: ${l.name}`, ...textField(l, 'meaning') });
    for (const s of t.points) add({ id: `topic.${t.id}.${s.id}`, file: 'queries', label: `${t.title}: "${s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text}"`, ...textField(s, 'text') });
    for (const l of t.links) add({ id: `topic.${t.id}.link.${slug(l.title)}`, file: 'queries', label: `${t.title}: link "${l.title}"`, format: 'url', text: l.url, holder: l });
  }
  for (const g of q.glossary) add({ id: `glossary.${g.acronym}`, file: 'queries', label: `Glossary: ${g.acronym} (${g.expansion})`, ...textField(g, 'meaning') });

  for (const t of pack.audits.templates) {
    add({ id: `audit.${t.id}`, file: 'audits', label: `Audit template: ${t.name}`, text: t.purpose, holder: t });
    if (t.programme) add({ id: `audit.${t.id}.programme`, file: 'audits', label: `${t.name}: programme`, format: 'rule', text: `every ${t.programme.every} ${t.programme.unit}${t.programme.every > 1 ? 's' : ''}${t.programme.sampleSize ? `, ${t.programme.sampleSize} cases` : ''}${t.programme.method ? `: ${t.programme.method}` : ''}`, holder: t.programme });
  }
  return out;
}

/** How a fact is known: the partnership's own document, a national one, still to be confirmed, or nothing. */
export function sourceKind(pack: Pick<ContentPack, 'sources'>, f: Pick<Fact, 'holder'>): SourceKind {
  if (f.holder.toConfirm) return 'toConfirm';
  if (!f.holder.source) return f.holder.override ? 'local' : 'missing';
  return pack.sources.documents.some((d) => d.id === f.holder.source!.doc) ? 'local' : 'national';
}

export interface AppliedOverrideInput {
  kind: string;
  target: string;
  action: string;
  value?: string;
  createdByName?: string;
  createdAt: string;
}

/**
 * The pack as the business unit has confirmed or changed it: a copy of the shipped pack with each
 * active override applied in the order it was made. A confirm clears `toConfirm`; a change sets the
 * wording (changeable facts only) and counts as confirmed. Overrides of facts the pack no longer has
 * are skipped (the report lists them).
 */
export function applyOverrides(base: ContentPack, overrides: readonly AppliedOverrideInput[]): ContentPack {
  const relevant = overrides.filter((o) => o.kind === 'fact' && (o.action === 'confirm' || o.action === 'change'));
  if (relevant.length === 0) return base;
  const pack = structuredClone(base);
  const facts = new Map(packFacts(pack).map((f) => [f.id, f]));
  for (const o of [...relevant].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const f = facts.get(o.target);
    if (!f) continue;
    if (o.action === 'change') {
      if (!f.set || o.value === undefined) continue;
      f.set(o.value);
    }
    delete f.holder.toConfirm;
    f.holder.override = { action: o.action as 'confirm' | 'change', byName: o.createdByName || 'the business unit', at: o.createdAt };
  }
  return pack;
}

