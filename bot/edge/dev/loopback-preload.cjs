// Loaded with `node --require` into the Agents Playground, which listens on every interface by default.
// Any listen() without an explicit host is pinned to loopback, so the local chat is never reachable from the network.
'use strict';
const net = require('node:net');

const original = net.Server.prototype.listen;
net.Server.prototype.listen = function listen(...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    const rest = args.slice(1);
    if (typeof rest[0] !== 'string') return original.call(this, Number(first), '127.0.0.1', ...rest);
  } else if (first && typeof first === 'object' && !Array.isArray(first) && first.path === undefined) {
    if (!first.host || first.host === '0.0.0.0' || first.host === '::') return original.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  } else if (first === undefined || typeof first === 'function') {
    return original.call(this, 0, '127.0.0.1', ...args);
  }
  return original.apply(this, args);
};
