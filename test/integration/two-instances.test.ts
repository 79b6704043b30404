import { TablesStore } from '../../src/store/tables-store';
import { startAzurite, type Azurite } from '../harness/azurite';
import { maxUpdatesInAnySecond } from '../harness/connector-emulator';
import { invokeCard, Journey, texts } from '../harness/journey';
import { spawnService, type RunningService } from '../harness/process';
import { eventually } from '../harness/service';
import { cardAction, postActivity, TENANT } from '../harness/teams';

/** Two service instances sharing one Azure Table Storage (Azurite), as behind App Service. */
describe('two instances on Azure Table Storage', () => {
  let azurite: Azurite;
  let j: Journey;
  const instances: RunningService[] = [];
  const prefix = `two${Date.now().toString(36)}`;

  beforeAll(async () => {
    azurite = await startAzurite();
    j = await new Journey().startTeam({ members: 140 });
    const env = { STORE: 'tables', TABLES_CONNECTION_STRING: azurite.connectionString, TABLES_PREFIX: prefix, PLAYGROUND: 'off', LOG_LEVEL: 'warn' };
    instances.push(await spawnService(env), await spawnService(env));
  });

  afterAll(async () => {
    for (const i of instances) if (i.proc.exitCode === null) await i.interrupt();
    await j.connector.stop();
    await azurite.stop();
  });

  test('a 140-member burst split between them loses nothing, duplicates nothing, and the card converges', async () => {
    const [a, b] = instances as [RunningService, RunningService];
    j.botUrl = a.url;
    await j.install();
    j.botUrl = b.url;
    const { post, meetingId } = await j.createMeeting();

    const click = (i: number, otherInstance = false): Promise<boolean> => {
      const member = j.members[i]!;
      const url = (i % 2 === 0) !== otherInstance ? a.url : b.url;
      return postActivity(url, cardAction(j.serviceUrl, member, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).then(
        (r) => r.status === 200 && texts(invokeCard(r)).includes('Din närvaro: På plats'),
      );
    };
    // Everyone once; members 1–14 a second time on the other instance, as a Teams retry would.
    const retries = Array.from({ length: 14 }, (_, i) => i + 1);
    const acks = await Promise.all([...j.members.map((_, i) => click(i)), ...retries.map((i) => click(i, true))]);
    expect(acks.every(Boolean)).toBe(true);

    const store = await TablesStore.open({ connectionString: azurite.connectionString, tablePrefix: prefix });
    const records = await store.listAttendance(TENANT, meetingId);
    expect(records).toHaveLength(140);
    expect(new Set(records.map((r) => r.personId)).size).toBe(140);

    const final = await eventually(() => {
      const card = texts(j.sharedCard(post));
      return card.includes('140 på plats · 0 digitalt · 0 förhinder') ? card : undefined;
    }, 20000, 'the shared card to show all 140');
    expect(final).not.toContain('Din närvaro');
    const updates = j.connector.updatesOf(post.activityId);
    expect(maxUpdatesInAnySecond(updates)).toBe(1);
  }, 90000);
});
