import { odata, type TableClient } from '@azure/data-tables';
import type { DueEntry, DueKind, DueQueue } from './documents';
import { deleted, key, unkey } from './tables-rows';

/** Runs a one-time fill of the queue unless its marker (a partition of `duework`) says it ran (TablesDocuments.markedOnce). */
export type QueueFillOnce = (marker: string, fill: () => Promise<void>) => Promise<void>;

/** A queue row's key: when it is due, then the ref's parts encoded (the layout the queue's job rows were first written in). */
const dueRowKey = (e: Pick<DueEntry, 'dueAt' | 'ref'>): string => `${e.dueAt}|${key(...e.ref)}`;

/** Where due work written before the queue is found, once per kind (its marker): rows of `table` the filter selects, each due at its `due` property (empty: not due). */
interface BeforeTheQueue {
  marker: string;
  table: string;
  filter: string;
  due: string;
  entry: (row: { partitionKey?: string; rowKey?: string }, dueAt: string) => DueEntry;
  /** Rows of the kind's partition in a layout the queue does not read, removed by the fill. */
  stale?: string;
}

/**
 * Due work written before the queue, found once per kind by the properties its rows had then:
 * a job's `done` and `dueAt` (all jobs in one partition), a delivery's `dueAt` (empty unless
 * pending), a version's `archiveDue` (the same). Archives were queued by the adapter before, in
 * rows keyed by the version's number as is (`…|<tenant>.<meeting>.000001`, naming it in properties
 * too, under the marker `archive~meta`): those rows are removed and the versions queued again under a marker of its own.
 */
const BEFORE_THE_QUEUE: Record<DueKind, BeforeTheQueue> = {
  job: {
    marker: 'job~meta',
    table: 'jobs',
    filter: odata`PartitionKey eq ${'jobs'} and done eq false`,
    due: 'dueAt',
    entry: (row, dueAt) => ({ kind: 'job', dueAt, ref: unkey(row.rowKey ?? '') }),
  },
  delivery: {
    marker: 'delivery~meta',
    table: 'deliveries',
    filter: odata`dueAt ne ${''}`,
    due: 'dueAt',
    entry: (row, dueAt) => ({ kind: 'delivery', dueAt, ref: [...unkey(row.partitionKey ?? ''), ...unkey(row.rowKey ?? '')] }),
  },
  archive: {
    marker: 'archive2~meta',
    table: 'minutesversions',
    filter: odata`archiveDue ne ${''}`,
    due: 'archiveDue',
    // The row key is the version's number as is (six digits).
    entry: (row, dueAt) => ({ kind: 'archive', dueAt, ref: [...unkey(row.partitionKey ?? ''), row.rowKey ?? ''] }),
    stale: odata`PartitionKey eq ${'archive'} and tenant ne ${''}`,
  },
};

/**
 * The queue on Table Storage: the `duework` table, a partition per kind, the row key when it is
 * due and what it is about, so what is due by a time is one key range of one partition
 * (`RowKey lt '<time>}'`: '}' sorts after the '|' that ends the time).
 */
export class TablesDueQueue implements DueQueue {
  constructor(private readonly client: (table: string) => TableClient, private readonly once: QueueFillOnce) {}

  private get table(): TableClient {
    return this.client('duework');
  }

  async put(e: DueEntry): Promise<void> {
    await this.table.upsertEntity({ partitionKey: e.kind, rowKey: dueRowKey(e) }, 'Replace');
  }

  async due(kind: DueKind, by: string, limit: number, after?: DueEntry): Promise<(DueEntry & { etag: string })[]> {
    await this.once(BEFORE_THE_QUEUE[kind].marker, () => this.fillFromBefore(kind));
    const out: (DueEntry & { etag: string })[] = [];
    if (limit <= 0) return out;
    const filter =
      after === undefined
        ? odata`PartitionKey eq ${kind} and RowKey lt ${`${by}}`}`
        : odata`PartitionKey eq ${kind} and RowKey gt ${dueRowKey(after)} and RowKey lt ${`${by}}`}`;
    const pages = this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: limit });
    for await (const page of pages) {
      for (const row of page) {
        const rowKey = row.rowKey ?? '';
        const bar = rowKey.indexOf('|');
        out.push({ kind, dueAt: rowKey.slice(0, bar), ref: unkey(rowKey.slice(bar + 1)), etag: row.etag });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  remove(e: DueEntry, ifMatch?: string): Promise<boolean> {
    return deleted(this.table, e.kind, dueRowKey(e), ifMatch);
  }

  private async fillFromBefore(kind: DueKind): Promise<void> {
    const { table, filter, due, entry, stale } = BEFORE_THE_QUEUE[kind];
    if (stale !== undefined) {
      for await (const row of this.table.listEntities({ queryOptions: { filter: stale, select: ['RowKey'] } })) await deleted(this.table, kind, row.rowKey ?? '');
    }
    const rows = this.client(table).listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey', due] } });
    for await (const row of rows) {
      const dueAt = row[due];
      if (typeof dueAt === 'string' && dueAt !== '') await this.put(entry(row, dueAt));
    }
  }
}
