import fs from 'node:fs';
import path from 'node:path';
import { ArchiveWorker, type MinutesPublisher } from '../../src/app/archiving';
import type { Logger, Store } from '../../src/app/ports';
import { sha256Hex } from '../../src/archive/archive-naming';
import { SharePointArchive } from '../../src/archive/sharepoint-archive';
import type { Meeting } from '../../src/domain/meeting';
import { approve, newVersion, type MinutesContent, type StoredMinutesContent, type MinutesDraft, type MinutesVersion } from '../../src/domain/minutes';
import { PdfKitProtocolRenderer } from '../../src/render/protocol-renderer';
import { SqliteStore } from '../../src/store/sqlite-store';
import { shortCode } from '../../src/domain/archive-names';
import { gymnasienatverk2022, imNatverket20211203, imNatverket20220603 } from '../fixtures/minutes';
import { TestClock } from '../harness/clock';
import { GraphEmulator, fixedTokenCredential, type EmulatedCall, type EmulatedDocument, type GraphFault } from '../harness/graph-emulator';
import { tempDir } from '../harness/service';

/**
 * The archive outbox end to end, minus Teams: approved versions in the real SQLite store, the
 * real worker rendering with the real renderer and storing through the real SharePoint archive
 * and Graph client over HTTP, against the Graph emulator failing half its calls for a while.
 * Time is a test clock: the worker is run, the clock moved past what is due, and run again.
 */

const TENANT = 'tenant-outbox';
const START = '2030-01-10T08:00:00.000Z';
const RETRY_AFTER_SECONDS = 7;
const FIRST_BACKOFF_MS = 15_000;
const FAULTS: GraphFault[] = [
  { kind: 'throttle', retryAfterSeconds: RETRY_AFTER_SECONDS },
  { kind: 'unavailable' },
  { kind: 'drop' },
  { kind: 'dropAfterWrite' },
];

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const renderer = new PdfKitProtocolRenderer();

/** Stands for Teams: counts the minutes cards posted, per version. */
class PublisherRecorder implements MinutesPublisher {
  readonly posted: string[] = [];
  async postMinutes(_meeting: Meeting, version: MinutesVersion): Promise<void> {
    this.posted.push(keyOf(version));
  }
  async showStatus(): Promise<void> {}
}

interface Planned {
  meetingId: string;
  number: number;
  content: MinutesContent;
}

const onDate = (content: MinutesContent, date: string): MinutesContent => ({ ...content, meeting: { ...content.meeting, date } });

const corrected = (content: MinutesContent): MinutesContent => ({
  ...content,
  items: content.items.map((item, i) => (i === 0 ? { ...item, notes: `${item.notes}\nRättelse: Andre lyfter frågan i mars.` } : item)),
});

/** Seven meetings from the three real protocols (some on other dates), and a second version of one. */
const VERSIONS: Planned[] = [
  { meetingId: 'm-im-2021-12-03', number: 1, content: imNatverket20211203 },
  { meetingId: 'm-im-2022-06-03', number: 1, content: imNatverket20220603 },
  { meetingId: 'm-gy-2022-01-28', number: 1, content: gymnasienatverk2022 },
  { meetingId: 'm-gy-2022-01-28', number: 2, content: corrected(gymnasienatverk2022) },
  { meetingId: 'm-im-2022-09-16', number: 1, content: onDate(imNatverket20220603, '2022-09-16') },
  { meetingId: 'm-im-2022-11-25', number: 1, content: onDate(imNatverket20211203, '2022-11-25') },
  { meetingId: 'm-gy-2022-03-18', number: 1, content: onDate(gymnasienatverk2022, '2022-03-18') },
  { meetingId: 'm-gy-2022-05-13', number: 1, content: onDate(gymnasienatverk2022, '2022-05-13') },
];

/** "Protokoll för IM-nätverket 2021-12-03 v1": a version's document name without the extension. */
function keyOf(v: { number: number; content: StoredMinutesContent }): string {
  return `Protokoll för ${v.content.networkName} ${v.content.meeting.date} v${v.number}`;
}

/** The network's folder carries a code from the tenant and the network id (see archiveNames). */
function folderOf(v: { content: StoredMinutesContent }): string {
  const networkId = `network-${v.content.networkName}`;
  return `Protokoll/${v.content.networkName} (${shortCode(TENANT, networkId)})/${v.content.meeting.date.slice(0, 4)}`;
}

function meetingFor(p: Planned): Meeting {
  return {
    ...p.content.meeting,
    start: p.content.meeting.start ?? '',
    end: p.content.meeting.end ?? '',
    place: p.content.meeting.place ?? '',
    mode: p.content.meeting.mode ?? 'onsite',
    id: p.meetingId,
    tenantId: TENANT,
    networkId: `network-${p.content.networkName}`,
    networkName: p.content.networkName,
    channelId: '19:traffar@thread.tacv2',
    createdBy: { id: 'secretary', name: 'Sekreteraren' },
    locale: 'sv',
    attendanceClosed: true,
    createdAt: START,
  };
}

