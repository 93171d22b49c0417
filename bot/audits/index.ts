import type { Feature, Services } from '../core/contract';
import { AuditRounds } from './rounds';
import { createAuditCommands } from './commands';
import { createAuditVerbs } from './verbs';
import { createReminderSweep } from './reminder-sweep';

/** Audit check-ins: rounds set up by the business unit, answered by dialog or quick card, summarised. */
export function createAuditsFeature(services: Services): Feature {
  const rounds = new AuditRounds(services);
  return {
    name: 'audits',
    commands: createAuditCommands(rounds),
    verbs: createAuditVerbs(rounds),
    sweeps: [createReminderSweep(rounds)],
  };
}
