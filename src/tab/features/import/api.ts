import type { ImportReadResponse, ImportSaveResponse } from '../../../http/api-contract';
import type { ProtokollDocument } from '../../../domain/import/protokoll';
import { ROUTES as R } from '../../../contract/routes';
import type { ApiCore } from '../../shared/api';

/** A file to send: its name and its bytes in base64. */
export interface UploadFile {
  name: string;
  content: string;
}

export interface ImportApi {
  /** The chair group: each file read into a draft with its review marks (nothing is stored). */
  readImports(networkId: string, files: readonly UploadFile[]): Promise<ImportReadResponse>;
  /** Saves a reviewed draft as importerat, with the file it was read from. */
  saveImport(networkId: string, document: ProtokollDocument, original: UploadFile): Promise<ImportSaveResponse>;
}

export function importApi({ call }: ApiCore): ImportApi {
  return {
    readImports: async (networkId, files) => (await call(R.readImports, { networkId }, { body: { files: [...files] } })).body,
    saveImport: async (networkId, document, original) => (await call(R.saveImport, { networkId }, { body: { document, original } })).body,
  };
}

/** A file's bytes in base64, in chunks (a protocol of megabytes would overflow one call's arguments). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
