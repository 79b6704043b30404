import { archiveFileName, archiveNames } from '../domain/archive-names';
import { DomainError } from '../domain/errors';
import { toInterchange, PROTOKOLL_FORMAT, type ProtokollDocument } from '../domain/import/protokoll';
import type { Meeting } from '../domain/meeting';
import { contentHash, currentContent, protocolTitle, type MinutesVersion } from '../domain/minutes';
import type { ArchivedDocument, ArchiveNames } from '../domain/minutes-model';
import { FORMATS } from './archiving';
import { sameDateOf } from './meetings';
import { Access, type Caller } from './policy';
import type { Archive, ProtocolRenderer, Store } from './ports';

/**
 * Taking protocols out (issue 11): each justerat or imported version as one justera-protokoll/1
 * JSON document, and a network's whole archive as a list of files the HTTP edge zips as it goes
 * (one protocol's documents in memory at a time). Built from the stored version, so it needs no
 * archive that can be read back; archived documents are taken from the archive where it can.
 */

/** The versions that are a record: justerade, and imported (importerat, never justerat). */
const isRecord = (v: MinutesVersion): boolean => v.state === 'approved' || v.state === 'imported';

/** A version as a justera-protokoll/1 document: content, approvals, content hash and source. */
export function protocolJson(version: MinutesVersion): ProtokollDocument {
  const content = currentContent(version.content);
  const imported = version.imported;
  return toInterchange(content, {
    title: imported?.title ?? protocolTitle({ networkName: content.networkName, meeting: content.meeting, kind: content.kind }),
    // The hash of the content as the model holds it: importing the document gives it again.
    contentHash: version.content.format === content.format ? version.hash : contentHash(content),
    approvals: version.approvals,
    source: imported
      ? { kind: 'import', file: imported.file, sha256: imported.sha256, mediaType: imported.mediaType, reader: imported.reader }
      : { kind: 'justera', version: version.number, state: version.state },
    ...(imported?.approximateDate !== undefined ? { approximateDate: imported.approximateDate } : {}),
  });
}

/** The bytes of a JSON document as Justera writes it (indented, one newline at the end). */
export function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** A document the service hands out: its name, content type and bytes. */
export interface ExportedFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One file of an exported archive: its path in the zip, and whether compressing it is worth it. */
export interface ArchiveEntry {
  path: string;
  bytes: Uint8Array;
  /** PDF and DOCX are compressed already. */
  compress: boolean;
}

/** What the archive's index (index.json) says of one protocol. */
export interface ArchiveIndexEntry {
  meetingId: string;
  date: string;
  approximateDate?: string;
  title: string;
  state: 'justerat' | 'importerat';
  version: number;
  contentHash: string;
  /** The paths in the zip of this protocol's files. */
  files: string[];
  /** Documents the export could not take out (an archive that cannot be read back), with where they are. */
  elsewhere: { kind: ArchivedDocument['kind']; name: string; webUrl: string }[];
}

export const ARCHIVE_INDEX_FORMAT = 'justera-arkiv/1';

export interface ProtocolExportsDeps {
  store: Store;
  archive?: Archive;
  renderer: ProtocolRenderer;
  clock: { now(): Date };
}

export class ProtocolExports {
  private readonly access: Access;

  constructor(private readonly deps: ProtocolExportsDeps) {
    this.access = new Access(deps.store);
  }

  /**
   * One version as JSON, for those who may read the meeting's minutes (the network's members):
   * a justerat version built from what was approved, an imported one as it was archived when
   * the archive can give it back (it names justerare the model cannot hold), else built.
   */
  async json(caller: Caller, meetingId: string, number: number): Promise<ExportedFile> {
    const { meeting } = await this.access.meeting(caller, meetingId, 'readMinutes');
    const found = await this.deps.store.getMinutesVersion(meeting.tenantId, meetingId, number);
    if (!found || !isRecord(found.version)) throw new DomainError('not_found');
    const { bytes, name } = await this.jsonOf(found.version, await this.namesOf(meeting, found.version));
    return { name, contentType: 'application/json', bytes };
  }

