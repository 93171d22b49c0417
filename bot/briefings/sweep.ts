import type { Services, SweepDef } from '../core/contract';
import type { BroadcastEngine } from './broadcast-engine';
import { SWEEP_EVERY_SECONDS } from './consts';

/**
 * Starts scheduled broadcasts that are due and resumes interrupted ones (a crashed instance's
 * broadcast is picked up here once its lease lapses). Runs are started in the background so a long
 * broadcast never holds up the other features' sweeps; the broadcast lease keeps runs single.
 */
export function broadcastSweep(engine: BroadcastEngine): SweepDef {
  return {
    feature: 'briefings',
    name: 'broadcast',
    everySeconds: SWEEP_EVERY_SECONDS,
    run: async (_services: Services, now: Date) => {
      const active = await engine.repo.active();
      let started = 0;
      for (const b of active) {
        if (b.status === 'scheduled' && (!b.scheduledFor || Date.parse(b.scheduledFor) > now.getTime())) continue;
        if (engine.isRunning(b.id)) continue;
        void engine.start(b.id);
        started++;
      }
      return { active: active.length, started };
    },
  };
}
