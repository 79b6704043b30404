import fs from 'node:fs';
import path from 'node:path';
import type { Metrics } from '../../src/app/ports';
import { Journey } from '../harness/journey';
import { eventually } from '../harness/service';

/**
 * What the app reports through its Metrics port (src/telemetry.ts turns it into OpenTelemetry
 * instruments; test/integration/telemetry.test.ts checks the export): check-ins, each attempt
 * at a card with its outcome when Teams fails, archive latency and failures, the outbox depth.
 */
describe('the app counts what operations need', () => {
  const calls: [keyof Metrics, ...unknown[]][] = [];
  const record: Metrics = {
    checkinRecorded: (...a) => calls.push(['checkinRecorded', ...a]),
    deliveryAttempted: (...a) => calls.push(['deliveryAttempted', ...a]),
    archived: (...a) => calls.push(['archived', ...a]),
    archiveFailed: (...a) => calls.push(['archiveFailed', ...a]),
  };
  let depth: (() => Promise<number>) | undefined;
  let j: Journey;
  let meetingId = '';
  let post: Awaited<ReturnType<Journey['createMeeting']>>['post'];
  const CHAIR = 0;
  const SECRETARY = 1;
  const JUSTERARE = 2;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4, overrides: { telemetry: { metrics: record, observeOutboxDepth: (read) => (depth = read) } } });
    await j.install();
    ({ meetingId, post } = await j.createMeeting({ date: '2030-02-04' }));
    await j.assignRole(0, CHAIR, 'ordforande');
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterAll(() => j.stop());

  const of = (name: keyof Metrics): unknown[][] => calls.filter((c) => c[0] === name).map((c) => c.slice(1));

  test('a check-in, and the card Teams refuses once (500) and takes on the retry', async () => {
    await eventually(() => of('deliveryAttempted').some(([k, o]) => k === 'checkinCard' && o === 'delivered') || undefined, 5000, 'the card posted');
    const before = of('deliveryAttempted').length;
    j.connector.failNext(1, 500);
    expect((await j.click(j.members[3]!, post.activityId, { action: 'checkin', meetingId, status: 'online' })).status).toBe(200);
    expect(of('checkinRecorded')).toEqual([['online']]);
    // The first send after the click is refused (the clicker's card or the shared one); it is delivered on the retry.
    const retried = await eventually(() => of('deliveryAttempted').slice(before).find(([, o]) => o === 'retry'), 10000, 'a refused send');
    await eventually(() => of('deliveryAttempted').slice(before + 1).find(([k, o]) => k === retried[0] && o === 'delivered'), 10000, 'the retry delivered');
    expect(of('deliveryAttempted').slice(before).filter(([, o]) => o !== 'delivered')).toEqual([[retried[0], 'retry']]);
    expect(await depth?.()).toBe(0);
  });

  test('a card Teams refuses for good (403) counts as failed', async () => {
    const before = of('deliveryAttempted').length;
    j.connector.failNext(1, 403);
    await j.click(j.members[3]!, post.activityId, { action: 'checkin', meetingId, status: 'apologies' });
    expect(of('checkinRecorded').at(-1)).toEqual(['apologies']);
    await eventually(() => of('deliveryAttempted').slice(before).find(([, o]) => o === 'failed'), 10000, 'the refusal');
    expect(of('deliveryAttempted').slice(before).filter(([, o]) => o !== 'delivered')).toHaveLength(1);
  });

  test('archiving: a refusal counts as failed; once archived, the time since approval', async () => {
    const folder = j.archiveFolder('2030');
    const taken = path.join(folder, 'Protokoll för IM-nätverket 2030-02-04 v1.pdf');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(taken, 'ett annat dokument');
    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE]);
    const approvedAt = Date.now();
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
    await eventually(() => (of('archiveFailed').length > 0 ? true : undefined), 15000, 'archiving refused');
    expect(of('archiveFailed')).toEqual([['failed']]);
    expect(of('archived')).toEqual([]);

    fs.renameSync(taken, path.join(folder, 'annat dokument.pdf'));
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/archive`, CHAIR)).status).toBe(200);
    const [[latencyMs]] = (await eventually(() => (of('archived').length > 0 ? of('archived') : undefined), 15000, 'archived')) as [[number]];
    expect(latencyMs).toBeGreaterThan(0);
    expect(latencyMs).toBeLessThanOrEqual(Date.now() - approvedAt + 1000);
    expect(of('archived')).toHaveLength(1);
  });
});
