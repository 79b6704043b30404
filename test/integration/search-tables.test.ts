import { startAzurite, type Azurite } from '../harness/azurite';
import { Journey, stockholmToday } from '../harness/journey';
import { spawnService, type RunningService } from '../harness/process';

/** The search index on Table Storage is one every instance uses: justerat on one, found on the other. */
describe('search shared by two instances on Azure Table Storage', () => {
  let azurite: Azurite;
  let j: Journey;
  const instances: RunningService[] = [];
  const prefix = `srch${Date.now().toString(36)}`;

  beforeAll(async () => {
    azurite = await startAzurite();
    j = await new Journey().startTeam({ members: 4 });
    const env = { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: prefix, PLAYGROUND: 'off', LOG_LEVEL: 'warn' };
    instances.push(await spawnService(env), await spawnService(env));
  }, 90000);

  afterAll(async () => {
    for (const i of instances) if (i.proc.exitCode === null) await i.interrupt();
    await j.connector.stop();
    await azurite.stop();
  });

  test('minutes justerade through one instance are found through the other', async () => {
    const [a, b] = instances as [RunningService, RunningService];
    j.botUrl = a.url;
    await j.install();
    await j.assignRole(0, 1, 'sekreterare');
    // A spawned service runs on real time: the meeting is today's, from midnight, so its minutes may be sent.
    const { meetingId } = await j.createMeeting({ date: stockholmToday(), start: '00:00', end: '23:30' });
    const items = [{ id: 'i-1', kind: 'item' as const, title: 'Elevhälsa', notes: 'Kommunerna redovisade elevhälsoarbetet.', decisions: [], actions: [], tabled: false, presenters: [], questions: [], responses: [] }];
    await j.sendMinutes(meetingId, 1, [2], items);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, 2)).status).toBe(200);

    j.botUrl = b.url;
    const found = await j.api('GET', `/search?q=${encodeURIComponent('kommun')}`, 3);
    expect(found.status).toBe(200);
    const results = found.body.results as { meetingId: string; hits: { itemTitle?: string }[] }[];
    expect(results.map((r) => [r.meetingId, r.hits[0]?.itemTitle])).toEqual([[meetingId, 'Elevhälsa']]);
  }, 90000);
});
