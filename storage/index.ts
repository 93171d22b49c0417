import type { Store } from './cosmos';
import { ActionsRepository } from './actions/repository';
import { MeetingsRepository } from './meetings/repository';
import { BriefingsRepository } from './briefings/repository';
import { AuditsRepository } from './audits/repository';
import { QueriesRepository } from './queries/repository';
import { ContentRepository } from './content/repository';
import { NumbersRepository } from './numbers/repository';

/** One repository per feature, on the process's one Cosmos client. */
export function createRepositories(store: Store, partnershipId: string, now: () => Date) {
  return {
    actions: new ActionsRepository(store, partnershipId, undefined, now),
    meetings: new MeetingsRepository(store, partnershipId, now),
    briefings: new BriefingsRepository(store, partnershipId),
    audits: new AuditsRepository(store, partnershipId),
    queries: new QueriesRepository(store, partnershipId),
    content: new ContentRepository(store, partnershipId, now),
    numbers: new NumbersRepository(store, partnershipId),
  };
}
