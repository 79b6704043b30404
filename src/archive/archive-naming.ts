import { createHash } from 'node:crypto';
import { ArchiveRefused, type ArchiveDocumentRequest, type ArchiveMetadata } from '../app/ports';
import { UnusableName, safeSegment } from '../domain/archive-names';

export const DEFAULT_FOLDER_TEMPLATE = 'Protokoll/{network}/{year}';

/**
 * The metadata columns, in the order a person reads them. `displayName` is what the library
 * shows; `internalName` is what Graph's listItem fields use. Create each column with its
 * internal name first and rename it to the display name afterwards: a column created as
 * "Nätverk" gets the internal name N_x00e4_tverk. Document libraries already have a built-in
 * "Version" column (_UIVersionString), hence the internal name Protokollversion.
 */
export const ARCHIVE_COLUMNS: readonly { field: keyof ArchiveMetadata; internalName: string; displayName: string }[] = [
  { field: 'network', internalName: 'Natverk', displayName: 'Nätverk' },
  { field: 'meetingDate', internalName: 'Motesdatum', displayName: 'Mötesdatum' },
  { field: 'justerare', internalName: 'Justerare', displayName: 'Justerare' },
  { field: 'approvedAt', internalName: 'Justerad', displayName: 'Justerad' },
  { field: 'version', internalName: 'Protokollversion', displayName: 'Version' },
  { field: 'contentHash', internalName: 'Innehallshash', displayName: 'Innehållshash' },
];

export type ColumnNames = Record<keyof ArchiveMetadata, string>;

export function columnNames(overrides: Partial<ColumnNames> = {}, key: 'internalName' | 'displayName' = 'internalName'): ColumnNames {
  const names = Object.fromEntries(ARCHIVE_COLUMNS.map((c) => [c.field, c[key]])) as ColumnNames;
  return { ...names, ...overrides };
}

/** The metadata keyed by column name. */
export function metadataColumns(metadata: ArchiveMetadata, names: ColumnNames): Record<string, string | number> {
  return Object.fromEntries(ARCHIVE_COLUMNS.map((c) => [names[c.field], metadata[c.field]]));
}

function safeName(raw: string): string {
  try {
    return safeSegment(raw);
  } catch (e) {
    if (e instanceof UnusableName) throw new ArchiveRefused(e.message);
    throw e;
  }
}

/**
 * The document's folders and file name, e.g. ["Protokoll", "IM-nätverket (k3f9a2)", "2021",
 * "Protokoll för IM-nätverket 2021-12-03 v1.pdf"]: the folder template with the request's
 * network folder and year, each segment made safe (see safeSegment). The request's names were
 * built by archiveNames and fit; a path longer than SharePoint's 400 characters is refused.
 */
export function documentPath(req: ArchiveDocumentRequest, folderTemplate: string): string[] {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(req.meetingDate)?.[1];
  if (!year) throw new ArchiveRefused(`meetingDate is not YYYY-MM-DD: ${JSON.stringify(req.meetingDate)}`);
  const folders = folderTemplate
    .split('/')
    .filter((segment) => segment.trim() !== '')
    .map((segment) => safeName(segment.replace(/\{network\}/g, req.networkName).replace(/\{year\}/g, year)));
  const segments = [...folders, safeName(req.fileName)];
  if (segments.join('/').length > SHAREPOINT_PATH_MAX) throw new ArchiveRefused(`the path is longer than ${SHAREPOINT_PATH_MAX} characters: ${segments.join('/')}`);
  return segments;
}

/** SharePoint's limit on a whole decoded path. */
const SHAREPOINT_PATH_MAX = 400;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
