import { maxUpdatesInAnySecond } from '../harness/connector-emulator';
import { cardOf, invokeCard, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { CHANNEL_ID, TENANT, TEAM_ID } from '../harness/teams';

/** Through HTTP: the real service, Teams-shaped activities, and a connector emulator recording what the bot sends. */
describe('check-in through /api/messages', () => {
  let j: Journey;
  beforeEach(async () => {
    j = await new Journey().start({ members: 12, pageSize: 5 });
    expect((await j.install()).status).toBe(200);
  });
  afterEach(async () => {
    await j.stop();
  });

  test('installing the bot makes the team a network with its whole (paged) roster', async () => {
    const network = await j.service.store.getNetwork(TENANT, TEAM_ID);
    expect(network?.name).toBe('IM-nätverket');
    expect(network?.channels.map((c) => c.name)).toEqual(['General', 'Träffar']);
    const members = await j.service.store.listMembers(TENANT, TEAM_ID);
    expect(members).toHaveLength(12);
    expect(members.find((m) => m.email === 'medlem0@skovde.se')?.municipality).toBe('Skövde');
    expect(members.find((m) => m.email === 'medlem1@falkoping.se')?.municipality).toBe('Falköping');
    const welcome = j.connector.sent.find((s) => s.kind === 'reply');
    expect(welcome?.activity.text).toContain('känner till 12 medlemmar');
  });

  test('hjälp lists the commands; ny träff answers with the form', async () => {
    expect(texts(cardOf(await j.say('hjälp')))).toContain('ny träff');
    const form = cardOf(await j.say('ny träff'));
    expect(texts(form)).toContain('"verb":"createMeeting"');
  });

  test('a good form posts the check-in card as a new channel post and replaces the form', async () => {
    const { post, meetingId, formReply } = await j.createMeeting();
    expect(post.conversationId).toBe(CHANNEL_ID);
    expect(texts(invokeCard(formReply))).toContain('Träffen IM-nätverket 2030-02-04 är skapad.');
    const card = texts(cardOf(post));
    expect(card).toContain('Måndag 4 februari 2030 · 13:00–15:00');
    expect(card).toContain('Rudbecksgymnasiet, Tidaholm');
    expect(card).toContain('0 på plats · 0 digitalt · 0 förhinder');
    const meeting = await j.service.store.getMeeting(TENANT, meetingId);
    expect(meeting?.card).toEqual({ conversationId: CHANNEL_ID, activityId: post.activityId });
    await eventually(() => j.connector.sent.find((s) => s.kind === 'update' && texts(s.activity).includes('är skapad')), 5000, 'the form replaced');
  });

  test('a retried submit creates nothing new', async () => {
    const form = await j.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(texts(form.activity))?.[1] ?? '';
    const data = { action: 'createMeeting', formId, date: '2030-03-01', start: '09:00', end: '10:00', place: 'Skara', mode: 'onsite' };
    const replies = await Promise.all([j.click(j.secretary, form.activityId, data), j.click(j.secretary, form.activityId, data)]);
    await j.click(j.secretary, form.activityId, data);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    await new Promise((r) => setTimeout(r, 300));
    expect(j.connector.sent.filter((s) => s.kind === 'post')).toHaveLength(1);
  });

  test('bad values get the form back with Swedish messages at the fields, and nothing is stored', async () => {
    const form = await j.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(texts(form.activity))?.[1] ?? '';
    const reply = await j.click(j.secretary, form.activityId, {
      action: 'createMeeting', formId, date: '2020-01-01', start: '15:00', end: '13:00', place: '', mode: 'onsite', teamsLink: '',
    });
    const card = texts(invokeCard(reply));
    expect(card).toContain('Datumet har redan passerat.');
    expect(card).toContain('Sluttiden måste vara efter starttiden.');
    expect(card).toContain('Fältet måste fyllas i.');
    expect(card).toContain(`"formId":"${formId}"`);
    expect(await j.service.store.getMeeting(TENANT, formId)).toBeUndefined();
    expect(j.connector.sent.filter((s) => s.kind === 'post')).toHaveLength(0);
  });

  test('a form whose inputs did not arrive gets a clear card, not silence', async () => {
    const form = await j.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(texts(form.activity))?.[1] ?? '';
    const reply = await j.click(j.secretary, form.activityId, { action: 'createMeeting', formId });
    expect(reply.status).toBe(200);
    expect(texts(invokeCard(reply))).toContain('Fälten i formuläret kom inte fram från Teams');
    expect(await j.service.store.getMeeting(TENANT, formId)).toBeUndefined();
  });

  test('the clicker gets their own status back; everyone else sees the shared card updated in place', async () => {
    const { post, meetingId } = await j.createMeeting();
    const member = j.members[3]!;
    const reply = await j.click(member, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
    const mine = texts(invokeCard(reply));
    expect(mine).toContain('Din närvaro: På plats');
    expect(mine).toContain('1 på plats · 0 digitalt · 0 förhinder');
    const shared = await eventually(() => {
      const c = texts(j.sharedCard(post));
      return c.includes('1 på plats') ? c : undefined;
    }, 5000, 'the shared card');
    expect(shared).not.toContain('Din närvaro');
    expect(shared).toContain('Medlem 3 Åkesson');
    expect(j.connector.updatesOf(post.activityId).every((u) => u.conversationId === CHANNEL_ID)).toBe(true);
  });

  test('a retried invoke, a double click and a duplicate delivery leave exactly one record', async () => {
    const { post, meetingId } = await j.createMeeting();
    const member = j.members[2]!;
    const data = { action: 'checkin', meetingId, status: 'online' };
    await Promise.all([j.click(member, post.activityId, data), j.click(member, post.activityId, data)]);
    await j.click(member, post.activityId, data);
    const records = await j.service.store.listAttendance(TENANT, meetingId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ personId: member.aadObjectId, status: 'online', guest: false, municipality: 'Mariestad' });
  });

  test('a burst of check-ins loses none; the card is updated at most once a second and ends on the final state', async () => {
    const { post, meetingId } = await j.createMeeting();
    const replies = await Promise.all(
      j.members.map((m, i) => j.click(m, post.activityId, { action: 'checkin', meetingId, status: i % 4 === 0 ? 'online' : 'onsite' })),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(await j.service.store.listAttendance(TENANT, meetingId)).toHaveLength(12);
    await eventually(() => texts(j.sharedCard(post)).includes('9 på plats · 3 digitalt') || undefined, 8000, 'the final state');
    const updates = j.connector.updatesOf(post.activityId);
    expect(updates.length).toBeLessThan(12);
    expect(maxUpdatesInAnySecond(updates)).toBe(1);
  });

  test('undo, apologies, a guest, and a corrected municipality all show on the card', async () => {
    const { post, meetingId } = await j.createMeeting();
    const [a, b] = [j.members[1]!, j.members[4]!];
    await j.click(a, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
    await j.click(a, post.activityId, { action: 'undo', meetingId });
    await j.click(b, post.activityId, { action: 'checkin', meetingId, status: 'apologies' });
    const guest = { id: '29:guest', aadObjectId: 'guest-aad', name: 'Gunilla *Gäst*' };
    const g = texts(invokeCard(await j.click(guest, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })));
    expect(g).toContain('Gäster: ');
    expect(g).toContain('"text":"Gunilla *Gäst*"');
    const reply = await j.say('kommun Hjo', j.members[5]!);
    expect(texts(cardOf(reply))).toContain('Hjo');
    await j.click(j.members[5]!, post.activityId, { action: 'checkin', meetingId, status: 'onsite' });
    const card = await eventually(() => {
      const c = texts(j.sharedCard(post));
      return c.includes('2 på plats · 0 digitalt · 1 förhinder') ? c : undefined;
    }, 5000, 'the final card');
    expect(card).toContain('Förhinder: ');
    expect(card).toContain('Medlem 4 Åkesson (Tidaholm)');
    expect(card).toContain('"text":"Hjo: "');
    expect(card).not.toContain('Medlem 1 Åkesson');
    const records = await j.service.store.listAttendance(TENANT, meetingId);
    expect(records.find((r) => r.personId === 'guest-aad')?.guest).toBe(true);
  });

  test('only the creator or the chair group closes attendance; a closed card refuses check-ins until reopened', async () => {
    const { post, meetingId } = await j.createMeeting();
    const other = j.members[6]!;
    const refused = texts(invokeCard(await j.click(other, post.activityId, { action: 'close', meetingId })));
    expect(refused).toContain('Bara den som skapade träffen eller ordförande, sekreterare och presidiet kan stänga eller öppna närvaron.');
    expect((await j.service.store.getMeeting(TENANT, meetingId))?.attendanceClosed).toBe(false);

    const closed = texts(invokeCard(await j.click(j.secretary, post.activityId, { action: 'close', meetingId })));
    expect(closed).toContain('Närvaron är stängd.');
    const late = texts(invokeCard(await j.click(other, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })));
    expect(late).toContain('Närvaron är stängd. Be den som skapade träffen att öppna den igen.');
    expect(await j.service.store.listAttendance(TENANT, meetingId)).toHaveLength(0);
    await eventually(() => texts(j.sharedCard(post)).includes('Öppna närvaro igen') || undefined, 5000, 'closed shared card');

    await j.click(j.secretary, post.activityId, { action: 'reopen', meetingId });
    const ok = texts(invokeCard(await j.click(other, post.activityId, { action: 'checkin', meetingId, status: 'onsite' })));
    expect(ok).toContain('Din närvaro: På plats');
  });

  test('an English Teams gets English cards', async () => {
    const form = cardOf(await j.say('ny träff', j.secretary, 'en-US'));
    expect(texts(form)).toContain('New meeting');
  });

  test('malformed invokes get a Swedish refusal, change nothing, and the service stays up', async () => {
    const { post, meetingId } = await j.createMeeting();
    const m = j.members[1]!;
    const cases: { data: Record<string, unknown> | undefined; status: number; says: string }[] = [
      { data: { action: 'launch' }, status: 400, says: 'Knappen känns inte igen' },
      { data: { action: 'checkin', meetingId, status: 'maybe' }, status: 400, says: 'Begäran var ogiltig' },
      { data: { action: 'checkin', meetingId: 42, status: 'onsite' }, status: 400, says: 'Begäran var ogiltig' },
      { data: { action: 'createMeeting', formId: 'f', place: 'x'.repeat(10000) }, status: 400, says: 'för långt' },
      { data: { action: 'checkin', meetingId: 'does-not-exist', status: 'onsite' }, status: 200, says: 'Träffen finns inte' },
    ];
    for (const c of cases) {
      const reply = await j.click(m, post.activityId, c.data ?? {});
      expect(reply.status).toBe(c.status);
      expect(texts(reply.body)).toContain(c.says);
    }
    // No value at all, and an invoke whose action is not an object.
    const base = (await import('../harness/teams')).cardAction(j.serviceUrl, m, post.activityId, {});
    for (const value of [undefined, { action: 'x' }, 'text']) {
      const reply = await (await import('../harness/teams')).postActivity(j.service.url, { ...base, value });
      expect(reply.status).toBe(400);
      expect(texts(reply.body)).toContain('Begäran var ogiltig');
    }
    expect(await j.service.store.listAttendance(TENANT, meetingId)).toHaveLength(0);
    for (const [route, heading] of [['/privacy', 'Integritetsmeddelande'], ['/accessibility', 'Tillgänglighetsredogörelse'], ['/terms', 'Användarvillkor']]) {
      const page = await fetch(`${j.service.url}${route}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<h1>${heading}</h1>`);
    }
    const health = await fetch(`${j.service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${j.service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', store: 'sqlite ok' });
  });
});
