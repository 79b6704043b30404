import { TestClock } from '../harness/clock';
import { Journey, texts } from '../harness/journey';
import { startTestService, tempDir } from '../harness/service';

describe('agenda reminders: stored, caught up after downtime, never posted twice', () => {
  const dataDir = tempDir('justera-reminders-');
  const clock = new TestClock(new Date('2030-01-20T09:00:00Z'));
  let j: Journey;
  let meetingId = '';

  const reminders = (): number => j.connector.sent.filter((s) => s.kind === 'post' && texts(s.activity).includes('Påminnelse')).length;

  beforeAll(async () => {
    j = await new Journey().start({ members: 4, clock, env: { DATA_DIR: dataDir } });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' })).meetingId;
    // The team owner (medlem 0) chairs the network and publishes the agenda on 20 January.
    await j.assignRole(0, 0, 'ordforande');
    expect((await j.publishAgenda(0, meetingId)).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  test('publishing stores one job per reminder day, at 08:00 Stockholm time', async () => {
    const due = (await j.service.store.dueJobs('2031-01-01T00:00:00.000Z', 10)).filter((job) => job.kind === 'agendaReminder');
    expect(due.map((job) => [job.id, job.dueAt])).toEqual([
      [`agenda-reminder/${meetingId}/7`, '2030-01-28T07:00:00.000Z'],
      [`agenda-reminder/${meetingId}/1`, '2030-02-03T07:00:00.000Z'],
    ]);
  });

  test('nothing is posted before its time; at its time, once', async () => {
    expect(await j.service.runScheduledWork()).toBe(0);
    expect(reminders()).toBe(0);
    clock.set('2030-01-28T07:00:30Z');
    expect(await j.service.runScheduledWork()).toBe(1);
    expect(await j.service.runScheduledWork()).toBe(0);
    expect(reminders()).toBe(1);
  });

  test('after a restart and downtime past the next reminder, it is caught up exactly once', async () => {
    await j.service.stop();
    clock.set('2030-02-03T10:00:00Z');
    j.service = await startTestService({ DATA_DIR: dataDir }, clock);
    j.botUrl = j.service.url;
    // The service runs due work when it starts; running again finds nothing.
    await j.service.runScheduledWork();
    expect(await j.service.runScheduledWork()).toBe(0);
    expect(reminders()).toBe(2);
    // A second instance on the same data finds nothing left to do.
    const other = await startTestService({ DATA_DIR: dataDir }, clock);
    try {
      expect(await other.runScheduledWork()).toBe(0);
    } finally {
      await other.stop();
    }
    expect(reminders()).toBe(2);
  });
});
