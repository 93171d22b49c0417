// Runs the embedded Cosmos-compatible server on its own thread, so its query engine uses the
// machine's other core instead of competing with the bot's event loop. Plain CommonJS: workers do
// not inherit the TypeScript loader.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHttpsServer } = require('@vercel/cosmosdb-server');

const server = createHttpsServer({ keepAlive: true });
server.keepAliveTimeout = 60000;
const sockets = new Set();
let down = false;
server.on('connection', (s) => {
  if (down) return s.destroy();
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});
const drop = () => {
  for (const s of sockets) s.destroy();
  sockets.clear();
};
server.listen(workerData.port || 0, '127.0.0.1', () => parentPort.postMessage({ type: 'listening', port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'stop') {
    down = true;
    drop();
    parentPort.postMessage({ type: 'stopped' });
  } else if (m === 'start') {
    down = false;
    parentPort.postMessage({ type: 'started' });
  } else if (m === 'close') {
    down = true;
    server.close(() => parentPort.postMessage({ type: 'closed' }));
    drop();
  }
});
