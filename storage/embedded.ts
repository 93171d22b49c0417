import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { EMBEDDED_KEY, type EmbeddedCosmos } from './embedded-types';

export type { EmbeddedCosmos };

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

