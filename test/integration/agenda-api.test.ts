import { Journey, cardOf, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { CHANNEL_ID, TENANT, TEAM_ID } from '../harness/teams';

/** The agenda journey through the tab API: draft from the template, edit with ETags, publish to the channel. */
describe('the agenda through /api/v1', () => {
  let j: Journey;
  let meetingId = '';

  type Item = { id: string; title: string; start: string; standard?: string };
  const call = async (method: string, path: string, who: number, opts: { body?: unknown; ifMatch?: string } = {}) => {
    const res = await j.api(method, path, who, opts);
    return { ...res, body: res.body as Record<string, unknown> & { items: Item[] } };
  };
  const agendaPath = (): string => `/meetings/${meetingId}/agenda`;

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' })).meetingId;
    // Medlem 0 owns the team (admin) and makes medlem 1 secretary.
    await j.assignRole(0, 1, 'sekreterare');
  });
  afterAll(async () => {
    await j.stop();
  });

  test("a member reads the draft: the default template's items with times from the meeting start, not editable", async () => {
    const res = await call('GET', agendaPath(), 3);
    expect(res.status).toBe(200);
    expect(res.etag).toBeTruthy();
    expect(res.body.canEdit).toBe(false);
    expect(res.body.items.map((i) => [i.title, i.start])).toEqual([
      ['Mötets öppnande', '13:00'],
      ['Val av justerare', '13:02'],
      ['Godkännande av dagordningen', '13:04'],
      ['Närvaro/deltagarlista', '13:06'],
      ['Föregående protokoll', '13:11'],
      ['Övriga frågor', '13:21'],
      ['Datum för nästa möte', '13:31'],
      ['Avslutning', '13:36'],
    ]);
    expect((await call('PUT', agendaPath(), 3, { body: { items: [] }, ifMatch: res.etag })).status).toBe(403);
  });

  test('the secretary edits with If-Match; a stale or missing version is refused and nothing is lost', async () => {
    const first = await call('GET', agendaPath(), 1);
    expect(first.body.canEdit).toBe(true);
    const opening = first.body.items.slice(0, 5);
    const rest = first.body.items.slice(5);
    const items = [...opening, { title: 'Projekt Överlämning', durationMin: 40, kind: 'diskussion', description: 'Camilla presenterar.', presenter: { kind: 'guest', name: 'Camilla Stensson' } }, ...rest];
    const saved = await call('PUT', agendaPath(), 1, { body: { items }, ifMatch: first.etag });
    expect(saved.status).toBe(200);
    expect(saved.etag).not.toBe(first.etag);
    expect(saved.body.items.map((i) => [i.title, i.start])).toContainEqual(['Projekt Överlämning', '13:21']);
    expect(saved.body.items.find((i) => i.title === 'Övriga frågor')?.start).toBe('14:01');

    const stale = await call('PUT', agendaPath(), 1, { body: { items: first.body.items }, ifMatch: first.etag });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'conflict', detail: expect.stringContaining('Någon annan har ändrat dagordningen') });
    expect((await call('PUT', agendaPath(), 1, { body: { items } })).status).toBe(428);
    const now = await call('GET', agendaPath(), 3);
    expect(now.body.items.map((i) => i.title)).toContain('Projekt Överlämning');
    expect(now.etag).toBe(saved.etag);
  });

  test('an agenda that breaks the rules is refused with the reason at the item', async () => {
    const current = await call('GET', agendaPath(), 1);
    const withoutClosing = current.body.items.filter((i) => i.standard !== 'closing');
    const res = await call('PUT', agendaPath(), 1, { body: { items: withoutClosing }, ifMatch: current.etag });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
    const badLink = current.body.items.map((i, n) => (n === 2 ? { ...i, links: [{ title: 'Rapport', url: 'http://example.se/r' }] } : i));
    const link = await call('PUT', agendaPath(), 1, { body: { items: badLink }, ifMatch: current.etag });
    expect(link.status).toBe(400);
    expect(link.body.errors).toEqual([expect.objectContaining({ code: 'link_not_https', itemId: current.body.items[2]!.id })]);
    expect((await call('GET', agendaPath(), 1)).etag).toBe(current.etag);
  });

  test('publishing posts the agenda card; a later edit updates it in place and says what changed; versions are kept', async () => {
    const draft = await call('GET', agendaPath(), 1);
    const published = await call('POST', `${agendaPath()}/publish`, 1, { ifMatch: draft.etag });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ version: 1, status: 'published' });
    const post = await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'the agenda card');
    expect(post.conversationId).toBe(CHANNEL_ID);
    expect(texts(cardOf(post))).toContain('Projekt Överlämning');

    const items = published.body.items.map((i) => (i.title === 'Projekt Överlämning' ? { ...i, title: 'Projekt Överlämning – beslut' } : i));
    const edited = await call('PUT', agendaPath(), 1, { body: { items }, ifMatch: published.etag });
    // Edited after publishing: a draft again, until published anew.
    expect(edited.body).toMatchObject({ status: 'draft', version: 1 });
    const again = await call('POST', `${agendaPath()}/publish`, 1, { ifMatch: edited.etag });
    expect(again.body.version).toBe(2);
    const update = await eventually(() => j.connector.updatesOf(post.activityId).at(-1), 5000, 'the card updated');
    expect(texts(cardOf(update))).toContain('Projekt Överlämning – beslut');
    expect(texts(cardOf(update))).toMatch(/Ändrad/);

    const sentBefore = j.connector.sent.length;
    const same = await call('POST', `${agendaPath()}/publish`, 1, { ifMatch: again.etag });
    expect(same.body.version).toBe(2);
    expect(j.connector.sent.length).toBe(sentBefore);
    const versions = await j.service.store.listAgendaVersions(TENANT, meetingId);
    expect(versions.map((v) => [v.version, v.items.some((i) => i.title === 'Projekt Överlämning')])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  test("apologies from the agenda card are the check-in record, and the agenda stays in place", async () => {
    const agendaPost = j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning'));
    expect(agendaPost).toBeDefined();
    expect(texts(cardOf(agendaPost!))).toContain('"data":{"action":"checkin","meetingId":"' + meetingId + '","status":"apologies"}');
    const reply = await j.click(j.members[4]!, agendaPost!.activityId, { action: 'checkin', meetingId, status: 'apologies' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Ditt förhinder är anmält till IM-nätverket 2030-02-04.' });
    const records = await j.service.store.listAttendance(TENANT, meetingId);
    expect(records).toEqual([expect.objectContaining({ personId: j.members[4]!.aadObjectId, status: 'apologies' })]);
  });

  test('publishing is for editors only', async () => {
    const draft = await call('GET', agendaPath(), 3);
    expect((await call('POST', `${agendaPath()}/publish`, 3, { ifMatch: draft.etag })).status).toBe(403);
  });
});

describe("a term's meetings from the planning text", () => {
  let j: Journey;
  const plan = (who: number, body: unknown) => j.api('POST', `/networks/${encodeURIComponent(TEAM_ID)}/term-plan`, who, { body });

  beforeAll(async () => {
    j = await new Journey().start({ members: 3 });
    await j.install();
    await j.assignRole(0, 0, 'ordforande');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('creates each meeting once, with its own agenda draft and no flood of cards; problems are told', async () => {
    const text = 'Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad, 31/2 Skövde';
    expect((await plan(1, { planId: 'vt', text })).status).toBe(403);
    const res = await plan(0, { planId: 'vt', text });
    expect(res.status).toBe(200);
    const body = res.body as { created: { id: string; date: string; start: string; place: string }[]; problems: { detail: string; severity: string }[] };
    expect(body.created.map((m) => [m.place, m.date.slice(5), m.start])).toEqual([
      ['Falköping', '02-04', '13:00'],
      ['Karlsborg', '04-08', '13:00'],
      ['Mariestad', '06-03', '13:00'],
    ]);
    expect(body.problems.some((p) => p.severity === 'error' && p.detail.includes('31/2'))).toBe(true);
    await plan(0, { planId: 'vt', text });
    expect((await j.api('GET', '/me/meetings', 2)).body.meetings).toHaveLength(3);
    expect(j.connector.sent.filter((s) => s.kind === 'post')).toHaveLength(0);
    // Publishing a planned meeting's agenda posts its check-in card too.
    expect((await j.publishAgenda(0, body.created[0]!.id)).status).toBe(200);
    const posts = j.connector.sent.filter((s) => s.kind === 'post').map((s) => texts(s.activity));
    expect(posts.some((t) => t.includes('Incheckning'))).toBe(true);
    expect(posts.some((t) => t.includes('Dagordning'))).toBe(true);
  });

  test('pasting the plan again, from a new tab submission, finds the meetings it made and creates nothing new', async () => {
    const first = await plan(0, { planId: 'tab-first', text: 'Torsdagar kl 9–11:\n5/3 Skara\n9/4 Vara\n4/6 Lidköping' });
    expect(first.status).toBe(200);
    const made = first.body as { created: { id: string; place: string }[]; alreadyPlanned?: unknown[] };
    expect(made.created.map((m) => m.place)).toEqual(['Skara', 'Vara', 'Lidköping']);
    const before = ((await j.api('GET', '/me/meetings', 2)).body.meetings as unknown[]).length;

    // The same plan pasted again (a new plan id), written on one line, with one new date.
    const again = await plan(0, { planId: 'tab-second', text: 'Torsdagar kl 9–11: 5/3 Skara, 9/4 Vara, 4/6 Lidköping, 8/10 Skövde' });
    expect(again.status).toBe(200);
    const answer = again.body as { created: { place: string }[]; alreadyPlanned?: { id: string }[] };
    expect(answer.created.map((m) => m.place)).toEqual(['Skövde']);
    expect((await j.api('GET', '/me/meetings', 2)).body.meetings).toHaveLength(before + 1);
    expect(answer.alreadyPlanned?.map((m) => m.id)).toEqual(made.created.map((m) => m.id));
    expect(made.alreadyPlanned).toEqual([]);
  });

  test('"digitalt", "via Teams" and "(hybrid)" give the meeting its form and stay out of its place', async () => {
    const res = await plan(0, { planId: 'forms', text: 'Onsdagar kl 13–15:\n3/3 Skara digitalt\n7/4 via Teams\n2/6 Lidköping (hybrid)' });
    expect(res.status).toBe(200);
    const made = res.body as { created: { id: string }[] };
    const mine = (await j.api('GET', '/me/meetings', 2)).body.meetings as { id: string; place: string; mode: string }[];
    expect(made.created.map((m) => mine.find((x) => x.id === m.id)).map((m) => [m?.place, m?.mode])).toEqual([
      ['Skara', 'online'],
      ['', 'online'],
      ['Lidköping', 'hybrid'],
    ]);
  });
});
