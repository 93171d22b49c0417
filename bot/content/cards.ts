import type { AdaptiveCard, Services } from '../core/contract';
import type { Fact } from '../../content/facts';
import { expandCard } from '../../cards/expand';
import { TO_BE_CONFIRMED } from '../../content/describe';
import { topicTitle } from '../queries/cards';
import { PAGE_SIZE } from './consts';
import { plural } from '../shared/format';
import { factIdForTopic, factSource, factsToConfirm, findFact, mostAsked, overrideLabel, overrideLine, sourceCounts } from './review';

const clip = (s: string, n = 220) => (s.length > n ? `${s.slice(0, n - 3)}...` : s);

/** The `content` card: what is still to confirm, the answers most asked about, and every change in force. */
export async function listCard(services: Services, page = 1, banner = ''): Promise<AdaptiveCard> {
  const pack = services.content;
  const counts = sourceCounts(pack);
  const pending = factsToConfirm(pack);
  const pages = Math.max(1, Math.ceil(pending.length / PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const shown = pending.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
  const [asked, snap] = await Promise.all([mostAsked(services), services.overrides.current()]);
  return expandCard('content', 'list', {
    heading: 'Content: facts the business unit stands behind',
    intro: `${counts.total} facts: ${counts.local} from the partnership's documents, ${counts.national} from national guidance, ${counts.toConfirm} to confirm${counts.missing ? `, ${counts.missing} with no source` : ''}. ${snap.active.length} change${snap.active.length === 1 ? '' : 's'} in force.`,
    banner,
    mostAsked: asked.map((a) => {
      const fact = findFact(pack, factIdForTopic(a.topic));
      return { label: topicTitle(pack.queries, a.topic), detail: `Asked ${plural(a.count, 'time')} recently. Source: ${fact ? factSource(pack, fact) : 'none given'}${fact?.holder.toConfirm ? ` (${TO_BE_CONFIRMED})` : ''}.`, factId: factIdForTopic(a.topic) };
    }),
    confirmHeading: pending.length ? `To confirm (${(p - 1) * PAGE_SIZE + 1} to ${(p - 1) * PAGE_SIZE + shown.length} of ${pending.length})` : 'To confirm: nothing is waiting.',
    toConfirm: shown.map((f) => ({ label: f.label, text: clip(f.text || '(not set)'), note: clip(f.holder.toConfirm ?? ''), factId: f.id })),
    changes: snap.active.map((o) => ({ label: overrideLabel(pack, o), detail: overrideLine(o), overrideId: o.id })),
    nextPage: p < pages ? String(p + 1) : '',
  });
}

const FORMAT_LABEL: Record<Fact['format'], string> = { text: 'New wording', phone: 'New wording (a phone number)', url: 'New wording (a web address starting https://)', email: 'New wording (an e-mail address)', rule: 'New wording' };

/** One fact: its wording, source and status, with confirm, change and the history of overrides. */
export async function factCard(services: Services, factId: string, o: { banner?: string; tone?: 'good' | 'attention'; typed?: string; note?: string } = {}): Promise<AdaptiveCard | undefined> {
  const pack = services.content;
  const fact = findFact(pack, factId);
  if (!fact) return undefined;
  const history = (await services.overrides.history()).filter((x) => x.kind === 'fact' && x.target === factId);
  const status = fact.holder.toConfirm
    ? fact.format === 'phone' || fact.format === 'email' || fact.format === 'url'
      ? `To be confirmed: shown to people as "${TO_BE_CONFIRMED}", not as this value`
      : 'To be confirmed: shown marked "to be confirmed"'
    : fact.holder.override
      ? `${fact.holder.override.action === 'change' ? 'Changed' : 'Confirmed'} by ${fact.holder.override.byName}`
      : 'Stands on its source';
  return expandCard('content', 'fact', {
    factId: fact.id,
    label: fact.label,
    banner: o.banner ?? '',
    bannerStyle: o.tone ?? 'good',
    text: fact.text || '(not set)',
    source: factSource(pack, fact),
    status,
    toConfirm: fact.holder.toConfirm ?? '',
    changeable: fact.changeable,
    multiline: fact.format === 'text',
    changeLabel: FORMAT_LABEL[fact.format],
    typed: o.typed ?? '',
    note: o.note ?? '',
    history: [...history].reverse().map((x) => ({ line: overrideLine(x), active: x.status === 'active', overrideId: x.id })),
  });
}
