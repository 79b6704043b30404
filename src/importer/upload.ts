import { createHash } from 'node:crypto';
import type { FileReading, ProtocolFileReader } from '../app/imports';
import { parseProtokollDocument } from '../contract/protokoll';
import { PROTOKOLL_FORMAT } from '../domain/import/protokoll';
import { readProtocol } from './read-protocol';

/** The messages of a JSON file that is not a justera-protokoll/1 document. */
const NOT_INTERCHANGE = {
  code: 'not_interchange',
  sv: `JSON-filen är inte ett protokoll i formatet ${PROTOKOLL_FORMAT}.`,
  en: `The JSON file is not a protocol in the ${PROTOKOLL_FORMAT} format.`,
};

/** Whether the file is JSON (by name, or text opening with "{"): read as justera-protokoll/1, not as a protocol's text. */
function isJson(file: { name: string; bytes: Uint8Array }): boolean {
  if (/\.json$/i.test(file.name)) return true;
  let i = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf ? 3 : 0;
  while (i < file.bytes.length && (file.bytes[i] === 0x20 || file.bytes[i] === 0x0a || file.bytes[i] === 0x0d || file.bytes[i] === 0x09)) i++;
  return file.bytes[i] === 0x7b && /"format"\s*:\s*"justera-protokoll\//.test(new TextDecoder().decode(file.bytes.subarray(0, 4096)));
}

/**
 * The tab's uploads: a justera-protokoll/1 JSON document (an export) is taken as it is, its
 * review marks and content hash kept (saving it gives the same content hash); any other file
 * goes through the reader (src/importer/read-protocol.ts).
 */
export const readUpload: ProtocolFileReader = async (file, context): Promise<FileReading> => {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  if (isJson(file)) {
    const text = new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, file: file.name, sha256, error: NOT_INTERCHANGE };
    }
    const parsed = parseProtokollDocument(value);
    if (!parsed.ok) return { ok: false, file: file.name, sha256, error: { ...NOT_INTERCHANGE, sv: `${NOT_INTERCHANGE.sv} ${parsed.problems.slice(0, 3).join('; ')}`, en: `${NOT_INTERCHANGE.en} ${parsed.problems.slice(0, 3).join('; ')}` } };
    return { ok: true, file: file.name, sha256, mediaType: 'application/json', text, document: parsed.doc };
  }
  const result = await readProtocol(file, context);
  if (!result.ok) return { ok: false, file: result.file, sha256: result.sha256, error: result.error };
  return { ok: true, file: result.file, sha256: result.sha256, mediaType: result.mediaType, text: result.draft.text, document: result.draft.document };
};
