import type { Agenda } from '../domain/agenda';
import type { AgendaTemplate } from '../domain/agenda-template';
import type { MinutesDraft } from '../domain/minutes';
import type { Proposal } from '../domain/proposal';
import type { SearchMarker } from '../app/ports';

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
}

/** Documents edited under ETags: a write names the ETag it read, and fails when someone wrote since. */
export interface EtagCollection<T> {
  read(key: DocumentKey): Promise<{ doc: T; etag: string } | undefined>;
  /** Writes under `ifMatch` (undefined: only when there is none yet); the new ETag, or undefined when someone else wrote first. */
  write(key: DocumentKey, doc: T, ifMatch: string | undefined): Promise<string | undefined>;
}

/** What each collection holds. */
export interface PlainDocuments {
  agendaVersions: Agenda;
  proposals: Proposal;
  searchMarkers: SearchMarker;
}

export interface EtagDocuments {
  agendas: Agenda;
  agendaTemplates: AgendaTemplate;
  minutes: MinutesDraft;
}

/** A backend of the narrow port. */
export interface Documents {
  collection<K extends keyof PlainDocuments>(name: K): Collection<PlainDocuments[K]>;
  etagged<K extends keyof EtagDocuments>(name: K): EtagCollection<EtagDocuments[K]>;
}

/** A row key that sorts as the number does (versions): six digits. */
export const numberRow = (n: number): string => String(n).padStart(6, '0');
