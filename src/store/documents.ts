import type { Agenda } from '../domain/agenda';
import type { Meeting } from '../domain/meeting';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft, MinutesVersion } from '../domain/minutes';
import type { Member, Network } from '../domain/network';
import type { Proposal } from '../domain/proposal';
import type { SearchDocument } from '../domain/search/document';
import type { ActionDone, Delivery, Job, SearchMarker } from '../app/ports';
import type { StoredAction } from './action-records';

/**
 * The narrow store port: collections of JSON documents, each under a key of a partition (a few
 * id parts, tenant first) and a row. Each backend maps a collection onto its own layout (a table
 * with key columns in SQLite, a table with encoded keys in Table Storage); the typed repositories
 * in ./repositories.ts are written once on top of it.
 */
export interface DocumentKey {
  partition: readonly string[];
  row: string;
}

/**
 * Rows of a partition from `from` (included) to `to` (excluded), in row order, at most `limit`.
 * Only an ordered collection (see ORDERED) is read by range: its rows are kept as written, so they
 * sort as the repository built them (dates, six-digit numbers, ids as `idPart`).
 */
export interface RowRange {
  from?: string;
  to?: string;
  limit?: number;
}

/** A document and its row. */
export interface Entry<T> {
  row: string;
  doc: T;
}

/** A document to write and its key. */
export interface Keyed<T> {
  key: DocumentKey;
  doc: T;
}

/** Documents written once or replaced whole, read by key or by partition in row order. */
export interface Collection<T> {
  read(key: DocumentKey): Promise<T | undefined>;
  /** Writes the document unless one is there; whether it was written. */
  create(key: DocumentKey, doc: T): Promise<boolean>;
  /** Writes the document, replacing any there. */
  upsert(key: DocumentKey, doc: T): Promise<void>;
  /** Writes the documents, replacing any there: those of one partition together (a transaction of up to 100 in Table Storage, one in SQLite). */
  upsertMany(docs: readonly Keyed<T>[]): Promise<void>;
  /**
   * Replaces the document with `change` of it, unless someone wrote it between the read and the
   * write (then it is read and changed again); the document written, or undefined when there is none.
   * The one write that may move a document in an index (the backend knows where it was).
   */
  update(key: DocumentKey, change: (doc: T) => T): Promise<T | undefined>;
  /** Removes the document; whether there was one. */
  remove(key: DocumentKey): Promise<boolean>;
  /** The partition's documents (those of `range`), in row order. */
  list(partition: readonly string[], range?: RowRange): Promise<T[]>;
  /** As `list`, with each document's row. */
  entries(partition: readonly string[], range?: RowRange): Promise<Entry<T>[]>;
  /** Every partition's documents: only for a small collection read across tenants (networks, by the background work). */
  all(): Promise<T[]>;
}

