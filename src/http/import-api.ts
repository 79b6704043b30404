import type { ProtocolImports } from '../app/imports';
import type { ImportReadResponse, ImportSaveResponse } from './api-contract';
import { versionView } from './minutes-api';
import type { Serve } from './routing';

/** Bytes from the base64 the route's schema accepted. */
function bytesOf(content: string): Uint8Array {
  const buf = Buffer.from(content, 'base64');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The import routes (issue 11): files arrive as base64 in JSON (one parser and one schema for
 * every route; the request may be up to IMPORT_BODY_MAX_BYTES, see server.ts), read into drafts
 * with their review marks, and a reviewed draft saved with its original as importerat.
 */
export function registerImportApi(serve: Serve, imports: ProtocolImports): void {
  serve('readImports', async (caller, { params: { networkId }, body }) => {
    const readings = await imports.read(
      caller,
      networkId,
      body.files.map((f) => ({ name: f.name, bytes: bytesOf(f.content) })),
    );
    return {
      files: readings.map((r) =>
        r.ok ? r : { ok: false as const, file: r.file, sha256: r.sha256, error: { code: r.error.code, message: r.error.sv, messageEn: r.error.en } },
      ),
    } satisfies ImportReadResponse;
  });

  serve('saveImport', async (caller, { params: { networkId }, body }) => {
    const saved = await imports.save(caller, networkId, body.document, { name: body.original.name, bytes: bytesOf(body.original.content) });
    return {
      meetingId: saved.meeting.id,
      created: saved.created,
      version: versionView(saved.version),
      sha256: saved.version.imported?.sha256 ?? '',
    } satisfies ImportSaveResponse;
  });
}
