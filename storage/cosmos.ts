import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CONTAINERS, type ContainerName } from './containers';
import { StorageHealth } from './health';

/** The well-known emulator key; the embedded server accepts any key but the SDK needs base64. */
const EMBEDDED_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  port: number;
  /** Stops accepting connections (used by fault tests); data stays in memory. */
  stop(): Promise<void>;
  /** Listens again on the same port after stop(). */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the in-memory Cosmos-compatible server on 127.0.0.1 (ephemeral port unless one is given).
 * The server builds a fresh, empty account every time it starts listening, so an outage is simulated
 * by refusing connections rather than closing the listener; that keeps the data across stop()/start().
 */
export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  const server = createHttpsServer({ keepAlive: true } as https.ServerOptions);
  server.keepAliveTimeout = 60_000;
  const sockets = new Set<import('node:stream').Duplex>();
  let down = false;
  server.on('connection', (s) => {
    if (down) {
      s.destroy();
      return;
    }
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const actualPort = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  const dropConnections = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    endpoint: `https://127.0.0.1:${actualPort}`,
    key: EMBEDDED_KEY,
    port: actualPort,
    async stop() {
      down = true;
      dropConnections();
    },
    async start() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        down = true;
        server.close(() => resolve());
        dropConnections();
      }),
  };
}

/**
 * The same server on a worker thread (see embedded-worker.cjs): used by `npm start`/`npm run dev` and
 * the benchmarks so storage work runs on the second core. Same stop()/start() outage controls.
 */
export async function startEmbeddedCosmosThread(port = 0): Promise<EmbeddedCosmos> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(require('node:path').join(__dirname, 'embedded-worker.cjs'), { workerData: { port } });
  worker.unref();
  const next = (type: string) =>
    new Promise<{ type: string; port?: number }>((resolve, reject) => {
      const onMessage = (m: { type: string; port?: number }) => {
        if (m.type === type) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const { port: actualPort } = await next('listening');
  return {
    endpoint: `https://127.0.0.1:${actualPort}`,
    key: EMBEDDED_KEY,
    port: actualPort!,
    async stop() {
      worker.postMessage('stop');
      await next('stopped');
    },
    async start() {
      worker.postMessage('start');
      await next('started');
    },
    async close() {
      worker.postMessage('close');
      await next('closed');
      await worker.terminate();
    },
  };
}

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
