import type { ImportFileReading, ImportReadResponse, ImportSaveResponse } from '../../src/http/api-contract';
import type { ProtokollDocument } from '../../src/domain/import/protokoll';
import { TEAM_ID } from './teams';
import type { Journey } from './journey';

/** The tab's import steps over HTTP, as the import screen calls them (POST …/imports/read, POST …/imports). */

const NET = `/networks/${encodeURIComponent(TEAM_ID)}`;
export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Member `who` has the files read into drafts. */
export async function readImports(j: Journey, who: number, files: readonly UploadedFile[]): Promise<{ status: number; body: ImportReadResponse }> {
  const res = await j.api('POST', `${NET}/imports/read`, who, { body: { files: files.map((f) => ({ name: f.name, content: b64(f.bytes) })) } });
  return { status: res.status, body: res.body as unknown as ImportReadResponse };
}

/** Member `who` saves a reviewed draft with its original file. */
export async function saveImport(j: Journey, who: number, document: ProtokollDocument, original: UploadedFile): Promise<{ status: number; body: ImportSaveResponse }> {
  const res = await j.api('POST', `${NET}/imports`, who, { body: { document, original: { name: original.name, content: b64(original.bytes) } } });
  return { status: res.status, body: res.body as unknown as ImportSaveResponse };
}

/** A file's reading that must have succeeded. */
export function okReading(r: ImportFileReading | undefined): Extract<ImportFileReading, { ok: true }> {
  if (!r) throw new Error('no reading');
  if (!r.ok) throw new Error(`not read: ${r.error.message}`);
  return r;
}

/** Member `who` imports a file as it was read, without corrections: read, then saved with its original. */
export async function importAsRead(j: Journey, who: number, file: UploadedFile): Promise<{ status: number; body: ImportSaveResponse }> {
  const draft = okReading((await readImports(j, who, [file])).body.files[0]).document;
  return saveImport(j, who, draft, file);
}