/** What the justering does: the draft sent as a version, each justerare approves, and approve() writes the intent to archive in the same row. */
async function approveIntoStore(store: Store, p: Planned, now: string): Promise<MinutesVersion> {
  const meeting = meetingFor(p);
  await store.createMeeting(meeting);
  const draft: MinutesDraft = { tenantId: TENANT, networkId: meeting.networkId, meetingId: p.meetingId, content: p.content, updatedAt: now };
  let version = newVersion(draft, p.number, { memberId: 'secretary', name: 'Sekreteraren' }, now);
  for (const j of p.content.justerare) version = approve(version, j, now);
  expect(version.archive).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: now, documents: [] });
  expect(await store.saveMinutesVersion(version, undefined)).toBeDefined();
  return version;
}

/** One Graph call, with the test clock's time when it arrived and the version it was for. */
interface TimedCall extends EmulatedCall {
  clockMs: number;
  version: string;
}

/** The emulator, a store file, and a worker over them; the worker (and store) can be replaced as after a restart. */
class World {
  readonly graph = new GraphEmulator();
  readonly clock = new TestClock(new Date(START));
  readonly publisher = new PublisherRecorder();
  readonly file = path.join(tempDir('justera-outbox-'), 'justera.db');
  store!: Store;
  worker!: ArchiveWorker;
  private readonly arrivals: number[] = [];

  async start(): Promise<this> {
    await this.graph.start();
    this.graph.beforeCall = () => this.arrivals.push(this.clock.now().getTime());
    this.open('instance-a');
    return this;
  }

  /** A new store on the file and a new worker (another instance id, as a restarted service has). */
  open(instanceId: string): void {
    this.store = new SqliteStore(this.file);
    this.worker = this.workerOver(this.store, instanceId);
  }

  /** The real worker, with a new SharePoint archive and Graph client, over `store`. */
  workerOver(store: Store, instanceId: string): ArchiveWorker {
    return new ArchiveWorker({
      store,
      clock: this.clock,
      log: silent,
      instanceId,
      renderer,
      archive: new SharePointArchive({ credential: fixedTokenCredential(), baseUrl: this.graph.baseUrl, driveId: this.graph.driveId }),
      publisher: this.publisher,
    });
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
    await this.store?.close().catch(() => undefined);
    await this.graph.stop();
    fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
  }

  async versions(): Promise<MinutesVersion[]> {
    const all = await Promise.all([...new Set(VERSIONS.map((p) => p.meetingId))].map((id) => this.store.listMinutesVersions(TENANT, id)));
    return all.flat();
  }

  /**
   * Runs the worker, then moves the clock: a second at a time while something is due within
   * ten seconds (so a retry earlier than allowed would be seen), else straight to the next
   * attempt. Stops when nothing is pending or `until` holds.
   */
  async runUntilSettled(until: () => Promise<boolean> = async () => false, maxRounds = 3000): Promise<void> {
    for (let round = 0; round < maxRounds; round++) {
      await this.worker.runDue();
      if (await until()) return;
      const pending = (await this.versions()).flatMap((v) => (v.archive?.state === 'pending' ? [Date.parse(v.archive.nextAttemptAt)] : []));
      if (pending.length === 0) return;
      const now = this.clock.now().getTime();
      const next = Math.min(...pending);
      this.clock.set(new Date(next - now > 10_000 ? next : now + 1000).toISOString());
    }
    throw new Error(`still pending after ${maxRounds} rounds`);
  }

  /** The emulator's calls with their clock time and version ("…" when none). */
  timedCalls(): TimedCall[] {
    const names = new Map(this.graph.documents().map((d) => [d.id, d.name]));
    return this.graph.calls.map((call, i) => {
      const byPath = /\/root:\/(?:.*\/)?([^/]+?):(?:\/content)?$/.exec(call.path)?.[1];
      const byId = /\/(?:items|download)\/([^/]+)/.exec(call.path)?.[1];
      const name = byPath ?? names.get(byId ?? '') ?? '…';
      return { ...call, clockMs: this.arrivals[i] ?? NaN, version: name.replace(/\.(pdf|docx)$/, '') };
    });
  }
}

