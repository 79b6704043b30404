import type { Delivery, Job, LeaseResult, Store } from '../app/ports';
import type { DocumentKey, Documents, DueEntry, DueKind } from './documents';

/** The parts of the Store about work done later or elsewhere: jobs, the delivery outbox, leases. */
export type WorkStore = Pick<
  Store,
  'scheduleJob' | 'dueJobs' | 'updateJob' | 'getDelivery' | 'saveDelivery' | 'dueDeliveries' | 'removePersonalDeliveries' | 'tryLease' | 'releaseLease'
>;

/** A job's or a delivery's key: per tenant, by id. */
const byId = (tenantId: string, id: string): DocumentKey => ({ partition: [tenantId], row: id });
/** The document a queue entry names (its ref is the tenant and the id). */
const refKey = (ref: readonly string[]): DocumentKey => byId(ref[0] ?? '', ref[1] ?? '');
const jobEntry = (job: Job): DueEntry => ({ kind: 'job', dueAt: job.dueAt, ref: [job.tenantId, job.id] });
const deliveryEntry = (d: Delivery): DueEntry => ({ kind: 'delivery', dueAt: d.dueAt, ref: [d.tenantId, d.id] });
/** The mark that a tenant's personal deliveries from before the per-person index are in it. */
const PERSON_INDEX_MARK = 'deliveriesByPerson';
/** Documents a tick reads at once (the outbox's depth asks for up to a thousand). */
const READS_AT_ONCE = 25;
/** Conflicting writes a lease is tried again after (others taking or renewing it at the same moment). */
const LEASE_TRIES = 20;

/**
 * Jobs, deliveries and leases, written once on the narrow port for every backend. Work that is due
 * (a job not done, a pending delivery) has an entry in the queue at its due time, put before its
 * document is written, so no document is due without one; a tick reads the entries due and each
 * one's document, and removes the entries whose document is done or due at another time now.
 */
export abstract class WorkRepositories implements WorkStore {
  /** The narrow port the repositories are written on. */
  abstract readonly documents: Documents;

  /** One-time fills (see filledOnce) this instance has seen done. */
  private readonly filled = new Set<string>();

  /** Stores a job unless one with its id exists (scheduling twice schedules once). */
  async scheduleJob(job: Job): Promise<void> {
    // Also when it exists: its entry may be put again; one that does not match the job goes when reached.
    if (!job.doneAt) await this.documents.queue.put(jobEntry(job));
    await this.documents.collection('jobs').create(byId(job.tenantId, job.id), job);
  }

  dueJobs(nowIso: string, limit: number): Promise<Job[]> {
    return this.due('job', nowIso, limit, (ref) => this.documents.collection('jobs').read(refKey(ref)), (job) => (job.doneAt ? undefined : job.dueAt));
  }

  async updateJob(job: Job): Promise<void> {
    const jobs = this.documents.collection('jobs');
    if (!job.doneAt) await this.documents.queue.put(jobEntry(job));
    await jobs.upsert(byId(job.tenantId, job.id), job);
    // A done job leaves the queue, and is never read by a tick again.
    if (job.doneAt) await this.documents.queue.remove(jobEntry(job));
  }

  async getDelivery(tenantId: string, id: string): Promise<{ delivery: Delivery; etag: string } | undefined> {
    const found = await this.documents.etagged('deliveries').read(byId(tenantId, id));
    return found && { delivery: found.doc, etag: found.etag };
  }

  async saveDelivery(d: Delivery, ifMatch: string | undefined): Promise<string | undefined> {
    if (ifMatch === undefined && d.kind === 'personal' && d.to !== undefined) {
      await this.documents.collection('deliveriesByPerson').upsert({ partition: [d.tenantId, d.to], row: d.id }, { id: d.id });
    }
    if (d.state === 'pending') await this.documents.queue.put(deliveryEntry(d));
    const etag = await this.documents.etagged('deliveries').write(byId(d.tenantId, d.id), d, ifMatch);
    if (etag !== undefined && d.state !== 'pending') await this.documents.queue.remove(deliveryEntry(d));
    return etag;
  }

  dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]> {
    const deliveries = this.documents.etagged('deliveries');
    return this.due('delivery', nowIso, limit, async (ref) => (await deliveries.read(refKey(ref)))?.doc, (d) => (d.state === 'pending' ? d.dueAt : undefined));
  }

  /** Through the per-person index: the person's rows, not the tenant's every delivery. */
  async removePersonalDeliveries(tenantId: string, teamsUserId: string): Promise<number> {
    await this.indexPersonalDeliveries(tenantId);
    const index = this.documents.collection('deliveriesByPerson');
    const deliveries = this.documents.etagged('deliveries');
    let removed = 0;
    for (const { id } of await index.list([tenantId, teamsUserId])) {
      const found = await deliveries.read(byId(tenantId, id));
      const d = found?.doc;
      if (d?.kind === 'personal' && d.to === teamsUserId && (await deliveries.remove(byId(tenantId, id)))) {
        removed += 1;
        if (d.state === 'pending') await this.documents.queue.remove(deliveryEntry(d));
      }
      await index.remove({ partition: [tenantId, teamsUserId], row: id });
    }
    return removed;
  }

  /** Once per tenant: its personal deliveries written before they were indexed by person. */
  private indexPersonalDeliveries(tenantId: string): Promise<void> {
    return this.filledOnce([tenantId, ''], PERSON_INDEX_MARK, async () => {
      const index = this.documents.collection('deliveriesByPerson');
      for (const d of await this.documents.etagged('deliveries').list([tenantId])) {
        if (d.kind === 'personal' && d.to !== undefined) await index.upsert({ partition: [tenantId, d.to], row: d.id }, { id: d.id });
      }
    });
  }

  /**
   * Runs `fill` (what was stored before a record or an index was kept, written into it) unless
   * its mark in `backfills` says it ran; looked for once per instance. `scope`: the tenant and a
   * network ('' for the whole tenant).
   */
  protected async filledOnce(scope: readonly [tenantId: string, networkId: string], name: string, fill: () => Promise<void>): Promise<void> {
    const seen = `${scope.join('\n')}\n${name}`;
    if (this.filled.has(seen)) return;
    const backfills = this.documents.collection('backfills');
    const key = { partition: scope, row: name };
    if (!(await backfills.read(key))) {
      await fill();
      await backfills.upsert(key, { at: new Date().toISOString() });
    }
    this.filled.add(seen);
  }

  async tryLease(tenantId: string, name: string, owner: string, untilMs: number, nowMs: number): Promise<LeaseResult> {
    const leases = this.documents.etagged('leases');
    const key = byId(tenantId, name);
    // A write under the ETag read: of owners racing, one writes; the others read the lease again and see who holds it.
    for (let attempt = 0; attempt < LEASE_TRIES; attempt++) {
      const held = await leases.read(key);
      if (held && held.doc.owner !== owner && held.doc.untilMs > nowMs) return { ok: false, holder: held.doc.owner, untilMs: held.doc.untilMs };
      if ((await leases.write(key, { owner, untilMs }, held?.etag)) !== undefined) return { ok: true };
    }
    throw new Error(`lease ${name} kept changing under its ETag`);
  }

  async releaseLease(tenantId: string, name: string, owner: string): Promise<void> {
    const leases = this.documents.etagged('leases');
    const held = await leases.read(byId(tenantId, name));
    if (held?.doc.owner === owner) await leases.remove(byId(tenantId, name), held.etag);
  }

  /**
   * The documents of the queue's entries of `kind` due by `by`, earliest first (every kind's tick: jobs, deliveries, archives): each entry's
   * document is read; one no longer due at the entry's time (done, moved, gone) is not returned
   * and its entry is removed, unless it was put again meanwhile (its ETag). Read page by page
   * after the last entry seen, until `limit` are found or no entry is left.
   */
  protected async due<T>(kind: DueKind, by: string, limit: number, read: (ref: readonly string[]) => Promise<T | undefined>, dueAt: (doc: T) => string | undefined): Promise<T[]> {
    const queue = this.documents.queue;
    const out: T[] = [];
    let after: DueEntry | undefined;
    while (out.length < limit) {
      const want = limit - out.length;
      const entries = await queue.due(kind, by, want, after);
      const docs: (T | undefined)[] = [];
      for (let i = 0; i < entries.length; i += READS_AT_ONCE) docs.push(...(await Promise.all(entries.slice(i, i + READS_AT_ONCE).map((e) => read(e.ref)))));
      for (const [i, e] of entries.entries()) {
        const doc = docs[i];
        if (doc !== undefined && dueAt(doc) === e.dueAt) out.push(doc);
        else await queue.remove(e, e.etag);
      }
      if (entries.length < want) break;
      after = entries.at(-1);
    }
    return out;
  }
}
