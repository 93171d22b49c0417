import type { Feature, Services } from '../app-api';

/** The audits feature: registered commands, card verbs, dialogs and sweeps. */
export function createAuditsFeature(services: Services): Feature {
  void services;
  return { name: 'audits' };
}
