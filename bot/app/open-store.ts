import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import { connectStore, type Store } from '../../storage/cosmos';
import { startEmbeddedCosmosThread } from '../../storage/embedded-thread';
import type { EmbeddedCosmos } from '../../storage/embedded-types';

/**
 * Connects to Cosmos DB, or with no COSMOS_ENDPOINT to the embedded in-memory server (started on a
 * worker thread unless one is passed in, as tests and benchmarks do to share one between bots).
 */
export async function openStore(config: Config, log: Logger, given?: { embedded: EmbeddedCosmos; owned: boolean }): Promise<{ store: Store; embedded?: EmbeddedCosmos; ownEmbedded?: EmbeddedCosmos }> {
  if (!config.embeddedStorage) {
    const store = await connectStore({
      endpoint: config.COSMOS_ENDPOINT!,
      key: config.COSMOS_KEY!,
      databaseId: config.COSMOS_DATABASE,
      ttlSeconds: {
        queries: config.RETENTION_DAYS_QUERIES * 86400,
        deliveries: config.RETENTION_DAYS_DELIVERIES * 86400,
        notifications: config.RETENTION_DAYS_DELIVERIES * 86400,
      },
    });
    return { store };
  }
  let embedded = given?.embedded;
  let ownEmbedded = given?.owned ? embedded : undefined;
  if (!embedded) embedded = ownEmbedded = await startEmbeddedCosmosThread();
  if (ownEmbedded) {
    log.warn({ event: 'embedded-storage', endpoint: embedded.endpoint }, 'COSMOS_ENDPOINT is not set: using the embedded in-memory Cosmos server; data is lost when the bot stops');
  }
  const store = await connectStore({ endpoint: embedded.endpoint, key: embedded.key, databaseId: config.COSMOS_DATABASE, insecureLoopbackTls: true });
  return { store, embedded, ownEmbedded };
}
