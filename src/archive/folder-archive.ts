import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArchiveRefused, ArchiveUnavailable, type Archive, type ArchiveDocumentRequest, type ArchivedDocumentRef } from '../app/ports';
import { DEFAULT_FOLDER_TEMPLATE, columnNames, documentPath, metadataColumns, sha256Hex } from './archive-naming';

export interface FolderArchiveOptions {
  /** The archive's root folder; documents go under `<root>/<folderTemplate>/<fileName>`. */
  root: string;
  /** Default "Protokoll/{network}/{year}". */
  folderTemplate?: string;
}

export const METADATA_SUFFIX = '.metadata.json';

/** What the sidecar `<fileName>.metadata.json` holds: the columns under their display names. */
export interface FolderArchiveSidecar {
  fileName: string;
  contentType: string;
  sha256: string;
  columns: Record<string, string | number>;
}

/**
 * The embedded default: a local folder. The document is created with a hard link from a
 * finished temp file, which fails when the name is taken (like conflictBehavior=fail), so a
 * half-written or replaced document is never visible. Same bytes already there: adopted.
 */
export class FolderArchive implements Archive {
  readonly kind = 'folder';
  private readonly root: string;
  private readonly folderTemplate: string;

  constructor(options: FolderArchiveOptions) {
    this.root = path.resolve(options.root);
    this.folderTemplate = options.folderTemplate ?? DEFAULT_FOLDER_TEMPLATE;
  }

  async store(req: ArchiveDocumentRequest): Promise<ArchivedDocumentRef> {
    const segments = documentPath(req, this.folderTemplate);
    const file = path.join(this.root, ...segments);
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await this.createOrAdopt(file, req.bytes);
      const sidecar: FolderArchiveSidecar = {
        fileName: path.basename(file),
        contentType: req.contentType,
        sha256: sha256Hex(req.bytes),
        columns: metadataColumns(req.metadata, columnNames({}, 'displayName')),
      };
      await writeAtomically(file + METADATA_SUFFIX, JSON.stringify(sidecar, null, 2) + '\n');
    } catch (e) {
      throw toArchiveError(e);
    }
    return { name: path.basename(file), webUrl: pathToFileURL(file).href, itemId: segments.join('/') };
  }

  async readDocument(ref: Pick<ArchivedDocumentRef, 'itemId'>): Promise<Uint8Array | undefined> {
    const file = path.resolve(this.root, ...ref.itemId.split('/'));
    // The itemId is ours (written by store), but never read outside the root whatever it says.
    if (!file.startsWith(this.root + path.sep)) return undefined;
    try {
      return await fs.readFile(file);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw toArchiveError(e);
    }
  }

  private async createOrAdopt(file: string, bytes: Uint8Array): Promise<void> {
    const temp = await writeTemp(file, bytes);
    try {
      await fs.link(temp, file);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
      const existing = await fs.readFile(file);
      if (!existing.equals(bytes)) throw new ArchiveRefused(`a different document already has the name ${file}`);
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
}

async function writeTemp(file: string, content: Uint8Array | string): Promise<string> {
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = await writeTemp(file, content);
  try {
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}

const REFUSING_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENAMETOOLONG', 'EINVAL', 'ENOTDIR', 'EISDIR']);

function toArchiveError(e: unknown): Error {
  if (e instanceof ArchiveRefused || e instanceof ArchiveUnavailable) return e;
  const code = errorCode(e);
  const message = `folder archive: ${e instanceof Error ? e.message : String(e)}`;
  return code && REFUSING_CODES.has(code) ? new ArchiveRefused(message) : new ArchiveUnavailable(message);
}

function errorCode(e: unknown): string | undefined {
  // Structural: errors from node:fs need not be instances of this realm's Error (e.g. under jest).
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}
