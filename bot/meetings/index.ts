import type { Feature, Services } from '../app-api';

/** The meetings feature: registered commands, card verbs, dialogs and sweeps. */
export function createMeetingsFeature(services: Services): Feature {
  void services;
  return { name: 'meetings' };
}
