'use strict';
/**
 * Preloaded into Azurite (test harness only). Azurite's Table service decodes each request body
 * chunk to text on its own (Azure/Azurite issue #2670), so a multi-byte UTF-8 character that a
 * busy machine's TCP stream splits over two chunks is stored as replacement characters. Real
 * Table Storage has no such bug. This moves chunk boundaries to whole characters: the bytes
 * and their order are unchanged, only where one chunk ends and the next begins.
 */
const { IncomingMessage } = require('node:http');

/** The length of the chunk's prefix that ends on a whole UTF-8 character. */
function wholeCharacters(chunk) {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

const emit = IncomingMessage.prototype.emit;
const carried = new WeakMap();
IncomingMessage.prototype.emit = function (event, ...args) {
  if (event === 'data' && Buffer.isBuffer(args[0])) {
    const before = carried.get(this);
    const chunk = before ? Buffer.concat([before, args[0]]) : args[0];
    const cut = wholeCharacters(chunk);
    if (cut < chunk.length) carried.set(this, chunk.subarray(cut));
    else carried.delete(this);
    return cut > 0 ? emit.call(this, 'data', chunk.subarray(0, cut)) : true;
  }
  if (event === 'end' && carried.has(this)) {
    const rest = carried.get(this);
    carried.delete(this);
    emit.call(this, 'data', rest);
  }
  return emit.call(this, event, ...args);
};