/** Each version is done, with one PDF and one DOCX in the drive carrying its metadata, and its minutes card posted once. */
async function expectArchivedExactlyOnce(world: World): Promise<void> {
  const versions = await world.versions();
  expect(versions.map(keyOf).sort()).toEqual(VERSIONS.map(keyOf).sort());
  const documents = world.graph.documents();
  expect(documents).toHaveLength(2 * VERSIONS.length);
  for (const v of versions) {
    const key = keyOf(v);
    expect({ key, state: v.archive?.state, minutesCardPosted: v.archive?.minutesCardPosted }).toEqual({ key, state: 'done', minutesCardPosted: true });
    expect(v.archive?.documents.map((d) => [d.kind, d.name])).toEqual([
      ['pdf', `${key}.pdf`],
      ['docx', `${key}.docx`],
    ]);
    for (const recorded of v.archive?.documents ?? []) {
      const atPath = documents.filter((d) => d.path.toLowerCase() === `${folderOf(v)}/${recorded.name}`.toLowerCase());
      expect(atPath.map((d) => d.id)).toEqual([recorded.itemId]);
      const doc = atPath[0] as EmulatedDocument;
      expect(doc.fields).toEqual({
        Natverk: v.content.networkName,
        Motesdatum: v.content.meeting.date,
        Justerare: v.approvals.map((a) => a.name).join(', '),
        Justerad: v.approvedAt,
        Protokollversion: v.number,
        Innehallshash: v.hash,
      });
      const rendered = recorded.kind === 'pdf' ? await renderer.pdf(v, 'sv') : await renderer.docx(v, 'sv');
      expect({ name: doc.name, sha256: sha256Hex(doc.bytes) }).toEqual({ name: recorded.name, sha256: sha256Hex(rendered) });
    }
  }
  const posts = new Map<string, number>();
  for (const key of world.publisher.posted) posts.set(key, (posts.get(key) ?? 0) + 1);
  expect(Object.fromEntries(posts)).toEqual(Object.fromEntries(VERSIONS.map((p) => [keyOf(p), 1])));
}

