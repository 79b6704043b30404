import { TestClock } from '../harness/clock';
import { invokeCard, Journey, texts, type CardJson } from '../harness/journey';
import type { Sent } from '../harness/connector-emulator';
import { eventually } from '../harness/service';
import { TEAM_ID } from '../harness/teams';
import { cardProblems } from '../harness/validate-card';

/**
 * Issue 10, meetings follow real life: the chair group moves and cancels a meeting from the cards
 * and the tab; every card about it updates in place through the outbox ("Flyttad till …",
 * "Inställd"), its reminders follow the new date or stop, the attendance stays; Teams' retries
 * change nothing more; plain members are refused in Swedish. A meeting already held is recorded
 * with `ny träff` after a confirmation, or from the tab, and goes straight to its minutes.
 */
describe('meeting life events: move, cancel, a meeting already held', () => {
  // 20 January 2030, 10:00 in Stockholm.
  const clock = new TestClock(new Date('2030-01-20T09:00:00Z'));
  let j: Journey;
  const CHAIR = 0;
  const MEMBER = 1;
  let a: { post: Sent; meetingId: string };
  let b: { post: Sent; meetingId: string };
  let agendaPost: Sent;

  const reminders = (): string[] => j.connector.sent.filter((s) => s.kind === 'post' && texts(s.activity).includes('Påminnelse')).map((s) => texts(s.activity));
  const shared = (post: Sent): string => texts(j.sharedCard(post));
  const executes = (card: CardJson): string[] => [...texts(card).matchAll(/"verb":"([A-Za-z]+)"/g)].map((m) => m[1] ?? '');

  beforeAll(async () => {
    j = await new Journey().start({ members: 5, clock });
    await j.install();
    await j.assignRole(0, CHAIR, 'ordforande');
    a = await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' });
    b = await j.createMeeting({ date: '2030-02-11', start: '13:00', end: '15:00', place: 'Skövde' });
    expect((await j.publishAgenda(CHAIR, a.meetingId)).status).toBe(200);
    agendaPost = await eventually(() => j.connector.sent.filter((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')).at(-1), 5000, 'the agenda card');
    expect((await j.click(j.members[MEMBER]!, a.post.activityId, { action: 'checkin', meetingId: a.meetingId, status: 'onsite' })).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  const move = { action: 'editMeeting', date: '2030-02-11', start: '10:00', end: '12:00', place: 'Rudbecksgymnasiet, Tidaholm', mode: 'hybrid', teamsLink: 'https://teams.microsoft.com/l/meetup-join/abc' };

  test('the check-in card offers the chair group "Ändra träff" and "Ställ in" (with a confirmation), and is a valid card', () => {
    const card = j.sharedCard(a.post);
    expect(texts(card)).toContain('Ändra träff');
    expect(texts(card)).toContain('Ställ in');
    expect(texts(card)).toContain('Ja, ställ in träffen');
    expect(cardProblems(card)).toEqual([]);
  });

  test('a plain member cannot move the meeting: the Swedish reason, nothing changes', async () => {
    const reply = await j.click(j.members[MEMBER]!, a.post.activityId, { ...move, meetingId: a.meetingId });
    expect(texts(invokeCard(reply))).toContain('Det får du inte göra i det här nätverket');
    const api = await j.api('PUT', `/meetings/${a.meetingId}`, MEMBER, { body: { date: '2030-02-12', start: '10:00', end: '12:00', place: 'Skövde', mode: 'onsite', teamsLink: '' } });
    expect(api.status).toBe(403);
    expect(api.body.detail).toBe('Det får du inte göra i det här nätverket. Be nätverkets administratör om en annan roll.');
    expect((await j.service.store.getMeeting(j.tenantId, a.meetingId))?.date).toBe('2030-02-04');
  });

  test('moved from the card into a day with another meeting: its cards say "Flyttad till …", both titles name their start, the attendance stays', async () => {
    const reply = await j.click(j.members[CHAIR]!, a.post.activityId, { ...move, meetingId: a.meetingId });
    // The clicker keeps the check-in card, moved, with a receipt: were it another card, the shared
    // card's update reaching Teams first would leave her without the check-in card.
    expect(texts(invokeCard(reply))).toContain('Ändringen är sparad.');
    expect(texts(invokeCard(reply))).toContain('Flyttad till Måndag 11 februari 2030 · 10:00–12:00');
    expect(executes(invokeCard(reply))).toEqual(expect.arrayContaining(['checkin', 'editMeeting']));
    const checkin = await eventually(() => (shared(a.post).includes('Flyttad till Måndag') ? shared(a.post) : undefined), 5000, 'the moved check-in card');
    expect(checkin).toContain('Flyttad till Måndag 11 februari 2030 · 10:00–12:00');
    expect(checkin).toContain('Var: Måndag 4 februari 2030 · 13:00–15:00');
    expect(checkin).toContain('IM-nätverket kl 10.00');
    expect(checkin).toContain(j.members[MEMBER]!.name);
    await eventually(() => shared(b.post).includes('IM-nätverket kl 13.00') || undefined, 5000, 'the other meeting of that day naming its start');
    const agenda = await eventually(() => (shared(agendaPost).includes('Flyttad till Måndag') ? shared(agendaPost) : undefined), 5000, 'the moved agenda card');
    expect(agenda).toContain('10:00–12:00');
    expect(cardProblems(j.sharedCard(a.post))).toEqual([]);
    expect(cardProblems(j.sharedCard(agendaPost))).toEqual([]);
    expect(await j.service.store.listAttendance(j.tenantId, a.meetingId)).toHaveLength(1);
  });

  test('its reminders follow the new date: none at the old time, the agenda again 7 and 1 days before the new one', async () => {
    const jobs = (await j.service.store.dueJobs('2031-01-01T00:00:00.000Z', 50)).filter((job) => job.meetingId === a.meetingId);
    expect(jobs.map((job) => [job.id, job.dueAt]).sort()).toEqual([
      [`agenda-reminder/${a.meetingId}/1`, '2030-02-10T07:00:00.000Z'],
      [`agenda-reminder/${a.meetingId}/7`, '2030-02-04T07:00:00.000Z'],
      [`justering-overdue/${a.meetingId}`, '2030-02-25T07:00:00.000Z'],
    ]);
    clock.set('2030-01-28T07:00:30Z');
    await j.service.runScheduledWork();
    expect(reminders()).toHaveLength(0);
    clock.set('2030-02-04T07:00:30Z');
    await j.service.runScheduledWork();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toContain('10:00–12:00');
  });

  test('Teams retries the move: nothing changes again, no new post', async () => {
    const before = await j.service.store.getMeeting(j.tenantId, a.meetingId);
    const posts = j.connector.sent.filter((s) => s.kind === 'post').length;
    const reply = await j.click(j.members[CHAIR]!, a.post.activityId, { ...move, meetingId: a.meetingId });
    expect(reply.status).toBe(200);
    expect(await j.service.store.getMeeting(j.tenantId, a.meetingId)).toEqual(before);
    expect(j.connector.sent.filter((s) => s.kind === 'post').length).toBe(posts);
  });

  test('a move with a bad time comes back as the form with the Swedish message at the field', async () => {
    const reply = await j.click(j.members[CHAIR]!, a.post.activityId, { ...move, meetingId: a.meetingId, end: '09:00' });
    expect(texts(invokeCard(reply))).toContain('Sluttiden måste vara efter starttiden.');
    expect(cardProblems(invokeCard(reply))).toEqual([]);
    const api = await j.api('PUT', `/meetings/${a.meetingId}`, CHAIR, { body: { ...move, end: '09:00' } });
    expect(api.status).toBe(400);
    expect(api.body.errors).toEqual([{ code: 'end_before_start', field: 'end', detail: 'Sluttiden måste vara efter starttiden.' }]);
  });

  test('cancelled from the card: "Inställd", no buttons, the other meeting of the day alone again; check-in refused politely; retried, the same', async () => {
    const reply = await j.click(j.members[CHAIR]!, b.post.activityId, { action: 'cancelMeeting', meetingId: b.meetingId });
    expect(texts(invokeCard(reply))).toContain('Du har ställt in träffen.');
    expect(texts(invokeCard(reply))).toContain('Träffen är inställd av');
    expect(executes(invokeCard(reply))).toEqual([]);
    const card = await eventually(() => (shared(b.post).includes('Träffen är inställd av') ? j.sharedCard(b.post) : undefined), 5000, 'the cancelled check-in card');
    expect(executes(card)).toEqual([]);
    expect(texts(card)).toContain('Träffen är inställd av');
    expect(cardProblems(card)).toEqual([]);
    // Meeting A is the only meeting of 11 February now: its title loses the start time.
    await eventually(() => (!shared(a.post).includes('IM-nätverket kl 10.00') ? true : undefined), 5000, 'meeting A alone on its day');

    const checkin = await j.click(j.members[MEMBER]!, b.post.activityId, { action: 'checkin', meetingId: b.meetingId, status: 'onsite' });
    expect(texts(invokeCard(checkin))).toContain('Träffen är inställd. Det går inte längre att checka in');
    expect(await j.service.store.listAttendance(j.tenantId, b.meetingId)).toHaveLength(0);

    const cancelled = (await j.service.store.getMeeting(j.tenantId, b.meetingId))?.cancelled;
    await j.click(j.members[CHAIR]!, b.post.activityId, { action: 'cancelMeeting', meetingId: b.meetingId });
    expect((await j.service.store.getMeeting(j.tenantId, b.meetingId))?.cancelled).toEqual(cancelled);
    const api = await j.api('GET', `/meetings/${b.meetingId}`, MEMBER);
    expect((api.body.meeting as { cancelled?: boolean }).cancelled).toBe(true);
    const edit = await j.api('PUT', `/meetings/${b.meetingId}`, CHAIR, { body: { ...move, date: '2030-02-12' } });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('meeting_cancelled');
  });

  test('a cancelled meeting posts no reminders', async () => {
    const c = await j.createMeeting({ date: '2030-03-04', start: '13:00', end: '15:00' });
    expect((await j.publishAgenda(CHAIR, c.meetingId)).status).toBe(200);
    const cancel = await j.api('POST', `/meetings/${c.meetingId}/cancel`, CHAIR);
    expect(cancel.status).toBe(200);
    const before = reminders().length;
    clock.set('2030-02-25T07:00:30Z');
    await j.service.runScheduledWork();
    clock.set('2030-03-03T07:00:30Z');
    await j.service.runScheduledWork();
    expect(reminders()).toHaveLength(before);
    expect((await j.api('POST', `/meetings/${c.meetingId}/cancel`, MEMBER)).status).toBe(403);
  });

  test('`ny träff` for a past date: the chair group is asked first, then the meeting is recorded without a check-in card and opens to its minutes', async () => {
    clock.set('2030-03-10T09:00:00Z');
    const values = { date: '2030-03-05', start: '13:00', end: '15:00', place: 'Skara', mode: 'onsite', teamsLink: '' };
    // A plain member gets the date refused, as before.
    const formOfMember = await j.say('ny träff', j.members[MEMBER]!);
    const memberFormId = /"formId":"([^"]+)"/.exec(JSON.stringify(formOfMember.activity))?.[1] ?? '';
    const refused = await j.click(j.members[MEMBER]!, formOfMember.activityId, { action: 'createMeeting', formId: memberFormId, ...values });
    expect(texts(invokeCard(refused))).toContain('Datumet har redan passerat.');
    expect(texts(invokeCard(refused))).not.toContain('Ja, registrera genomförd träff');

    const form = await j.say('ny träff');
    const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.activity))?.[1] ?? '';
    const asked = invokeCard(await j.click(j.members[CHAIR]!, form.activityId, { action: 'createMeeting', formId, ...values }));
    expect(texts(asked)).toContain('Har träffen redan varit?');
    expect(texts(asked)).toContain('Ja, registrera genomförd träff');
    expect(cardProblems(asked)).toEqual([]);
    expect(await j.service.store.getMeeting(j.tenantId, formId)).toBeUndefined();

    const posts = j.connector.sent.filter((s) => s.kind === 'post').length;
    const confirm = { action: 'createMeeting', formId, past: 'yes', ...values };
    const recorded = invokeCard(await j.click(j.members[CHAIR]!, form.activityId, confirm));
    expect(texts(recorded)).toContain('är registrerad som genomförd');
    expect(texts(recorded)).toContain(`/tab/channel?meeting=${formId}&view=minutes`);
    // Retried: the same meeting, once.
    expect(texts(invokeCard(await j.click(j.members[CHAIR]!, form.activityId, confirm)))).toContain('är registrerad som genomförd');
    const stored = await j.service.store.getMeeting(j.tenantId, formId);
    expect(stored?.recordedAfterwards).toBe(true);
    await j.service.runDelivery();
    expect(j.connector.sent.filter((s) => s.kind === 'post').length).toBe(posts);
    // Its minutes can be sent at once: the meeting has started long ago.
    expect((await j.sendMinutes(formId, CHAIR, [2])).status).toBe(200);
  });

  test('the tab records a meeting already held (the chair group only) and refuses a plain member', async () => {
    const body = { formId: 'tab-past-1', past: true, date: '2030-03-01', start: '09:00', end: '11:00', place: 'Hjo', mode: 'onsite', teamsLink: '' };
    const path = `/networks/${encodeURIComponent(TEAM_ID)}/meetings`;
    expect((await j.api('POST', path, MEMBER, { body: { ...body, formId: 'tab-past-2' } })).status).toBe(403);
    const res = await j.api('POST', path, CHAIR, { body });
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ id: 'tab-past-1', date: '2030-03-01', recordedAfterwards: true });
    const again = await j.api('POST', path, CHAIR, { body });
    expect(again.status).toBe(200);
    const withoutConfirmation = await j.api('POST', path, CHAIR, { body: { ...body, formId: 'tab-past-3', past: false } });
    expect(withoutConfirmation.status).toBe(400);
    expect(withoutConfirmation.body.errors).toEqual([{ code: 'date_in_past', field: 'date', detail: 'Datumet har redan passerat.' }]);
  });
});
