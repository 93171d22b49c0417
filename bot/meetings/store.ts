import type { Services } from '../core/contract';
import { MeetingsRepository } from '../../storage/meetings/repository';

const cache = new WeakMap<Services, MeetingsRepository>();

/** One repository per Services, so every handler and sweep shares it. */
export function meetingsStore(services: Services): MeetingsRepository {
  let repo = cache.get(services);
  if (!repo) {
    repo = new MeetingsRepository(services.store, services.partnershipId, () => services.clock.now());
    cache.set(services, repo);
  }
  return repo;
}
