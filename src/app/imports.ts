import { createHash } from 'node:crypto';
import { archiveNames, importedFileNames } from '../domain/archive-names';
import { DomainError } from '../domain/errors';
import { fromInterchange, type ProtokollDocument } from '../domain/import/protokoll';
import { yearOfPeriod } from '../domain/import/dates';
import type { ReaderContext } from '../domain/import/reader';
import type { Meeting } from '../domain/meeting';
import { contentHash } from '../domain/minutes';
import type { ArchivedDocument, ImportedSource, MinutesVersion } from '../domain/minutes-model';
import { channelForMeetings, sameDateOf } from './meetings';
import { Access, type Caller } from './policy';
import { FORMATS } from './archiving';
import type { Archive, Clock, ProtocolRenderer, Store } from './ports';

/** One uploaded file. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What reading one file gave: the draft with its review marks and the text they point into, or why it cannot be read. */
export type FileReading =
  | { ok: true; file: string; sha256: string; mediaType: string; text: string; document: ProtokollDocument }
  | { ok: false; file: string; sha256: string; error: { code: string; sv: string; en: string } };

/** The edge's reader (src/importer/upload.ts): a file's bytes → its draft, or a justera-protokoll/1 JSON document as it is. */
export type ProtocolFileReader = (file: UploadedFile, context: Omit<ReaderContext, 'fileName' | 'source'>) => Promise<FileReading>;

/** A saved import: the meeting it is filed under and its one version, importerat. */
export interface SavedImport {
  meeting: Meeting;
  version: MinutesVersion;
  /** False when the same file was saved into the network before (nothing new stored). */
  created: boolean;
}

export interface ProtocolImportsDeps {
  store: Store;
  clock: Clock;
  archive: Archive;
  /** Renders the reviewed protocol as PDF and Word, archived beside the original. */
  renderer: ProtocolRenderer;
  reader: ProtocolFileReader;
  /** The cooperation's member organisations (MEMBER_ORGANISATIONS), matched tolerantly by the reader. */
  memberOrganisations: readonly string[];
  /** Told of each protocol newly imported (e.g. to index it for search), after it is stored. */
  onImported?: (version: MinutesVersion) => void;
}

/** An import's meeting id: from the network and the original file, so saving the same file again finds it. */
export function importMeetingId(networkId: string, sha256: string): string {
  return `imp-${createHash('sha256').update(`${networkId}\u0000${sha256}`, 'utf8').digest('hex').slice(0, 40)}`;
}

/**
 * Old protocols into a network (the chair group): read uploaded files into drafts for review,
 * and save a reviewed draft as an imported protocol. It is filed as a meeting of the network
 * recorded afterwards, with one version in state `imported` (importerat, never justerat), the
 * original file and the reviewed JSON stored in the archive beside where its rendered documents
 * go, and the original's SHA-256 recorded.
 */
export class ProtocolImports {
  private readonly access: Access;

  constructor(private readonly deps: ProtocolImportsDeps) {
    this.access = new Access(deps.store);
  }

  /** Reads each file in turn (the PDF reader runs in a worker); nothing is stored. */
  async read(caller: Caller, networkId: string, files: readonly UploadedFile[]): Promise<FileReading[]> {
    const { network } = await this.access.network(caller, networkId, 'importProtocols');
    const members = await this.deps.store.listMembers(caller.tenantId, networkId);
    const context: Omit<ReaderContext, 'fileName' | 'source'> = {
      networkName: network.name,
      kind: network.minutesKind ?? 'protokoll',
      members: members.filter((m) => m.leftAt === undefined).map((m) => ({ id: m.id, name: m.name, organisation: m.municipality })),
      organisations: this.deps.memberOrganisations,
    };
    const out: FileReading[] = [];
    for (const file of files) out.push(await this.deps.reader(file, context));
    return out;
  }

