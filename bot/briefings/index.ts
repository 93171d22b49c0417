import type { Feature, Services } from '../app-api';

/** The briefings feature: registered commands, card verbs, dialogs and sweeps. */
export function createBriefingsFeature(services: Services): Feature {
  void services;
  return { name: 'briefings' };
}