  /**
   * The network's whole archive, for those allowed `exportArchive`: a name for the zip and its
   * files, yielded one protocol at a time (every year, oldest first), ending with index.json
   * and LÄSMIG.txt. Refused before anything is yielded.
   */
  async archive(caller: Caller, networkId: string): Promise<{ name: string; entries: AsyncIterable<ArchiveEntry> }> {
    const { network } = await this.access.network(caller, networkId, 'exportArchive');
    const { store } = this.deps;
    const exportedAt = this.deps.clock.now().toISOString();
    const folder = archiveNames({ tenantId: network.tenantId, network: { id: network.id, name: network.name }, meeting: { id: '', date: '0000-00-00', start: '' }, sameDate: [], kind: 'protokoll' }).folder;
    const self = this;
    async function* entries(): AsyncIterable<ArchiveEntry> {
      const index: ArchiveIndexEntry[] = [];
      const meetings = await store.listMeetings(network.tenantId, network.id, '0000-01-01');
      for (const meeting of meetings) {
        for (const version of (await store.listMinutesVersions(network.tenantId, meeting.id)).filter(isRecord)) {
          const names = await self.namesOf(meeting, version);
          const year = meeting.date.slice(0, 4);
          const files: string[] = [];
          const elsewhere: ArchiveIndexEntry['elsewhere'] = [];
          const json = await self.jsonOf(version, names);
          files.push(`${year}/${json.name}`);
          yield { path: `${year}/${json.name}`, bytes: json.bytes, compress: true };
          for (const doc of await self.documentsOf(meeting, version, names)) {
            if (!doc.bytes) {
              elsewhere.push({ kind: doc.kind, name: doc.name, webUrl: doc.webUrl ?? '' });
              continue;
            }
            files.push(`${year}/${doc.name}`);
            yield { path: `${year}/${doc.name}`, bytes: doc.bytes, compress: doc.kind === 'original' && !/\.(pdf|docx|zip)$/i.test(doc.name) };
          }
          index.push({
            meetingId: meeting.id,
            date: meeting.date,
            ...(version.imported?.approximateDate !== undefined ? { approximateDate: version.imported.approximateDate } : {}),
            title: json.title,
            state: version.state === 'imported' ? 'importerat' : 'justerat',
            version: version.number,
            contentHash: json.contentHash,
            files,
            elsewhere,
          });
        }
      }
      yield { path: 'index.json', bytes: jsonBytes({ format: ARCHIVE_INDEX_FORMAT, protocolFormat: PROTOKOLL_FORMAT, network: network.name, networkId: network.id, exportedAt, protocols: index }), compress: true };
      yield { path: 'LÄSMIG.txt', bytes: new TextEncoder().encode(readme(network.name, exportedAt, index.length)), compress: true };
    }
    return { name: `${folder} arkiv ${exportedAt.slice(0, 10)}.zip`, entries: entries() };
  }

  /** The names the version's documents have (or would have) in the archive. */
  private async namesOf(meeting: Meeting, version: MinutesVersion): Promise<ArchiveNames> {
    if (version.archive?.names) return version.archive.names;
    const sameDate = await sameDateOf(this.deps.store, meeting);
    return archiveNames({ tenantId: meeting.tenantId, network: { id: meeting.networkId, name: meeting.networkName }, meeting, sameDate, kind: currentContent(version.content).kind });
  }

  private async jsonOf(version: MinutesVersion, names: ArchiveNames): Promise<{ name: string; bytes: Uint8Array; title: string; contentHash: string }> {
    const archived = version.state === 'imported' ? version.archive?.documents.find((d) => d.kind === 'json') : undefined;
    const stored = archived && this.deps.archive?.readDocument ? await this.deps.archive.readDocument(archived) : undefined;
    const doc = protocolJson(version);
    if (archived && stored) return { name: archived.name, bytes: stored, title: doc.title, contentHash: doc.contentHash ?? version.hash };
    return { name: archived?.name ?? archiveFileName(names, version.number, 'json'), bytes: jsonBytes(doc), title: doc.title, contentHash: doc.contentHash ?? version.hash };
  }

  /**
   * The version's PDF, DOCX (and original, when imported): from the archive when it can give
   * them back, else PDF and DOCX rendered again (the same version gives the same document); an
   * original the archive keeps elsewhere is named with its link.
   */
  private async documentsOf(meeting: Meeting, version: MinutesVersion, names: ArchiveNames): Promise<{ kind: ArchivedDocument['kind']; name: string; bytes?: Uint8Array; webUrl?: string }[]> {
    const { archive, renderer } = this.deps;
    const archived = version.archive?.state === 'done' ? version.archive.documents.filter((d) => d.kind !== 'json') : [];
    const out: { kind: ArchivedDocument['kind']; name: string; bytes?: Uint8Array; webUrl?: string }[] = [];
    const original = archived.find((d) => d.kind === 'original');
    if (original) {
      const bytes = archive?.readDocument ? await archive.readDocument(original) : undefined;
      out.push({ kind: 'original', name: original.name, ...(bytes ? { bytes } : { webUrl: original.webUrl }) });
    }
    let sameDate: Meeting[] | undefined;
    for (const f of FORMATS) {
      const doc = archived.find((d) => d.kind === f.kind);
      const stored = doc && archive?.readDocument ? await archive.readDocument(doc) : undefined;
      if (stored && doc) {
        out.push({ kind: f.kind, name: doc.name, bytes: stored });
        continue;
      }
      sameDate ??= await sameDateOf(this.deps.store, meeting);
      const bytes = f.kind === 'pdf' ? await renderer.pdf(version, meeting.locale, sameDate) : await renderer.docx(version, meeting.locale, sameDate);
      out.push({ kind: f.kind, name: doc?.name ?? archiveFileName(names, version.number, f.extension), bytes });
    }
    return out;
  }
}

function readme(network: string, exportedAt: string, count: number): string {
  return [
    `Arkiv för ${network}, exporterat ur Justera ${exportedAt}.`,
    '',
    `${count} protokoll, i mappar per år. Varje protokoll finns som JSON i formatet ${PROTOKOLL_FORMAT}`,
    '(beskrivet av schemas/justera-protokoll-1.schema.json i Justeras källkod) och som PDF och Word.',
    'Importerade protokoll har även originalfilen ("importerat original") och är aldrig justerade i Justera.',
    'index.json förtecknar varje protokoll: datum, titel, justerat eller importerat, version, innehållets',
    'SHA-256 (contentHash) och filerna. En JSON-fil kan läsas in igen under "Importera protokoll" i fliken:',
    'den får samma contentHash.',
    '',
    `Archive of ${network}, exported from Justera ${exportedAt}: ${count} protocols in folders by year, each as`,
    `${PROTOKOLL_FORMAT} JSON, PDF and Word (imported ones also with their original file); index.json lists them.`,
    '',
  ].join('\n');
}
