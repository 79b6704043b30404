'use strict';
/**
 * The text layer of a PDF, page by page, read with pdf-parse in a worker thread. A plain
 * CommonJS script on purpose: pdf-parse loads pdf.js by a dynamic import, which fails inside
 * jest's VM; a worker is a fresh Node context. Receives { bytes: Uint8Array } as workerData and
 * posts { pages: string[] } or { error: string }.
 */
const { parentPort, workerData } = require('node:worker_threads');

async function main() {
  const { PDFParse } = require('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(workerData.bytes) });
  try {
    const result = await parser.getText();
    const pages = Array.isArray(result.pages) ? result.pages.map((p) => String(p.text ?? '')) : [String(result.text ?? '')];
    parentPort.postMessage({ pages });
  } finally {
    await parser.destroy();
  }
}

main().catch((err) => parentPort.postMessage({ error: String((err && err.message) || err) }));
