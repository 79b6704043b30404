'use strict';
/**
 * Preload (`node --require ./loopback-preload.cjs ...`) that keeps every TCP server of the
 * process on the loopback interface. The Microsoft 365 Agents Playground has no bind-address
 * option and otherwise listens on all interfaces.
 *
 * Handles listen(), listen(cb), listen(port[, host][, backlog][, cb]) and listen({ port, host, ... }).
 * Unix sockets / named pipes (a path) and existing handles or file descriptors are left alone.
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

/** @param {unknown} v */
const isPort = (v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v));

/**
 * @param {unknown[]} args the arguments given to listen()
 * @returns {unknown[]} the same call, bound to the loopback address
 */
function toLoopback(args) {
  const [first, ...rest] = args;
  if (first === undefined || first === null || typeof first === 'function') {
    // listen(), listen(cb), listen(undefined, ...): a random port on all interfaces.
    const tail = typeof first === 'function' ? [first, ...rest] : rest;
    return [{ port: 0, host: LOOPBACK }, ...tail.filter((a) => typeof a === 'function')];
  }
  if (isPort(first)) {
    // listen(port, host?, backlog?, cb?): replace or insert the host.
    const hasHost = typeof rest[0] === 'string' || rest[0] === undefined || rest[0] === null;
    return [first, LOOPBACK, ...(hasHost ? rest.slice(1) : rest)];
  }
  const o = /** @type {Record<string, unknown>} */ (first);
  if (typeof first === 'object' && !o._handle && !o.handle && o.fd === undefined && !o.path) {
    // listen({ port, host, ... }, cb?)
    return [{ ...first, host: LOOPBACK }, ...rest];
  }
  return args; // pipe path, handle or fd
}

net.Server.prototype.listen = function listen(...args) {
  return originalListen.apply(this, toLoopback(args));
};
