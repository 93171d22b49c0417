import type { Feature, Services } from '../app-api';

/** The queries feature: registered commands, card verbs, dialogs and sweeps. */
export function createQueriesFeature(services: Services): Feature {
  void services;
  return { name: 'queries' };
}
