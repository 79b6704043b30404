import { createHash } from 'node:crypto';
import type { ArchiveNames, MinutesKind } from './minutes-model';
import { meetingDistinction } from './meeting';
import { cleanName, fits, shorten } from './text';

export type { ArchiveNames };

/**
 * What an approved protocol is called in the archive: one home for the names, built from the
 * stored network and meeting (never from the minutes' editable text), chosen at the version's
 * first archiving attempt and recorded in its intent, so retries and "Arkivera igen" reuse them.
 *
 *   Protokoll/IM-nätverket (k3f9a2)/2021/Protokoll för IM-nätverket 2021-12-03 v1.pdf
 *   Protokoll/IM-nätverket (k3f9a2)/2021/Protokoll för IM-nätverket 2021-12-03 kl 13.00 v1.pdf
 *
 * - The network's folder ends in a short code from the tenant and the team id, so two tenants'
 *   (or two teams') networks with the same name never share a folder.
 * - A meeting that shares its date with another meeting of the network gets its start time in the
 *   name, and when that is shared too, a short code from the meeting id.
 * - Every name is made safe for SharePoint and Windows (see `safeSegment`) and shortened to fit.
 */

/**
 * Limits. SharePoint: 400 characters for the whole decoded path (site and library included) and
 * 255 per segment; Windows: 255 UTF-16 units per segment; ext4: 255 UTF-8 bytes per segment.
 * The folder archive adds up to 55 bytes to a file name for its temp and metadata files, so a
 * file name stays under 180 bytes; the network's folder under 120. With "Protokoll/…/2021/" the
 * path within the library stays under 300 characters, leaving 100 for the site and the library.
 */
export const ARCHIVE_NAME_LIMITS = {
  folder: { units: 100, bytes: 120 },
  /** The whole file name, version and extension included. */
  file: { units: 160, bytes: 180 },
  /** What " v999.docx" may add to `ArchiveNames.file`. */
  fileTail: 12,
  /** A name of the network inside the file name. */
  networkInFile: { units: 80, bytes: 96 },
  /** The path below the library's root. */
  path: 300,
} as const;

/** Six base-36 characters from a hash: short, stable, and different for different inputs. */
export function shortCode(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex');
  return BigInt(`0x${hex.slice(0, 15)}`).toString(36).padStart(6, '0').slice(-6);
}

export interface ArchiveNameSource {
  tenantId: string;
  network: { id: string; name: string };
  meeting: { id: string; date: string; start: string };
  /** The network's other meetings on the same date (their ids and start times). */
  sameDate: readonly { id: string; start: string }[];
  /** Minnesanteckningar are filed under that name, never as "Protokoll". */
  kind?: MinutesKind;
}

export function archiveNames(src: ArchiveNameSource, locale: 'sv' | 'en' = 'sv'): ArchiveNames {
  const network = cleanName(src.network.name) || src.network.id;
  const code = shortCode(src.tenantId, src.network.id);
  const networkPart = safeChars(network) || safeChars(src.network.id) || code;
  const folder = `${shorten(networkPart, { units: ARCHIVE_NAME_LIMITS.folder.units - 9, bytes: ARCHIVE_NAME_LIMITS.folder.bytes - 9 })} (${code})`;
  const others = src.sameDate.filter((m) => m.id !== src.meeting.id);
  // The time as every title shows it; places are left out here, the short code below decides.
  const time = meetingDistinction({ id: src.meeting.id, start: src.meeting.start }, others.map((m) => ({ id: m.id, start: m.start })), locale);
  const id = others.some((m) => m.start === src.meeting.start) ? ` (${shortCode(src.meeting.id)})` : '';
  const lead = src.kind === 'minnesanteckningar' ? (locale === 'en' ? 'Notes of' : 'Minnesanteckningar för') : locale === 'en' ? 'Minutes of' : 'Protokoll för';
  const inFile = shorten(networkPart, ARCHIVE_NAME_LIMITS.networkInFile);
  const tail = ARCHIVE_NAME_LIMITS.fileTail;
  const file = safeSegment(
    shorten(`${lead} ${inFile} ${src.meeting.date}${time}${id}`, {
      units: ARCHIVE_NAME_LIMITS.file.units - tail,
      bytes: ARCHIVE_NAME_LIMITS.file.bytes - tail,
    }),
  );
  return { network: shorten(network, { units: 255 }), meetingDate: src.meeting.date, folder: safeSegment(folder), file };
}

/** The file name of one document of a version: "Protokoll för IM-nätverket 2021-12-03 v1.pdf". */
export function archiveFileName(names: Pick<ArchiveNames, 'file'>, version: number, extension: string): string {
  return `${names.file} v${version}.${extension}`;
}

/**
 * The files of an imported protocol (importerat), in the network's folder like every protocol:
 * "Protokoll för IM-nätverket 2021-12-03 importerat original.docx" (the file read, under its own
 * extension) beside "… importerat.pdf" and "… importerat.docx" (rendered from the reviewed
 * content) and "… importerat.json" (the reviewed justera-protokoll/1 document).
 */
export function importedFileNames(names: Pick<ArchiveNames, 'file'>, originalName: string): { original: string; json: string; pdf: string; docx: string } {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(originalName)?.[1]?.toLowerCase() ?? 'bin';
  const base = `${names.file} importerat`;
  return { original: `${base} original.${ext}`, json: `${base}.json`, pdf: `${base}.pdf`, docx: `${base}.docx` };
}

export class UnusableName extends Error {
  constructor(readonly raw: string) {
    super(`unusable name: ${JSON.stringify(raw)}`);
    this.name = 'UnusableName';
  }
}

/** A name's characters made safe (see safeSegment), without the checks of a whole segment. */
function safeChars(raw: string): string {
  return cleanName(raw)
    .replace(/["*:<>?/\\|#%]/g, '-')
    .replace(/_vti_/gi, (m) => `${m.slice(0, 4)}-`)
    .replace(/^~\$/, '~-')
    .replace(/[. ]+$/, '')
    .trim();
}

/** The Windows device names, reserved with or without an extension (CON, con.txt, COM¹). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Names SharePoint (or Windows Explorer) reserves for itself. */
const RESERVED_NAME = /^(desktop\.ini|thumbs\.db|forms|\.lock|_vti_.*)$/i;

/**
 * One folder or file name that SharePoint, OneDrive sync and Windows all accept, and that stays
 * what it says: NFC, control/bidi/invisible characters removed, the characters they reject
 * (" * : < > ? / \ |) and # % (which break Graph's path addressing) as "-", no "~$" start,
 * no "_vti_", no leading or trailing spaces, no trailing dots, reserved names prefixed with "_",
 * at most 255 UTF-16 units and 255 UTF-8 bytes. Deterministic: a retry lands on the same name.
 * Throws UnusableName when nothing usable remains.
 */
export function safeSegment(raw: string): string {
  let name = safeChars(raw);
  if (DEVICE_NAME.test(name) || RESERVED_NAME.test(name)) name = `_${name}`;
  if (!fits(name, { units: 255, bytes: 255 })) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 8 ? name.slice(dot) : '';
    name = shorten(name.slice(0, name.length - ext.length), { units: 255 - ext.length, bytes: 255 - ext.length }) + ext;
  }
  if (name === '' || /^\.+$/.test(name)) throw new UnusableName(raw);
  return name;
}
