import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft } from '../domain/minutes';
import type { Proposal } from '../domain/proposal';
import type { Delivery, Job, SearchMarker } from '../app/ports';

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

/** Documents written once or replaced whole, read by key or by partition in row order. */
export interface Collection<T> {
  read(key: DocumentKey): Promise<T | undefined>;
  /** Writes the document unless one is there; whether it was written. */
  create(key: DocumentKey, doc: T): Promise<boolean>;
  /** Writes the document, replacing any there. */
  upsert(key: DocumentKey, doc: T): Promise<void>;
  /** The partition's documents, in row order. */
  list(partition: readonly string[]): Promise<T[]>;
  /** Deletes the document; whether there was one. */
  remove(key: DocumentKey): Promise<boolean>;
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

/** What a queue entry is about: each kind of due work has one. */
export type DueKind = 'job' | 'delivery';

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

/** A one-time fill (of an index, for data written before it) ran for a tenant. */
export interface StoreMark {
  at: string;
}

/** What each collection holds. */
export interface PlainDocuments {
  agendaVersions: Agenda;
  proposals: Proposal;
  searchMarkers: SearchMarker;
  jobs: Job;
  deliveriesByPerson: DeliveryRef;
  marks: StoreMark;
}

export interface EtagDocuments {
  agendas: Agenda;
  agendaTemplates: AgendaTemplate;
  minutes: MinutesDraft;
  deliveries: Delivery;
  leases: LeaseDoc;
}

/** A backend of the narrow port. */
export interface Documents {
  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]>;
  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]>;
  /** The queue of due work, one for every kind. */
  readonly queue: DueQueue;
}

/** A row key that sorts as the number does (versions): six digits. */
export const numberRow = (n: number): string => String(n).padStart(6, '0');
