import { Leases } from '../app/leases';
import type { Clock, Job, Logger, Store } from '../app/ports';

export type JobOutcome = 'posted' | 'skipped';
export type JobHandler = (job: Job) => Promise<JobOutcome>;

/** A claimed job older than this was interrupted (the service died mid-way): it is not run again. */
const ABANDON_AFTER_MS = 10 * 60_000;
const RETRY_MS = 5 * 60_000;
const MAX_TRIES = 5;

/**
 * Runs stored jobs when they come due. The jobs live in the store, not in timers, so they
 * survive restarts and are caught up after downtime. A lease (renewed while a run lasts,
 * released after it) lets one instance at a time run them, and a job is claimed before its
 * work starts: work interrupted between claim and done is given up (and logged) rather than
 * repeated. A job's cards go through the delivery outbox, which makes each post once.
 */
export class Scheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  private readonly leases: Leases;

  constructor(
    private readonly deps: { store: Store; clock: Clock; log: Logger; instanceId: string; handlers: Record<Job['kind'], JobHandler> },
  ) {
    this.leases = new Leases({ store: deps.store, instanceId: deps.instanceId, now: () => deps.clock.now().getTime(), log: deps.log });
  }

  /** Runs what is due now; resolves with how many jobs it finished. Calls do not overlap. */
  runDue(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  start(intervalMs: number): void {
    void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'scheduled work failed'));
    this.timer = setInterval(() => void this.runDue().catch((err: unknown) => this.deps.log.error({ err }, 'scheduled work failed')), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.leases.releaseAll();
  }

  private async run(): Promise<number> {
    const taken = await this.leases.take('*', 'jobs/scheduler');
    if (!taken.ok) return 0;
    try {
      return await this.runHeld();
    } finally {
      await taken.lease.release();
    }
  }

  private async runHeld(): Promise<number> {
    const { store, clock, log } = this.deps;
    const now = clock.now();
    const due = await store.dueJobs(now.toISOString(), 100);
    // Several reminders of one meeting due at once (after downtime): only the latest is worth posting.
    const latest = new Map<string, Job>();
    for (const job of due) {
      const key = `${job.tenantId}/${job.kind}/${job.meetingId}`;
      const seen = latest.get(key);
      if (!seen || seen.dueAt < job.dueAt) latest.set(key, job);
    }
    let finished = 0;
    for (const job of due) {
      const at = clock.now().toISOString();
      if (job.claimedAt) {
        if (now.getTime() - Date.parse(job.claimedAt) > ABANDON_AFTER_MS) {
          await store.updateJob({ ...job, doneAt: at, outcome: 'abandoned' });
          log.warn({ job: job.id }, 'scheduled job was interrupted earlier and is not repeated');
          finished++;
        }
        continue;
      }
      if (latest.get(`${job.tenantId}/${job.kind}/${job.meetingId}`) !== job) {
        await store.updateJob({ ...job, doneAt: at, outcome: 'skipped', detail: 'superseded by a later reminder' });
        finished++;
        continue;
      }
      await store.updateJob({ ...job, claimedAt: at });
      try {
        const outcome = await this.deps.handlers[job.kind](job);
        await store.updateJob({ ...job, claimedAt: at, doneAt: clock.now().toISOString(), outcome });
        log.info({ job: job.id, outcome }, 'scheduled job done');
        finished++;
      } catch (err) {
        // Nothing was posted (the post is the last step): try again later, a few times.
        const tries = Number(/tries=(\d+)/.exec(job.detail ?? '')?.[1] ?? 0) + 1;
        const retry: Job =
          tries >= MAX_TRIES
            ? { ...job, claimedAt: at, doneAt: clock.now().toISOString(), outcome: 'failed', detail: `tries=${tries}` }
            : { ...job, dueAt: new Date(now.getTime() + RETRY_MS).toISOString(), detail: `tries=${tries}` };
        await store.updateJob(retry);
        log.error({ err, job: job.id, tries }, 'scheduled job failed');
      }
    }
    return finished;
  }
}
