import { AuthenticationError } from '@azure/identity';
import { GraphError, ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  ArchiveRefused,
  ArchiveUnavailable,
  type Archive,
  type ArchiveDocumentRequest,
  type ArchivedDocumentRef,
  type ArchiveMetadata,
} from '../app/ports';
import { DEFAULT_FOLDER_TEMPLATE, columnNames, documentPath, metadataColumns, sha256Hex, type ColumnNames } from './archive-naming';
import { TokenUnavailable, createGraphClient, type GraphClientOptions } from './graph-client';
import { retryAfterWait, type RetryAfterLog } from '../retry-after';

export interface SharePointArchiveOptions extends GraphClientOptions {
  /** The document library's drive id; the drive is addressed directly, so Sites.Selected suffices. */
  driveId: string;
  /** When set, the drive is addressed as /sites/{siteId}/drives/{driveId}. */
  siteId?: string;
  /** Default "Protokoll/{network}/{year}". */
  folderTemplate?: string;
  /** Internal column names, when the library's differ from ARCHIVE_COLUMNS. */
  columns?: Partial<ColumnNames>;
  /** How many times the fields PATCH is tried when someone else changed the item in between. Default 5. */
  maxPreconditionAttempts?: number;
  /** Told when Graph asks for a wait longer than the cap. */
  log?: RetryAfterLog;
}

const DriveItem = z.object({
  id: z.string(),
  name: z.string(),
  webUrl: z.string(),
  size: z.number().optional(),
  file: z.object({}).optional(),
});
type DriveItem = z.infer<typeof DriveItem>;

const ListItem = z.object({ eTag: z.string() });

const RAW = z.custom<Response>((value) => value instanceof Response);

/**
 * Approved protocols in a SharePoint document library, through Microsoft Graph with app-only
 * credentials. Each `store` is one attempt of a few calls; failures come back as
 * ArchiveUnavailable (retry, after `retryAfterMs` when Graph said) or ArchiveRefused.
 * Uploads use conflictBehavior=fail: a name already taken is adopted only when it holds our
 * exact bytes (an earlier attempt whose answer was lost), so retries never make a second
 * document and never overwrite someone else's.
 */
export class SharePointArchive implements Archive {
  readonly kind = 'sharepoint';
  private readonly client: Client;
  private readonly drivePath: string;
  private readonly folderTemplate: string;
  private readonly columns: ColumnNames;
  private readonly maxPreconditionAttempts: number;
  private readonly log: RetryAfterLog | undefined;

  constructor(options: SharePointArchiveOptions) {
    this.client = createGraphClient(options);
    const drive = `/drives/${encodeURIComponent(options.driveId)}`;
    this.drivePath = options.siteId ? `/sites/${encodeURIComponent(options.siteId)}${drive}` : drive;
    this.folderTemplate = options.folderTemplate ?? DEFAULT_FOLDER_TEMPLATE;
    this.columns = columnNames(options.columns);
    this.maxPreconditionAttempts = options.maxPreconditionAttempts ?? 5;
    this.log = options.log;
  }

  async store(req: ArchiveDocumentRequest): Promise<ArchivedDocumentRef> {
    const segments = documentPath(req, this.folderTemplate);
    const itemPath = `${this.drivePath}/root:/${segments.map(encodeURIComponent).join('/')}:`;
    const item = (await this.upload(itemPath, req)) ?? (await this.adoptExisting(itemPath, req.bytes));
    await this.setMetadata(item.id, req.metadata);
    return { name: item.name, webUrl: item.webUrl, itemId: item.id };
  }

  /** The new item, or undefined when the name is taken. */
  private async upload(itemPath: string, req: ArchiveDocumentRequest): Promise<DriveItem | undefined> {
    // A Buffer over exactly our bytes: the client sends a typed array's whole underlying buffer.
    const body = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    try {
      const created: unknown = await this.client
        .api(`${itemPath}/content`)
        .query({ '@microsoft.graph.conflictBehavior': 'fail' })
        .header('Content-Type', req.contentType)
        .put(body);
      const parsed = DriveItem.safeParse(created);
      if (!parsed.success) throw new ArchiveUnavailable('upload: unexpected answer from Graph');
      return parsed.data;
    } catch (e) {
      if (e instanceof GraphError && e.statusCode === 409) return undefined;
      throw toArchiveError(e, 'upload', this.log);
    }
  }

