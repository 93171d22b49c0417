import https from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { CONTAINERS, type ContainerName } from './containers';
import { StorageHealth } from './health';

export interface Store {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  databaseId: string;
  /** Whether the store answered recently: turns fail fast while it is down. */
  health: StorageHealth;
  /** True when the database answers a cheap read within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  dispose(): void;
}

export interface ConnectOptions {
  endpoint: string;
  key: string;
  databaseId: string;
  /** Only for the embedded loopback server, whose bundled certificate has expired. */
  insecureLoopbackTls?: boolean;
  /** Default TTL in seconds per container (real Cosmos only; the embedded server ignores TTL). */
  ttlSeconds?: Partial<Record<ContainerName, number>>;
}

/** One client for the whole process; creates the database and containers if they are missing. */
export async function connectStore(opts: ConnectOptions): Promise<Store> {
  const agent = opts.insecureLoopbackTls ? new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 64 }) : undefined;
  const client = new CosmosClient({
    endpoint: opts.endpoint,
    key: opts.key,
    agent,
    connectionPolicy: opts.insecureLoopbackTls
      ? { enableEndpointDiscovery: false, requestTimeout: 5000, retryOptions: { maxRetryAttemptCount: 2, fixedRetryIntervalInMilliseconds: 50, maxWaitTimeInSeconds: 2 } }
      : undefined,
  });
  const { database } = await client.databases.createIfNotExists({ id: opts.databaseId });
  const containers = {} as Record<ContainerName, Container>;
  for (const [name, path] of Object.entries(CONTAINERS) as [ContainerName, string][]) {
    const ttl = opts.insecureLoopbackTls ? undefined : opts.ttlSeconds?.[name];
    const definition = { id: name, partitionKey: { paths: [path] }, ...(ttl !== undefined ? { defaultTtl: ttl } : {}) };
    const { container, resource } = await database.containers.createIfNotExists(definition);
    // An existing container keeps its old TTL unless told; replace() is safe on real Cosmos (never called on the embedded server).
    if (ttl !== undefined && resource && resource.defaultTtl !== ttl) {
      await container.replace({ ...resource, defaultTtl: ttl });
    }
    containers[name] = container;
  }
  const health = new StorageHealth();
  return {
    client,
    database,
    containers,
    databaseId: opts.databaseId,
    health,
    async ping(timeoutMs = 2000) {
      try {
        await database.read({ abortSignal: AbortSignal.timeout(timeoutMs) });
        health.markUp();
        return true;
      } catch {
        health.markDown();
        return false;
      }
    },
    dispose() {
      client.dispose();
      agent?.destroy();
    },
  };
}
