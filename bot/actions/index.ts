import type { Feature, Services } from '../app-api';

/** The actions feature: registered commands, card verbs, dialogs and sweeps. */
export function createActionsFeature(services: Services): Feature {
  void services;
  return { name: 'actions' };
}