  private async adoptExisting(itemPath: string, bytes: Uint8Array): Promise<DriveItem> {
    const existing = await this.read('read the document holding the name', DriveItem, () => this.client.api(itemPath).get());
    const sameSize = existing.file !== undefined && existing.size === bytes.byteLength;
    if (!sameSize || (await this.contentHash(existing.id)) !== sha256Hex(bytes)) {
      throw new ArchiveRefused(`a different document already has the name ${existing.name} (${existing.webUrl})`);
    }
    return existing;
  }

  private async contentHash(itemId: string): Promise<string> {
    // RAW, because the client drops a failed ARRAYBUFFER response's headers (and Retry-After with them);
    // a failed answer becomes the GraphError the client would have thrown, headers kept.
    const response = await this.read('download the document holding the name', RAW, async () => {
      const raw: unknown = await this.client.api(`${this.itemPath(itemId)}/content`).responseType(ResponseType.RAW).get();
      if (raw instanceof Response && !raw.ok) {
        const error = new GraphError(raw.status, await raw.text().catch(() => ''));
        error.headers = raw.headers;
        throw error;
      }
      return raw;
    });
    return sha256Hex(new Uint8Array(await response.arrayBuffer()));
  }

  /** Sets the columns with If-Match on the list item's ETag, reading it again after a 412. */
  private async setMetadata(itemId: string, metadata: ArchiveMetadata): Promise<void> {
    const fields = metadataColumns(metadata, this.columns);
    const listItemPath = `${this.itemPath(itemId)}/listItem`;
    for (let attempt = 1; attempt <= this.maxPreconditionAttempts; attempt++) {
      const { eTag } = await this.read('read the list item', ListItem, () => this.client.api(listItemPath).get());
      try {
        await this.client.api(`${listItemPath}/fields`).header('If-Match', eTag).patch(fields);
        return;
      } catch (e) {
        if (!(e instanceof GraphError && e.statusCode === 412)) throw toArchiveError(e, 'set the metadata', this.log);
      }
    }
    throw new ArchiveUnavailable(`set the metadata: the list item kept changing (${this.maxPreconditionAttempts} attempts)`);
  }

  private itemPath(itemId: string): string {
    return `${this.drivePath}/items/${encodeURIComponent(itemId)}`;
  }

  /** A read of what an earlier call found; its 404 means it went away in between, worth another attempt. */
  private async read<T>(doing: string, schema: z.ZodType<T>, request: () => Promise<unknown>): Promise<T> {
    let answer: unknown;
    try {
      answer = await request();
    } catch (e) {
      if (e instanceof GraphError && e.statusCode === 404) throw new ArchiveUnavailable(`${doing}: not found (moved or deleted meanwhile)`);
      throw toArchiveError(e, doing, this.log);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new ArchiveUnavailable(`${doing}: unexpected answer from Graph`);
    return parsed.data;
  }
}

/** 429, 408, 423 (locked), 5xx and failures without an answer (dropped, timed out) are worth retrying; other statuses (400, 401, 403, 404...) are not. */
function toArchiveError(e: unknown, doing: string, log?: RetryAfterLog): Error {
  if (e instanceof ArchiveRefused || e instanceof ArchiveUnavailable) return e;
  if (e instanceof TokenUnavailable) {
    const rejected = e.reason instanceof AuthenticationError && e.reason.statusCode >= 400 && e.reason.statusCode < 500;
    return rejected ? new ArchiveRefused(`${doing}: ${e.message}`) : new ArchiveUnavailable(`${doing}: ${e.message}`);
  }
  if (e instanceof GraphError) {
    const status = e.statusCode;
    const message = `${doing}: ${status > 0 ? status : 'no answer'} ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' ').trim();
    const retryable = status <= 0 || status === 408 || status === 423 || status === 429 || status >= 500;
    return retryable ? new ArchiveUnavailable(message, retryAfterWait(e.headers?.get('retry-after'), 'graph', log)) : new ArchiveRefused(message);
  }
  return new ArchiveUnavailable(`${doing}: ${e instanceof Error ? e.message : String(e)}`);
}
