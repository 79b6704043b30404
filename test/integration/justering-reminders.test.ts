import { TestClock } from '../harness/clock';
import { Journey, texts } from '../harness/journey';
import { startTestService, tempDir } from '../harness/service';

/**
 * Justering reminders with an injected clock: the justerare who has not answered after three
 * days, then the secretary and the chair 14 days after the meeting; stored jobs that survive a
 * restart and are posted once.
 */
describe('justering reminders', () => {
  const dataDir = tempDir('justera-justering-reminders-');
  const clock = new TestClock(new Date('2030-01-20T09:00:00Z'));
  let j: Journey;
  let meetingId = '';
  const CHAIR = 0;
  const SECRETARY = 1;
  const J1 = 2;
  const J2 = 3;

  const personal = (who: number): string[] => j.personalCards(who).map(texts);
  const count = (who: number, text: string): number => personal(who).filter((t) => t.includes(text)).length;

  beforeAll(async () => {
    j = await new Journey().start({ members: 5, clock, env: { DATA_DIR: dataDir } });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' })).meetingId;
    await j.assignRole(0, CHAIR, 'ordforande');
    await j.assignRole(0, SECRETARY, 'sekreterare');
    clock.set('2030-02-05T09:00:00Z');
    await j.sendMinutes(meetingId, SECRETARY, [J1, J2]);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, J1)).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  test('creating the meeting stored the 14-day check, sending the justerare reminder 3 days on, at 08:00 Stockholm time', async () => {
    const due = (await j.service.store.dueJobs('2031-01-01T00:00:00.000Z', 10)).filter((job) => job.kind !== 'agendaReminder');
    expect(due.map((job) => [job.id, job.dueAt])).toEqual([
      [`justering-reminder/${meetingId}/1`, '2030-02-08T07:00:00.000Z'],
      [`justering-overdue/${meetingId}`, '2030-02-18T07:00:00.000Z'],
    ]);
  });

  test('after three days only the justerare who has not answered is reminded, once', async () => {
    expect(await j.service.runScheduledWork()).toBe(0);
    expect(count(J2, 'Påminnelse')).toBe(0);
    clock.set('2030-02-08T07:00:30Z');
    expect(await j.service.runScheduledWork()).toBe(1);
    expect(await j.service.runScheduledWork()).toBe(0);
    expect(count(J2, 'Påminnelse: protokoll att justera')).toBe(1);
    expect(count(J1, 'Påminnelse')).toBe(0);
  });

  test('14 days after the meeting, across a restart, the secretary and the chair are told once', async () => {
    await j.service.stop();
    clock.set('2030-02-18T10:00:00Z');
    j.service = await startTestService({ DATA_DIR: dataDir }, clock);
    j.botUrl = j.service.url;
    await j.service.runScheduledWork();
    expect(await j.service.runScheduledWork()).toBe(0);
    for (const who of [SECRETARY, CHAIR]) {
      expect(count(who, 'är inte justerat, 14 dagar efter mötet')).toBe(1);
      expect(personal(who).find((t) => t.includes('14 dagar'))).toContain('Protokollet väntar på justering.');
    }
    expect(count(J2, '14 dagar')).toBe(0);
  });

  test('a reminder for a version the secretary has since replaced is skipped; the new version is justerad', async () => {
    const store = j.service.store;
    const tenantId = (await store.listNetworks())[0]!.tenantId;
    // Version 1 still waits for J2 when the secretary corrects it and sends version 2.
    await j.sendMinutes(meetingId, SECRETARY, [J1, J2], [{ id: 'i-1', title: 'Föregående protokoll', notes: 'Genomgånget och rättat.', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []}]);
    expect((await j.api('GET', `/meetings/${meetingId}/minutes/versions/1`, CHAIR)).body).toMatchObject({ state: 'superseded' });
    await store.scheduleJob({ tenantId, id: `justering-reminder/${meetingId}/1-late`, kind: 'justeringReminder', meetingId, version: 1, dueAt: '2030-02-19T07:00:00.000Z' });
    clock.set('2030-02-19T08:00:00Z');
    const before = personal(J2).filter((t) => t.includes('Påminnelse') && t.includes('Version 1,')).length;
    await j.service.runScheduledWork();
    expect(personal(J2).filter((t) => t.includes('Påminnelse') && t.includes('Version 1,')).length).toBe(before);
    for (const who of [J1, J2]) expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/2/approve`, who)).status).toBe(200);
  });

  test('the archive lists the meeting, now past, with its justerat minutes and documents', async () => {
    await j.service.runArchiving();
    const networkId = (await j.api('GET', `/meetings/${meetingId}/minutes`, CHAIR)).body.networkId as string;
    const list = await j.api('GET', `/networks/${encodeURIComponent(networkId)}/minutes`, 4);
    expect(list.status).toBe(200);
    const meetings = list.body.meetings as { id: string; date: string; started: boolean; status: { kind: string }; documents: { kind: string }[] }[];
    expect(meetings.map((m) => [m.id, m.date, m.started, m.status.kind, m.documents.map((d) => d.kind)])).toEqual([[meetingId, '2030-02-04', true, 'approved', ['pdf', 'docx']]]);
    expect((await j.api('GET', '/networks/no-such-network/minutes', 4)).status).toBe(404);
  });
});
