import { z } from 'zod';
import { RecordId } from '../core/record-id';
import { defineVerb, type Services, type Turn, type VerbDef, type VerbResult } from '../core/contract';
import type { Briefing } from '../../storage/briefings/schema';
import { computeReach, reachCsv } from './reach';
import { reachCard } from './cards';
import { sendToAuthor } from './author-chat';
import type { BroadcastEngine } from './broadcast-engine';
import { mayViewReach } from './visibility';
import { refusal } from '../core/roles';

/** The reach card for one briefing, for the business unit (which includes every author). */
export async function reachFor(services: Services, engine: BroadcastEngine, b: Briefing) {
  const rows = await engine.repo.reachRows(b.id);
  const reach = computeReach(rows, services.content.partnership.agencies);
  return { rows, reach, card: reachCard(b, reach) };
}

/**
 * The CSV goes into the author's 1:1 chat as a fenced code block: Teams bots cannot attach a file in
 * a channel without the file-consent flow, and a code block copies cleanly into a spreadsheet.
 */
export async function exportReach(services: Services, engine: BroadcastEngine, turn: Turn, b: Briefing, withReflections: boolean): Promise<VerbResult> {
  const { rows, reach } = await reachFor(services, engine, b);
  const csv = reachCsv(b, reach, rows, services.content.partnership.agencies, withReflections);
  await sendToAuthor(services, turn, `**Reach figures for ${b.code}** (CSV${withReflections ? ', with practice reflections' : ', figures only'}). Copy the block below into a file named \`briefing-${b.code}-reach.csv\`.\n\n\`\`\`csv\n${csv}\`\`\``);
  await services.audit.record({ actorId: turn.member.id, feature: 'briefings', action: 'export-reach', entityType: 'briefing', entityId: b.id, detail: { reflections: withReflections } });
  return { message: 'The CSV is in your chat with me.' };
}

export function reachVerbs(services: Services, engine: BroadcastEngine): VerbDef[] {
  const Ids = z.object({ briefingId: RecordId });
  return [
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.reach',
      schema: Ids,
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
        if (!mayViewReach(turn.member, b)) return { message: refusal(['businessUnit']) };
        return { card: (await reachFor(services, engine, b)).card };
      },
    }),
    defineVerb({
      feature: 'briefings',
      verb: 'briefings.export',
      schema: Ids.extend({ reflections: z.boolean().optional() }),
      run: async (turn, d) => {
        const b = await engine.repo.getBriefing(d.briefingId);
        if (!b) return { message: 'I cannot find that briefing any more.' };
        if (!mayViewReach(turn.member, b)) return { message: refusal(['businessUnit']) };
        return exportReach(services, engine, turn, b, !!d.reflections);
      },
    }),
  ];
}
