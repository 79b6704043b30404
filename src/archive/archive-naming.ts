import { createHash } from 'node:crypto';
import { ArchiveRefused, type ArchiveDocumentRequest, type ArchiveMetadata } from '../app/ports';

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

/**
 * One folder or file name, safe for SharePoint and for a file system: NFC (so "ä" typed as
 * a + combining diaeresis names the same file), without characters SharePoint rejects or that
 * would add a folder, and without leading/trailing spaces or trailing dots. Deterministic, so
 * a retry lands on the same name.
 */
function safeName(raw: string): string {
  const name = raw
    .normalize('NFC')
    .replace(/[\u0000-\u001f"*:<>?/\\|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.+$/, '');
  if (name === '' || name === '.' || name === '..') throw new ArchiveRefused(`unusable name: ${JSON.stringify(raw)}`);
  return name;
}

/** The document's folders and file name, e.g. ["Protokoll", "IM-nätverket", "2021", "Protokoll ... v1.pdf"]. */
export function documentPath(req: ArchiveDocumentRequest, folderTemplate: string): string[] {
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(req.meetingDate)?.[1];
  if (!year) throw new ArchiveRefused(`meetingDate is not YYYY-MM-DD: ${JSON.stringify(req.meetingDate)}`);
  const folders = folderTemplate
    .split('/')
    .filter((segment) => segment.trim() !== '')
    .map((segment) => safeName(segment.replace(/\{network\}/g, req.networkName).replace(/\{year\}/g, year)));
  return [...folders, safeName(req.fileName)];
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
