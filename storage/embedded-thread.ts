import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EMBEDDED_KEY, type EmbeddedCosmos } from './embedded-types';

export type { EmbeddedCosmos };

/**
 * The same server on a worker thread (see embedded-worker.cjs): used by `npm start`/`npm run dev` and
 * the benchmarks so storage work runs on the second core. Same stop()/start() outage controls.
 */
export async function startEmbeddedCosmosThread(port = 0): Promise<EmbeddedCosmos> {
  const worker = new Worker(join(__dirname, 'embedded-worker.cjs'), { workerData: { port } });
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

