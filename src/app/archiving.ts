import type { Meeting } from '../domain/meeting';
import { archiveFileName, archiveNames } from '../domain/archive-names';
import { kindOf, protocolTitle, type ArchivedDocument, type ArchiveIntent, type ArchiveNames, type MinutesVersion } from '../domain/minutes';
import { Leases, type HeldLease } from './leases';
import { sameDateOf } from './meetings';
import { SingleFlight } from './single-flight';
import { ArchiveRefused, ArchiveUnavailable, NO_METRICS, type Archive, type Clock, type Logger, type Metrics, type ProtocolRenderer, type Store } from './ports';

const FIRST_BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 60 * 60_000;

/** Shows the archived minutes in Teams. */
export interface MinutesPublisher {
  postMinutes(meeting: Meeting, version: MinutesVersion, documents: readonly ArchivedDocument[]): Promise<unknown>;
  showStatus(meeting: Meeting, version: MinutesVersion): Promise<void>;
}

/** The formats a version is archived in: one home for each kind's extension and content type. */
export const FORMATS = [
  { kind: 'pdf', extension: 'pdf', contentType: 'application/pdf' },
  { kind: 'docx', extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
] as const;

/**
 * The outbox worker. An approval writes its intent to archive in the same row as the approval;
 * this worker carries it out: renders the documents, stores each in the archive (which gives
 * exactly one document per name, whatever failed before), records progress after each step,
 * then posts the minutes card. Retry-After is honoured; other failures back off. It runs under
 * a lease per version, so two instances never work on the same version at once.
 */
export class ArchiveWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  /** Versions being worked on in this instance (the lease keeps other instances off them). */
  private readonly inFlight = new SingleFlight();
  /** One lease per version, renewed while it is worked on and released after (or on stop). */
  private readonly leases: Leases;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      log: Logger;
      instanceId: string;
      renderer: ProtocolRenderer;
      archive: Archive;
      publisher: MinutesPublisher;
      metrics?: Metrics;
    },
  ) {
    this.leases = new Leases({ store: deps.store, instanceId: deps.instanceId, now: () => deps.clock.now().getTime(), log: deps.log });
  }

  start(intervalMs: number): void {
    const tick = (): void => void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'archiving failed'));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running;
    await this.inFlight.settled();
    await this.leases.releaseAll();
  }

  /** Another instance holds a version: look again when its lease would run out (it is released sooner on a clean stop). */
  private retryAt(untilMs: number): void {
    if (this.retryTimer || !this.timer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, Math.max(0, untilMs - this.deps.clock.now().getTime()) + 50);
    this.retryTimer.unref();
  }

  /**
   * Starts on a version now (just approved), beside whatever else is in progress; without one,
   * asks for a run (a run in progress is followed by one more).
   */
  kick(version?: Pick<MinutesVersion, 'tenantId' | 'meetingId' | 'number'>): void {
    if (version) {
      void this.work(version.tenantId, version.meetingId, version.number).catch((err: unknown) => this.deps.log.error({ err }, 'archiving failed'));
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'archiving failed'));
  }

  /** Works through what is due; resolves with how many versions it finished. */
  runDue(): Promise<number> {
    this.running ??= (async () => {
      let finished = 0;
      do {
        this.again = false;
        finished += await this.runOnce();
      } while (this.again);
      return finished;
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<number> {
    const due = await this.deps.store.dueArchives(this.deps.clock.now().toISOString(), 20);
    const results = await Promise.all(due.map((v) => this.work(v.tenantId, v.meetingId, v.number)));
    return results.filter(Boolean).length;
  }

  /** One version at a time per instance: a second call while it is worked on shares the work. */
  private work(tenantId: string, meetingId: string, number: number): Promise<boolean> {
    return this.inFlight.run(`${tenantId}/${meetingId}/${number}`, () => this.archiveVersion(tenantId, meetingId, number));
  }

  /** Returns whether the version is now archived and shown. */
  private async archiveVersion(tenantId: string, meetingId: string, number: number): Promise<boolean> {
    const taken = await this.leases.take(tenantId, `archive/${meetingId}/${number}`);
    if (!taken.ok) {
      this.retryAt(taken.untilMs);
      return false;
    }
    try {
      return await this.archiveHeld(tenantId, meetingId, number, taken.lease);
    } finally {
      await taken.lease.release();
    }
  }

  /** Archives under the version's lease (renewed in the background), checked before each step. */
  private async archiveHeld(tenantId: string, meetingId: string, number: number, lease: HeldLease): Promise<boolean> {
    const { store, clock, log } = this.deps;
    const hold = (): Promise<boolean> => lease.renew();
    let found = await store.getMinutesVersion(tenantId, meetingId, number);
    const meeting = await store.getMeeting(tenantId, meetingId);
    if (!found || !meeting) return false;
    try {
      const first = found.version.archive;
      if (!first || first.state !== 'pending') return false;
      if (!first.names) found = await this.write(found, { ...first, names: await this.namesOf(found.version, meeting) });
      for (const format of FORMATS) {
        const v = found.version;
        const intent = v.archive;
        if (!intent || intent.state !== 'pending') return false;
        if (intent.documents.some((d) => d.kind === format.kind)) continue;
        if (!(await hold())) return false;
        const document = await this.store(v, meeting, format);
        found = await this.write(found, { ...intent, documents: [...intent.documents, document] });
      }
      const intent = found.version.archive;
      if (!intent) return false;
      if (!intent.minutesCardPosted) {
        // Posting twice is what the lease is for: never post without holding it.
        if (!(await hold())) return false;
        await this.deps.publisher.postMinutes(meeting, found.version, intent.documents);
        found = await this.write(found, { ...intent, minutesCardPosted: true, state: 'done', doneAt: clock.now().toISOString() });
      } else if (intent.state === 'pending') {
        found = await this.write(found, { ...intent, state: 'done', doneAt: clock.now().toISOString() });
      }
      void this.deps.publisher.showStatus(meeting, found.version).catch((err: unknown) => log.warn({ err, meetingId }, 'could not update the status card'));
      log.info({ meetingId, version: number, documents: found.version.archive?.documents.length }, 'minutes archived');
      const approved = Date.parse(found.version.approvedAt ?? found.version.sentAt);
      const done = Date.parse(found.version.archive?.doneAt ?? '');
      if (Number.isFinite(approved) && Number.isFinite(done)) (this.deps.metrics ?? NO_METRICS).archived(Math.max(0, done - approved));
      return true;
    } catch (err) {
      await this.failed(tenantId, meetingId, number, err);
      return false;
    }
  }

  /**
   * The version's names in the archive, from the stored network and meeting (never from the
   * minutes' editable text): see archiveNames.
   */
  private async namesOf(v: MinutesVersion, meeting: Meeting): Promise<ArchiveNames> {
    // Part-archived before names were recorded: the rest goes beside what is there, as it was named then.
    if (v.archive?.documents.length) return { network: v.content.networkName, meetingDate: v.content.meeting.date, folder: v.content.networkName, file: protocolTitle(v.content) };
    const { store } = this.deps;
    const network = (await store.getNetwork(v.tenantId, meeting.networkId)) ?? { id: meeting.networkId, name: meeting.networkName };
    const sameDate = await sameDateOf(store, meeting);
    return archiveNames({ tenantId: v.tenantId, network: { id: network.id, name: network.name }, meeting, sameDate, kind: kindOf(v.content) });
  }

  private async store(v: MinutesVersion, meeting: Meeting, format: (typeof FORMATS)[number]): Promise<ArchivedDocument> {
    const names = v.archive?.names;
    if (!names) throw new Error('the version has no archive names');
    const sameDate = await sameDateOf(this.deps.store, meeting);
    const bytes = format.kind === 'pdf' ? await this.deps.renderer.pdf(v, meeting.locale, sameDate) : await this.deps.renderer.docx(v, meeting.locale, sameDate);
    const ref = await this.deps.archive.store({
      tenantId: v.tenantId,
      networkName: names.folder,
      meetingDate: names.meetingDate,
      fileName: archiveFileName(names, v.number, format.extension),
      contentType: format.contentType,
      bytes,
      metadata: {
        network: names.network,
        meetingDate: names.meetingDate,
        justerare: v.approvals.map((a) => a.name).join(', '),
        approvedAt: v.approvedAt ?? v.sentAt,
        version: v.number,
        contentHash: v.hash,
      },
    });
    return { kind: format.kind, ...ref };
  }

  private async write(found: { version: MinutesVersion; etag: string }, archive: ArchiveIntent): Promise<{ version: MinutesVersion; etag: string }> {
    const version = { ...found.version, archive };
    const etag = await this.deps.store.saveMinutesVersion(version, found.etag);
    if (!etag) throw new Error('the version changed while it was archived');
    return { version, etag };
  }

  private async failed(tenantId: string, meetingId: string, number: number, err: unknown): Promise<void> {
    const { store, clock, log } = this.deps;
    const found = await store.getMinutesVersion(tenantId, meetingId, number);
    const intent = found?.version.archive;
    if (!found || !intent || intent.state !== 'pending') return;
    const attempts = intent.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ArchiveRefused) {
      log.error({ err, meetingId, version: number }, 'the archive refused the protocol; it needs a person');
      (this.deps.metrics ?? NO_METRICS).archiveFailed('failed');
      await store.saveMinutesVersion({ ...found.version, archive: { ...intent, attempts, state: 'failed', lastError: message } }, found.etag);
      return;
    }
    const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(intent.attempts, 12));
    const waitMs = err instanceof ArchiveUnavailable && err.retryAfterMs !== undefined ? err.retryAfterMs : backoff;
    const nextAttemptAt = new Date(clock.now().getTime() + waitMs).toISOString();
    log.warn({ err, meetingId, version: number, attempts, nextAttemptAt }, 'archiving failed; will retry');
    (this.deps.metrics ?? NO_METRICS).archiveFailed('retry');
    await store.saveMinutesVersion({ ...found.version, archive: { ...intent, attempts, lastError: message, nextAttemptAt } }, found.etag);
  }
}
