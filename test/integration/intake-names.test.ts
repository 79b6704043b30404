import { Journey } from '../harness/journey';
import type { MinutesContent } from '../../src/domain/minutes';

/**
 * Issue 9, problem 8: names from Teams are cleaned and shortened once, at intake. A display name
 * over 200 characters (Teams allows longer) no longer blocks saving the minutes, and bidi
 * overrides and control characters in names (which spoof file names and tab text) are gone.
 */
describe('names from Teams at intake', () => {
  let j: Journey;
  const SECRETARY = 1;
  const LONG = 3;
  const SPOOF = 2;
  const longName = `Anna-Karin ${'Lindqvist-Åkesson '.repeat(15)}`.trim();

  beforeAll(async () => {
    j = new Journey();
    j.teamName = 'IM-nätverket\u2067 \u202Eadmin';
    await j.start({ members: 4 });
    const roster = j.connector.roster;
    roster[LONG] = { ...roster[LONG]!, name: longName };
    roster[SPOOF] = { ...roster[SPOOF]!, name: 'Bo \u202Efdp.exe\u202C Berg\u0007' };
    j.members = roster.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId, name: m.name }));
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('long and spoofing names check in, and the minutes with them save', async () => {
    expect(longName.length).toBeGreaterThan(200);
    const { post, meetingId } = await j.createMeeting({ date: '2030-02-04' });
    // A guest outside the roster, whose Teams name is long too, checks in as well.
    const guest = { id: '29:guest', aadObjectId: 'guest-aad', name: `Gäst ${'Mycket Långt Namn '.repeat(14)}\u202E` };
    for (const who of [j.members[LONG]!, j.members[SPOOF]!, guest]) {
      expect((await j.click(who, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    }
    const draft = await j.api('GET', `/meetings/${meetingId}/minutes`, SECRETARY);
    const content = draft.body.content as MinutesContent;
    // Saving the minutes with these attendees (it used to answer 400: a name over 200 characters).
    const saved = await j.api('PUT', `/meetings/${meetingId}/minutes`, SECRETARY, { body: { content: { ...content, attendees: content.attendees } }, ifMatch: draft.etag });
    expect(saved.status).toBe(200);
    const names = content.attendees.map((a) => a.name);
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(200);
      expect(name).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    }
    expect(names).toContain('Bo fdp.exe Berg');
    expect(names.find((n) => n.startsWith('Anna-Karin'))).toMatch(/^Anna-Karin Lindqvist-Åkesson .*…$/);
    expect(content.networkName).toBe('IM-nätverket admin');


    const members = await j.api('GET', `/networks/${encodeURIComponent('19:im-natverket@thread.tacv2')}/members`, SECRETARY);
    expect(members.status).toBe(200);
    expect(JSON.stringify(members.body)).toContain('Bo fdp.exe Berg');
    expect(JSON.stringify(members.body)).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
  });
});