  /**
   * Saves a reviewed draft with the file it was read from. Idempotent: the same file saved again
   * into the network answers what was saved the first time.
   */
  async save(caller: Caller, networkId: string, document: ProtokollDocument, original: UploadedFile): Promise<SavedImport> {
    const { store, clock, archive } = this.deps;
    const { network, actor } = await this.access.network(caller, networkId, 'importProtocols');
    const sha256 = createHash('sha256').update(original.bytes).digest('hex');
    // An exported JSON document is its own original: its source names the file it was first read from.
    const exported = contentTypeOfName(original.name) === 'application/json';
    if (!exported && document.source.kind === 'import' && document.source.sha256 !== undefined && document.source.sha256 !== sha256) {
      throw new DomainError('import_invalid', 'the original is not the file that was read');
    }
    const year = yearOfPeriod(document.approximateDate);
    const date = document.date ?? (year ? `${year}-01-01` : undefined);
    if (!date) throw new DomainError('import_date_missing');

    const meetingId = importMeetingId(network.id, sha256);
    const found = await store.listMinutesVersions(caller.tenantId, meetingId);
    const existing = await store.getMeeting(caller.tenantId, meetingId);
    const earlier = found.find((v) => v.state === 'imported');
    if (existing && earlier) return { meeting: existing, version: earlier, created: false };

    const now = clock.now().toISOString();
    const by = { id: actor.personId, name: actor.member?.name ?? caller.name };
    const { meeting } = await store.createMeeting({
      id: meetingId,
      tenantId: caller.tenantId,
      networkId: network.id,
      networkName: network.name,
      channelId: channelForMeetings(network),
      createdBy: by,
      locale: 'sv',
      attendanceClosed: true,
      createdAt: now,
      recordedAfterwards: true,
      imported: true,
      date,
      start: document.start ?? '',
      end: document.end ?? '',
      place: document.place ?? '',
      mode: document.form ?? 'onsite',
    });

    // The content as the network knows it: its name, whatever the file called it.
    const content = fromInterchange({ ...document, network: network.name });
    const hash = contentHash(content);
    const sameDate = await sameDateOf(store, meeting);
    const names = archiveNames({ tenantId: caller.tenantId, network: { id: network.id, name: network.name }, meeting, sameDate, kind: content.kind });
    const fileNames = importedFileNames(names, original.name);
    const mediaType = !exported && document.source.kind === 'import' && document.source.mediaType ? document.source.mediaType : contentTypeOfName(original.name);
    const metadata = { network: names.network, meetingDate: names.meetingDate, justerare: '', approvedAt: '', version: 1, contentHash: hash };
    const reviewed: ProtokollDocument = { ...withoutReview(document), network: network.name, contentHash: hash };
    const imported: ImportedSource = {
      file: original.name,
      sha256,
      mediaType,
      title: document.title,
      ...(document.approximateDate !== undefined && document.date === undefined ? { approximateDate: document.approximateDate } : {}),
      reader: !exported && document.source.kind === 'import' ? document.source.reader : document.format,
      importedAt: now,
      importedBy: { memberId: by.id, name: by.name },
    };
    const version: MinutesVersion = {
      tenantId: caller.tenantId,
      networkId: network.id,
      meetingId: meeting.id,
      number: 1,
      content,
      hash,
      sentAt: now,
      sentBy: { memberId: by.id, name: by.name },
      state: 'imported',
      approvals: [],
      changeRequests: [],
      imported,
    };
    // The original first, then what was made of it: the documents rendered from the reviewed content, and its JSON.
    const files: { kind: ArchivedDocument['kind']; name: string; contentType: string; bytes: () => Promise<Uint8Array> }[] = [
      { kind: 'original', name: fileNames.original, contentType: mediaType, bytes: async () => original.bytes },
      ...FORMATS.map((f) => ({
        kind: f.kind,
        name: fileNames[f.kind],
        contentType: f.contentType,
        bytes: () => (f.kind === 'pdf' ? this.deps.renderer.pdf(version, meeting.locale, sameDate) : this.deps.renderer.docx(version, meeting.locale, sameDate)),
      })),
      { kind: 'json', name: fileNames.json, contentType: 'application/json', bytes: async () => new TextEncoder().encode(`${JSON.stringify(reviewed, null, 2)}\n`) },
    ];
    const documents: ArchivedDocument[] = [];
    for (const f of files) {
      const ref = await archive.store({ tenantId: caller.tenantId, networkName: names.folder, meetingDate: names.meetingDate, fileName: f.name, contentType: f.contentType, bytes: await f.bytes(), metadata });
      documents.push({ kind: f.kind, ...ref });
    }
    version.archive = { state: 'done', attempts: 0, nextAttemptAt: now, documents, doneAt: now, minutesCardPosted: true, names };
    if (!(await store.saveMinutesVersion(version, undefined))) {
      // Saved at the same moment by a retry: answer what is there.
      const again = await store.getMinutesVersion(caller.tenantId, meeting.id, 1);
      if (again?.version.state !== 'imported') throw new DomainError('conflict');
      return { meeting, version: again.version, created: false };
    }
    this.deps.onImported?.(version);
    return { meeting, version, created: true };
  }
}

function withoutReview(doc: ProtokollDocument): ProtokollDocument {
  const { review: _review, ...rest } = doc;
  return rest;
}

/** The content type of an original file by its extension. */
export function contentTypeOfName(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
  json: 'application/json',
};
