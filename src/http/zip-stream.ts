import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** One file to put in a zip. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
  /** Deflate it; false stores it as it is (PDF and DOCX are compressed already). */
  compress: boolean;
}

/**
 * A zip made as its files come: each file is added and its compressed bytes handed on before the
 * next one is asked for, so only one file (and its compressed form) is in memory at a time.
 * Names are UTF-8 (å, ä, ö), as fflate marks them.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry>, mtime: Date): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    while (out.length > 0) {
      const chunk = out.shift();
      if (chunk) yield chunk;
    }
  };
  for await (const entry of entries) {
    const file = entry.compress ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
    file.mtime = mtime;
    zip.add(file);
    file.push(entry.bytes, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