/** Documents edited under ETags: a write names the ETag it read, and fails when someone wrote since. */
export interface EtagCollection<T> {
  read(key: DocumentKey): Promise<{ doc: T; etag: string } | undefined>;
  /** Writes under `ifMatch` (undefined: only when there is none yet); the new ETag, or undefined when someone else wrote first. */
  write(key: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined>;
  /** Deletes the document (only under `ifMatch`, when given); whether it was deleted. */
  remove(key: DocumentKey, ifMatch?: string): Promise<boolean>;
  /** The partition's documents, in row order. */
  list(partition: readonly string[]): Promise<T[]>;
}

/** What a queue entry is about: each kind of due work has one (an archive: a minutes version whose archiving is pending). */
export type DueKind = 'job' | 'delivery' | 'archive';

/** Work of a kind due at a time (ISO), naming the document it is about (`ref`: its id parts, tenant first). */
export interface DueEntry {
  kind: DueKind;
  dueAt: string;
  ref: readonly string[];
}

/**
 * The queue of due work: it holds an entry per piece of work not done, keyed by when it is due,
 * so a tick reads what is due and nothing else (in Table Storage a key range of one partition,
 * in SQLite a range of an index). The documents stay the truth; the repositories put an entry
 * before they write a document that is due, and remove it when they see it is not due any more.
 */
export interface DueQueue {
  /** Puts the entry in (again: a new ETag, so a remove under the old one fails). */
  put(entry: DueEntry): Promise<void>;
  /** The kind's entries due at or before `by`, earliest first, at most `limit`; after `after` in that order, when given. */
  due(kind: DueKind, by: string, limit: number, after?: DueEntry): Promise<(DueEntry & { etag: string })[]>;
  /** Removes the entry (only under `ifMatch`, when given: one put again since it was read stays); whether it was removed. */
  remove(entry: DueEntry, ifMatch?: string): Promise<boolean>;
}

/** A lease: who holds it, and until when (ms since the epoch). */
export interface LeaseDoc {
  owner: string;
  untilMs: number;
}

/** The per-person index of personal deliveries: a row per delivery addressed to the person. */
export interface DeliveryRef {
  id: string;
}

/** A search posting: a protocol (the row: its meeting) holding a term (the partition: tenant and term). */
export interface PostingDoc {
  networkId: string;
  year: number;
}

/** Which action records a meeting has: its latest approved version's number, its date and each record's action id, by place. */
export interface ActionsWritten {
  number: number;
  meetingDate: string;
  ids: string[];
}

/** When an action item of a network was last marked done (no mark is later): a network where none is recent reads no done records. */
export interface LastMarked {
  at: string;
}

/** What was stored before a record or an index was kept has been written into it (per tenant and network, '' for the whole tenant). */
export interface Backfilled {
  at: string;
}

/** A done action record: where it was and its mark. */
export type DoneAction = StoredAction & { done: ActionDone };

/** What each collection holds. */
export interface PlainDocuments {
  /** Per tenant and network, by member id. */
  members: Member;
  /** Per tenant, by meeting id. */
  meetings: Meeting;
  agendaVersions: Agenda;
  proposals: Proposal;
  searchMarkers: SearchMarker;
  jobs: Job;
  deliveriesByPerson: DeliveryRef;
  networks: Network;
  /** Per tenant and network, by action id. */
  actionMarks: ActionDone;
  /** Per tenant and network, by `openActionRow`. */
  openActions: StoredAction;
  /** Per tenant and network, by `doneActionRow`. */
  doneActions: DoneAction;
  /** Per tenant and network, by meeting. */
  actionsWritten: ActionsWritten;
  /** Per tenant and network, by what was filled. */
  backfills: Backfilled;
  /** Per tenant, by meeting: the document with the terms it was indexed under. */
  searchDocuments: SearchDocument & { terms?: string[] };
  /** Per tenant and term, by meeting. */
  postings: PostingDoc;
}

export interface EtagDocuments {
  agendas: Agenda;
  agendaTemplates: AgendaTemplate;
  minutes: MinutesDraft;
  deliveries: Delivery;
  leases: LeaseDoc;
  /** Per tenant and meeting, by `numberRow`. */
  minutesVersions: MinutesVersion;
  /** Per tenant, by network. */
  lastMarked: LastMarked;
}

/** The collections read by row range: their rows are kept as the repository wrote them. */
export const ORDERED = ['agendaVersions', 'minutesVersions', 'openActions', 'doneActions'] as const;

/**
 * Secondary indexes, each of one collection and written with its documents by the backend: where
 * a document appears (undefined: not in the index). A document's place in an index changes only
 * through `update` (the backend knows where it was); a removed document leaves its index.
 */
export const INDEXES = {
  /** A network's approved minutes versions: partition tenant and network. */
  approvedMinutes: {
    of: 'minutesVersions',
    key: (v: MinutesVersion): DocumentKey | undefined =>
      v.state === 'approved' ? { partition: [v.tenantId, v.networkId], row: `${idPart(v.meetingId)}|${numberRow(v.number)}` } : undefined,
  },
  /** A person's memberships: partition tenant and person, by network. */
  memberships: {
    of: 'members',
    key: (m: Member): DocumentKey | undefined => ({ partition: [m.tenantId, m.id], row: m.networkId }),
  },
  /** A network's meetings by date: partition tenant and network; read by ranges of dates (a bound is a date, or a date and "}" to take it in). */
  meetingsByDate: {
    of: 'meetings',
    key: (m: Meeting): DocumentKey | undefined => ({ partition: [m.tenantId, m.networkId], row: `${m.date}|${idPart(m.id)}` }),
  },
} as const;

export interface IndexedDocuments {
  approvedMinutes: MinutesVersion;
  memberships: Member;
  meetingsByDate: Meeting;
}

/** The indexes read by row range (see INDEXES for what their bounds are). */
export const ORDERED_INDEXES: readonly (keyof IndexedDocuments)[] = ['meetingsByDate'];

/** A read of an index: the documents of one of its partitions (those of `range`, for an index read by range), in row order. */
export interface Index<T> {
  list(partition: readonly string[], range?: RowRange): Promise<T[]>;
}

/** A backend of the narrow port. */
export interface Documents {
  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]>;
  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]>;
  /** The queue of due work, one for every kind. */
  readonly queue: DueQueue;
  index<K extends keyof IndexedDocuments>(name: K): Index<IndexedDocuments[K]>;
}

/** When a version's archiving is due (undefined: it is not pending). */
export const archiveDueAt = (v: MinutesVersion): string | undefined => (v.archive?.state === 'pending' ? v.archive.nextAttemptAt : undefined);

/** A row key that sorts as the number does (versions): six digits. */
export const numberRow = (n: number): string => String(n).padStart(6, '0');

/** An id as a part of an ordered row: any characters, none that a key refuses (base64url). */
export const idPart = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');
