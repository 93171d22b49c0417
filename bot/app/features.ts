import type { Feature, Services } from '../core/contract';
import { createMembersFeature } from '../members';
import { createHelpFeature } from '../help';
import { createMeetingsFeature } from '../meetings';
import { createBriefingsFeature } from '../briefings';
import { createActionsFeature } from '../actions';
import { createAuditsFeature } from '../audits';
import { createQueriesFeature } from '../queries';
import { createNumbersFeature } from '../numbers';
import { createContentFeature } from '../content';

/**
 * Every feature, in routing order: commands are matched in this order, and the queries feature's
 * free-text fallback comes last so that any command wins over a question.
 */
export function createFeatures(services: Services): Feature[] {
  const features: Feature[] = [];
  features.push(
    createHelpFeature(services, () => features.flatMap((f) => f.commands ?? [])),
    createMembersFeature(services),
    createMeetingsFeature(services),
    createBriefingsFeature(services),
    createActionsFeature(services),
    createAuditsFeature(services),
    createNumbersFeature(services),
    createContentFeature(services),
    createQueriesFeature(services),
  );
  return features;
}
