import { CardUpdater } from '../../src/bot/card-updater';
import { retryAfterMs, SendQueue } from '../../src/bot/send-queue';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('card updater', () => {
  test('coalesces a burst: few updates, spaced by the interval, the last showing the final state', async () => {
    const interval = 100;
    const runs: { at: number; state: number }[] = [];
    let state = 0;
    const updater = new CardUpdater({ intervalMs: interval, onError: () => undefined });
    const job = async (): Promise<void> => {
      runs.push({ at: Date.now(), state });
      await sleep(5);
    };
    for (let i = 1; i <= 50; i++) {
      state = i;
      updater.request('card-1', job);
      await sleep(5);
    }
    await updater.idle();
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThan(10);
    expect(runs.at(-1)?.state).toBe(50);
    for (let i = 1; i < runs.length; i++) expect((runs[i]?.at ?? 0) - (runs[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(interval);
  });

  test('keeps cards apart, and flush sends what is pending at once', async () => {
    const seen: string[] = [];
    const updater = new CardUpdater({ intervalMs: 10000, onError: () => undefined });
    updater.request('a', async () => void seen.push('a1'));
    updater.request('b', async () => void seen.push('b1'));
    await updater.idle();
    updater.request('a', async () => void seen.push('a2'));
    await updater.flush();
    expect(seen.sort()).toEqual(['a1', 'a2', 'b1']);
  });

  test('a failed update is reported and the next one still runs', async () => {
    const errors: unknown[] = [];
    const updater = new CardUpdater({ intervalMs: 20, onError: (_k, e) => errors.push(e) });
    let ok = false;
    updater.request('a', async () => {
      throw new Error('boom');
    });
    await updater.idle();
    updater.request('a', async () => {
      ok = true;
    });
    await updater.idle();
    expect(errors).toHaveLength(1);
    expect(ok).toBe(true);
  });
});

describe('send queue', () => {
  test('spaces sends to one conversation and never runs two at once', async () => {
    const q = new SendQueue({ sendsPerSecond: 20 });
    const starts: number[] = [];
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        q.enqueue('19:c@thread;messageid=1', async () => {
          starts.push(Date.now());
          maxRunning = Math.max(maxRunning, ++running);
          await sleep(2);
          running--;
        }),
      ),
    );
    expect(maxRunning).toBe(1);
    for (let i = 1; i < starts.length; i++) expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(45);
  });

  test('retries a 429 after Retry-After and gives up on a 400', async () => {
    const waits: number[] = [];
    const q = new SendQueue({ sendsPerSecond: 1000, sleep: async (ms) => void waits.push(ms) });
    let calls = 0;
    const throttled = Object.assign(new Error('429'), { statusCode: 429, response: { headers: { get: () => '2' } } });
    await expect(q.enqueue('c', async () => (++calls < 3 ? Promise.reject(throttled) : 'sent'))).resolves.toBe('sent');
    expect(calls).toBe(3);
    expect(waits.filter((w) => w === 2000)).toHaveLength(2);
    const bad = Object.assign(new Error('400'), { statusCode: 400 });
    await expect(q.enqueue('c', async () => Promise.reject(bad))).rejects.toBe(bad);
  });

  test('reads Retry-After as seconds or as a date', () => {
    const err = (v: string): unknown => ({ response: { headers: { get: () => v } } });
    expect(retryAfterMs(err('3'))).toBe(3000);
    expect(retryAfterMs(err(new Date(10_000).toUTCString()), 5_000)).toBe(5000);
    expect(retryAfterMs({})).toBeUndefined();
  });
});