describe('the archive outbox against a faulty Graph', () => {
  let world: World;

  beforeEach(async () => {
    world = await new World().start();
  });
  afterEach(async () => {
    await world.stop();
  });

  test('half the calls failing for a while: every approved version ends archived exactly once, Retry-After honoured', async () => {
    for (const p of VERSIONS) await approveIntoStore(world.store, p, START);
    world.graph.failRandomly({ seed: 20301, fraction: 0.5, faults: FAULTS, calls: 160 });

    await world.runUntilSettled();
    await expectArchivedExactlyOnce(world);

    const calls = world.timedCalls();
    const outcomes = new Set(calls.map((c) => c.outcome));
    for (const seen of [429, 503, 'dropped', 'droppedAfterWrite'] as const) expect(outcomes).toContain(seen);
    expect(calls.filter((c) => c.version === '…')).toEqual([]);

    // After each failure, the version's next call came when the worker was allowed to try again:
    // never before Retry-After for a 429, never before a back-off of 15 s for anything else.
    const waits = calls.flatMap((failure, i) => {
      if (failure.outcome !== 429 && failure.outcome !== 503 && failure.outcome !== 'dropped' && failure.outcome !== 'droppedAfterWrite') return [];
      const retry = calls.slice(i + 1).find((c) => c.version === failure.version);
      const download = /\/content$|^\/download\//.test(failure.path);
      return retry ? [{ version: failure.version, outcome: failure.outcome, download, waitedMs: retry.clockMs - failure.clockMs }] : [];
    });
    const throttled = waits.filter((w) => w.outcome === 429);
    expect(throttled.filter((w) => !w.download).length).toBeGreaterThan(0);
    expect(throttled.filter((w) => w.waitedMs < RETRY_AFTER_SECONDS * 1000)).toEqual([]);
    // Graph's Retry-After reaches the worker on every call, downloads included, and is used as said.
    expect(throttled.filter((w) => w.waitedMs !== RETRY_AFTER_SECONDS * 1000)).toEqual([]);
    const other = waits.filter((w) => w.outcome !== 429);
    expect(other.length).toBeGreaterThan(0);
    expect(other.filter((w) => w.waitedMs < FIRST_BACKOFF_MS)).toEqual([]);
  });

  test('a restart mid-way, even between a write to Graph and its record in the store: still exactly once', async () => {
    for (const p of VERSIONS) await approveIntoStore(world.store, p, START);
    world.graph.failRandomly({ seed: 777, fraction: 0.5, faults: FAULTS, calls: 80 });
    const doneCount = async (): Promise<number> => (await world.versions()).filter((v) => v.archive?.state === 'done').length;

    // Some progress first...
    await world.runUntilSettled(async () => (await doneCount()) >= 2);
    const before = await doneCount();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(VERSIONS.length);

    // ...then the process dies the moment a metadata PATCH reaches Graph: the document is there,
    // its metadata set, and the store never hears of it.
    let crashed = false;
    const previous = world.graph.beforeCall;
    world.graph.beforeCall = (call) => {
      previous?.(call);
      if (call.method === 'PATCH') crashed = true;
    };
    const dying = world.store;
    world.worker = world.workerOver(crashing(dying, () => crashed), 'instance-a');
    world.graph.stopFailing();
    const due = (await world.versions()).flatMap((v) => (v.archive?.state === 'pending' ? [Date.parse(v.archive.nextAttemptAt)] : []));
    world.clock.set(new Date(Math.max(world.clock.now().getTime(), Math.min(...due))).toISOString());
    await expect(world.worker.runDue()).rejects.toThrow('the process is gone');
    expect(crashed).toBe(true);
    world.graph.beforeCall = previous;
    await dying.close();
    const patched = /\/items\/([^/]+)\/listItem\/fields$/.exec(world.graph.calls.filter((c) => c.method === 'PATCH').at(-1)?.path ?? '')?.[1];
    expect(world.graph.documents().map((d) => d.id)).toContain(patched);

    // A new instance on the same file, which knows nothing of that document, with Graph failing again for a while.
    world.open('instance-b');
    expect((await world.versions()).flatMap((v) => v.archive?.documents.map((d) => d.itemId) ?? [])).not.toContain(patched);
    world.graph.failRandomly({ seed: 778, fraction: 0.5, faults: FAULTS, calls: 80 });
    await world.runUntilSettled();
    await expectArchivedExactlyOnce(world);
    // The document written before the crash was adopted, not written again.
    expect((await world.versions()).flatMap((v) => v.archive?.documents.map((d) => d.itemId) ?? [])).toContain(patched);
  });

  test('Graph answering Retry-After: 86400 defers the archive by at most the 120 s cap, and the cap is logged', async () => {
    const [planned] = VERSIONS;
    if (!planned) throw new Error('no versions');
    const warnings: object[] = [];
    const log: Logger = { ...silent, warn: (o) => void warnings.push(o) };
    const graphOptions = { credential: fixedTokenCredential(), baseUrl: world.graph.baseUrl, driveId: world.graph.driveId, log };
    world.worker = new ArchiveWorker({
      store: world.store,
      clock: world.clock,
      log,
      instanceId: 'instance-capped',
      renderer,
      archive: new SharePointArchive(graphOptions),
      publisher: world.publisher,
    });
    await approveIntoStore(world.store, planned, START);
    world.graph.failNext(1, { kind: 'throttle', retryAfterSeconds: 86_400 });

    expect(await world.worker.runDue()).toBe(0);
    const deferred = (await world.store.getMinutesVersion(TENANT, planned.meetingId, planned.number))?.version.archive;
    expect(deferred?.state).toBe('pending');
    const waitMs = Date.parse(deferred?.nextAttemptAt ?? '') - Date.parse(START);
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(120_000);
    expect(warnings).toContainEqual(expect.objectContaining({ from: 'graph', askedMs: 86_400_000, waitMs: 120_000 }));

    world.clock.set(deferred?.nextAttemptAt ?? START);
    await world.runUntilSettled();
    expect((await world.store.getMinutesVersion(TENANT, planned.meetingId, planned.number))?.version.archive?.state).toBe('done');
  });

  test('a different document already at the name: failed with the reason, never retried, never overwritten', async () => {
    const [planned] = VERSIONS;
    if (!planned) throw new Error('no versions');
    const theirs = Buffer.from('%PDF-1.7 ett annat protokoll, uppladdat för hand');
    const squatter = world.graph.putDocument(`${folderOf(planned)}/${keyOf(planned)}.pdf`, theirs, { Title: 'Uppladdat för hand' });
    await approveIntoStore(world.store, planned, START);

    expect(await world.worker.runDue()).toBe(0);
    const failed = await world.store.getMinutesVersion(TENANT, planned.meetingId, planned.number);
    expect(failed?.version.archive).toMatchObject({ state: 'failed', attempts: 1, documents: [] });
    expect(failed?.version.archive?.lastError).toContain(`a different document already has the name ${keyOf(planned)}.pdf`);

    const callsBefore = world.graph.calls.length;
    world.clock.set('2030-01-12T08:00:00.000Z');
    expect(await world.store.dueArchives(world.clock.now().toISOString(), 20)).toEqual([]);
    expect(await world.worker.runDue()).toBe(0);
    expect(world.graph.calls.length).toBe(callsBefore);
    expect((await world.store.getMinutesVersion(TENANT, planned.meetingId, planned.number))?.version).toEqual(failed?.version);
    expect(world.graph.documents()).toEqual([squatter]);
    expect(world.publisher.posted).toEqual([]);
  });
});

/** The store as a process that dies when `dead()` turns true: every call from then on fails. */
function crashing(store: Store, dead: () => boolean): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => (dead() ? Promise.reject(new Error('the process is gone')) : Reflect.apply(value, target, args));
    },
  });
}
