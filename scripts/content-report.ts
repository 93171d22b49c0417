import { loadPackByName, listPacks, type ContentPack } from '../content/load';
import { packFacts, sourceKind } from '../content/facts';
import { describeSource } from '../content/describe';
import { connectStore } from '../storage/cosmos';
import { ContentRepository } from '../storage/content/repository';
import type { ContentOverride } from '../storage/content/schema';

/**
 * `npm run --silent content:report -- <pack>`: how many facts each kind of source backs, every fact
 * still to be confirmed, and, when COSMOS_ENDPOINT (and COSMOS_KEY) are set, every override the
 * business unit has made in Teams, active or reverted, with who and when.
 */
export function contentReport(pack: ContentPack, overrides?: readonly ContentOverride[]): string {
  const facts = packFacts(pack);
  const counts = { local: 0, national: 0, toConfirm: 0, missing: 0 };
  for (const f of facts) counts[sourceKind(pack, f)]++;
  const byDoc = new Map<string, number>();
  for (const f of facts) if (f.holder.source) byDoc.set(f.holder.source.doc, (byDoc.get(f.holder.source.doc) ?? 0) + 1);
  const lines = [
    `Content report: ${pack.partnership.name} (pack ${pack.partnership.id})`,
    '',
    `Facts: ${facts.length}`,
    `  from the partnership's own documents: ${counts.local}`,
    `  from national documents: ${counts.national}`,
    `  to be confirmed: ${counts.toConfirm}`,
    `  with no source and nothing to confirm: ${counts.missing}`,
    '',
    'Facts per document:',
    ...[...byDoc].sort((a, b) => b[1] - a[1]).map(([doc, n]) => `  ${describeSource(pack, { doc, at: '' }).replace(/, $/, '')} (${doc}): ${n}`),
    '',
    `To be confirmed (${counts.toConfirm}):`,
    ...facts.filter((f) => f.holder.toConfirm).map((f) => `  - ${f.id} [${f.label}]${f.holder.source ? ` (source: ${describeSource(pack, f.holder.source)})` : ''}: ${f.holder.toConfirm}`),
  ];
  if (overrides) {
    const known = new Set(facts.map((f) => f.id));
    lines.push('', `Overrides in storage (${overrides.length}):`);
    for (const o of overrides) {
      const where = o.kind === 'fact' && !known.has(o.target) ? ' (no longer in the pack)' : '';
      lines.push(`  - ${o.createdAt} ${o.status} ${o.kind} ${o.action} ${o.target}${where} by ${o.createdByName || o.createdBy}${o.value ? `: "${o.value}"` : ''}${o.note ? ` (why: ${o.note})` : ''}${o.revertedAt ? `; reverted ${o.revertedAt}` : ''}`);
    }
  } else {
    lines.push('', 'Overrides in storage: not read (set COSMOS_ENDPOINT and COSMOS_KEY to include them).');
  }
  return lines.join('\n');
}

async function main() {
  const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!name) {
    console.error(`Usage: npm run --silent content:report -- <pack>   (packs: ${listPacks().join(', ')})`);
    process.exit(2);
  }
  const pack = loadPackByName(name);
  let overrides: ContentOverride[] | undefined;
  const endpoint = process.env.COSMOS_ENDPOINT;
  if (endpoint) {
    const key = process.env.COSMOS_KEY;
    if (!key) {
      console.error('COSMOS_KEY is required when COSMOS_ENDPOINT is set.');
      process.exit(2);
    }
    const host = new URL(endpoint).hostname;
    const store = await connectStore({ endpoint, key, databaseId: process.env.COSMOS_DATABASE ?? 'partnership-bot', insecureLoopbackTls: host === '127.0.0.1' || host === 'localhost' });
    overrides = await new ContentRepository(store, pack.partnership.id).all();
  }
  console.log(contentReport(pack, overrides));
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`content:report failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
