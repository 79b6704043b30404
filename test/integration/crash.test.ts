import fs from 'node:fs';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store';
import { invokeCard, Journey, texts } from '../harness/journey';
import { spawnService, type RunningService } from '../harness/process';
import { tempDir } from '../harness/service';
import { TENANT, type TeamsUser } from '../harness/teams';

/** kill -9 of the service during a burst of check-ins: every check-in Teams was told succeeded is still there. */
test('every acknowledged check-in survives kill -9 in the middle of a burst', async () => {
  const j = await new Journey().startTeam({ members: 160 });
  const dataDir = tempDir('justera-crash-');
  let svc: RunningService | undefined;
  try {
    svc = await spawnService({ DATA_DIR: dataDir, PLAYGROUND: 'off' });
    j.botUrl = svc.url;
    expect((await j.install()).status).toBe(200);
    const { post, meetingId } = await j.createMeeting();

    const acknowledged: TeamsUser[] = [];
    let failed = 0;
    const running = svc;
    // Killed the moment the 40th answer comes back, with clicks still on their way and more to come:
    // the clicks start 10 ms apart, so a fast service cannot finish the burst before the kill.
    let killed: Promise<void> | undefined;
    await Promise.all(
      j.members.map(async (m, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 10));
        try {
          const reply = await j.click(m, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
          if (reply.status === 200 && texts(invokeCard(reply)).includes('Din närvaro: På plats')) {
            acknowledged.push(m);
            if (acknowledged.length === 40) killed = running.kill9();
          } else failed++;
        } catch {
          failed++; // the connection died with the process: Teams was told nothing
        }
      }),
    );
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.length + failed).toBe(160);
    expect(failed).toBeGreaterThan(0); // the kill came in the middle of the burst

    // Restart on the same data; everything acknowledged is there, and the service works on.
    svc = await spawnService({ DATA_DIR: dataDir, PLAYGROUND: 'off' });
    j.botUrl = svc.url;
    const reader = new SqliteStore(path.join(dataDir, 'justera.db'));
    const stored = new Set((await reader.listAttendance(TENANT, meetingId)).map((r) => r.personId));
    await reader.close();
    const lost = acknowledged.filter((m) => !stored.has(m.aadObjectId));
    expect(lost).toEqual([]);

    const late = j.members.find((m) => !stored.has(m.aadObjectId));
    if (late) {
      const reply = await j.click(late, post.activityId, { action: 'checkin', meetingId, status: 'online' });
      expect(texts(invokeCard(reply))).toContain(`${stored.size} på plats · 1 digitalt`);
    }
  } finally {
    if (svc && svc.proc.exitCode === null) await svc.interrupt();
    await j.connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
