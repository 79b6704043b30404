import { ShiftedClock } from '../harness/clock';
import fs from 'node:fs';
import type { MinutesContent } from '../../src/domain/minutes';
import { cardOf, invokeCard, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { cardProblems } from '../harness/validate-card';

/**
 * Minutes from the tab to the archive: the secretary writes and sends, each justerare answers
 * on the card in personal chat, the channel's status card follows, and the approved version is
 * archived (the embedded folder archive) and posted as a minutes card.
 */
describe('minutes and justering', () => {
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;
  const J1 = 2;
  const J2 = 3;
  const OUTSIDER = 4;

  const api = (method: string, p: string, who: number, opts: { body?: unknown; ifMatch?: string } = {}) => j.api(method, `/meetings/${meetingId}${p}`, who, opts);
  const personalCards = (who: number) => j.personalCards(who);
  const channelPosts = () => j.connector.sent.filter((s) => s.kind === 'post' && s.conversationId.includes('traffar'));
  const statusPost = () => channelPosts().find((s) => /Väntar på justering|begärt en ändring|Justerat av/.test(texts(s.activity)));
  const click = async (who: number, data: Record<string, unknown>) => invokeCard(await j.click(j.members[who]!, 'personal-card', { meetingId, ...data }));

  const content = async (edit: (c: MinutesContent) => void): Promise<{ status: number; etag: string; body: Record<string, unknown> }> => {
    const current = await api('GET', '/minutes', SECRETARY);
    const c = structuredClone(current.body.content) as MinutesContent;
    edit(c);
    return api('PUT', '/minutes', SECRETARY, { body: { content: c }, ifMatch: current.etag });
  };
  const send = async (): Promise<Record<string, unknown>> => {
    await j.afterStart(meetingId);
    const current = await api('GET', '/minutes', SECRETARY);
    const sent = await api('POST', '/minutes/send', SECRETARY, { ifMatch: current.etag });
    expect(sent.status).toBe(200);
    return sent.body;
  };
  const member = (i: number) => ({ kind: 'member' as const, memberId: j.members[i]!.aadObjectId, name: j.members[i]!.name });

  let checkinCardId = '';

  beforeAll(async () => {
    j = await new Journey().start({ members: 6 });
    await j.install();
    const created = await j.createMeeting({ date: '2030-02-04' });
    meetingId = created.meetingId;
    checkinCardId = created.post.activityId;
    await j.assignRole(0, 0, 'ordforande');
    await j.assignRole(0, SECRETARY, 'sekreterare');
    expect((await j.publishAgenda(0, meetingId)).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  test('the first read starts the minutes from the agenda; only the chair group and the secretary write', async () => {
    const read = await api('GET', '/minutes', OUTSIDER);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ canEdit: false, status: { kind: 'draft' } });
    const items = (read.body.content as MinutesContent).items.map((i) => i.title);
    expect(items).toEqual([
      'Mötets öppnande',
      'Val av justerare',
      'Godkännande av dagordningen',
      'Närvaro/deltagarlista',
      'Föregående protokoll',
      'Övriga frågor',
      'Datum för nästa möte',
      'Avslutning',
    ]);
    const refused = await api('PUT', '/minutes', OUTSIDER, { body: { content: read.body.content }, ifMatch: read.etag });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('Det får du inte göra i det här nätverket. Be nätverkets administratör om en annan roll.');
    expect((await api('PUT', '/minutes', SECRETARY, { body: { content: read.body.content } })).status).toBe(428);
  });

  test('until the secretary edits them, the attendance follows the check-in and the items follow the agenda', async () => {
    const names = async () => ((await api('GET', '/minutes', SECRETARY)).body.content as MinutesContent).attendees.map((a) => a.name);
    expect(await names()).toEqual([]);
    expect((await j.click(j.members[J1]!, checkinCardId, { action: 'checkin', meetingId, status: 'onsite' })).status).toBe(200);
    expect(await names()).toEqual([j.members[J1]!.name]);
    // The secretary corrects the attendance (a late arrival): from then on it is theirs.
    const edited = await content((c) => (c.attendees[0]!.arrivedAt = '13:20'));
    expect(edited.status).toBe(200);
    expect((await j.click(j.members[J2]!, checkinCardId, { action: 'checkin', meetingId, status: 'online' })).status).toBe(200);
    expect(await names()).toEqual([j.members[J1]!.name]);
    expect(((await api('GET', '/minutes', SECRETARY)).body.content as MinutesContent).attendees[0]).toMatchObject({ arrivedAt: '13:20' });
  });

  test('a save that leaves out the attendance keeps it following the check-in', async () => {
    // A second meeting whose minutes nobody has edited: a page loaded before a check-in saves
    // its notes without the attendance, and the later check-in is still in the minutes.
    const second = await j.createMeeting({ date: '2030-03-04' });
    const path = `/meetings/${second.meetingId}/minutes`;
    const loaded = await j.api('GET', path, SECRETARY);
    expect((await j.click(j.members[OUTSIDER]!, second.post.activityId, { action: 'checkin', meetingId: second.meetingId, status: 'onsite' })).status).toBe(200);
    const { attendees: _stale, ...rest } = loaded.body.content as MinutesContent;
    const saved = await j.api('PUT', path, SECRETARY, { body: { content: { ...rest, nextMeetingNote: 'Fredagar kl 13–15' } }, ifMatch: loaded.etag });
    expect(saved.status).toBe(200);
    expect((saved.body.content as MinutesContent).attendees.map((a) => a.name)).toEqual([j.members[OUTSIDER]!.name]);
    expect((await j.click(j.members[J1]!, second.post.activityId, { action: 'checkin', meetingId: second.meetingId, status: 'online' })).status).toBe(200);
    expect(((await j.api('GET', path, SECRETARY)).body.content as MinutesContent).attendees).toHaveLength(2);
  });

  test('bad input is refused at its field in Swedish; a stale ETag gets 412 and nothing is lost', async () => {
    const bad = await content((c) => {
      c.items[1]!.actions.push({ id: 'a-bad', text: 'Svara', owners: [{ kind: 'named', name: 'Camilla' }], due: '14 januari' });
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'items.1.actions.0.due', detail: 'Punkt 2, datum: skriv datumet som ÅÅÅÅ-MM-DD.' })]);
    expect((await api('PUT', '/minutes', SECRETARY, { body: { content: { nonsense: true } }, ifMatch: (await api('GET', '/minutes', SECRETARY)).etag })).status).toBe(400);

    const first = await api('GET', '/minutes', SECRETARY);
    const ok = await content((c) => (c.items[1]!.notes = 'Jonas drar igenom'));
    expect(ok.status).toBe(200);
    const stale = await api('PUT', '/minutes', SECRETARY, { body: { content: first.body.content }, ifMatch: first.etag });
    expect(stale.status).toBe(412);
    expect(((await api('GET', '/minutes', SECRETARY)).body.content as MinutesContent).items[1]!.notes).toBe('Jonas drar igenom');
  });

  test('who may edit and send, and bad input to each minutes route', async () => {
    const etag = (await api('GET', '/minutes', SECRETARY)).etag;
    expect((await api('POST', '/minutes/send', OUTSIDER, { ifMatch: etag })).status).toBe(403);
    expect((await api('POST', '/minutes/send', SECRETARY)).status).toBe(428);
    expect((await api('POST', '/minutes/send', SECRETARY, { ifMatch: '"r999"' })).status).toBe(412);
    expect((await api('PUT', '/minutes', SECRETARY, { ifMatch: etag })).status).toBe(400);
    expect((await api('GET', '/minutes/versions/abc', SECRETARY)).status).toBe(400);
    expect((await api('GET', '/minutes/versions/0', SECRETARY)).status).toBe(400);
    expect((await api('GET', '/minutes/versions/7', SECRETARY)).status).toBe(404);
    expect((await api('POST', '/minutes/versions/1/request-change', J1, { body: {} })).status).toBe(400);
    expect((await j.api('GET', '/meetings/no-such-meeting/minutes', SECRETARY)).status).toBe(404);
    const stranger = await fetch(`${j.botUrl}/api/v1/meetings/${meetingId}/minutes`);
    expect(stranger.status).toBe(401);
  });

  test('sending needs a secretary and justerare who are members', async () => {
    const missing = await api('POST', '/minutes/send', SECRETARY, { ifMatch: (await api('GET', '/minutes', SECRETARY)).etag });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['secretary', 'justerare']);
    const stranger = await content((c) => (c.justerare = [{ kind: 'member', memberId: 'not-a-member', name: 'Okänd' }]));
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'justerare.0', detail: 'Justerare: måste vara medlem i nätverket.' })]);
  });

  test('the secretary cannot justera their own minutes: refused at the field in Swedish', async () => {
    const self = await content((c) => {
      c.secretary = member(SECRETARY);
      c.justerare = [member(J1), member(SECRETARY)];
    });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([
      { code: 'justerare_is_secretary', field: 'justerare.1', detail: 'Justerare: sekreteraren kan inte justera sitt eget protokoll. Välj någon annan.' },
    ]);
    expect(((await api('GET', '/minutes', SECRETARY)).body.content as MinutesContent).justerare).toEqual([]);
  });

  test('a justerare must have attended the meeting: an absent member is refused at the field in Swedish', async () => {
    // OUTSIDER did not check in to this meeting: not in the minutes' attendance.
    const absent = await content((c) => {
      c.secretary = member(SECRETARY);
      c.justerare = [member(OUTSIDER)];
    });
    expect(absent.status).toBe(400);
    expect(absent.body.errors).toEqual([
      { code: 'justerare_absent', field: 'justerare.0', detail: 'Justerare: var inte närvarande på mötet. Välj någon som var med (på plats eller online).' },
    ]);
    expect(((await api('GET', '/minutes', SECRETARY)).body.content as MinutesContent).justerare).toEqual([]);
  });

  test('sent for justering: each justerare gets a valid card in personal chat; the channel shows who is awaited', async () => {
    const saved = await content((c) => {
      c.secretary = member(SECRETARY);
      c.justerare = [member(J1), member(J2)];
      // J2 checked in after the secretary took over the attendance: they add them by hand.
      c.attendees.push({ id: member(J2).memberId, name: member(J2).name, organisation: '', status: 'online', guest: false });
      c.items.splice(2, 0, {
        id: 'i-topic',
        title: 'Projekt Överlämning',
        notes: 'Camilla Stensson presenterar projektet.',
        decisions: ['Sittande möte säger ja till fråga 1 och stryker fråga 2.'],
        actions: [{ id: 'a-1', text: 'Återkoppla kring formuleringar', owners: [member(OUTSIDER)], due: '2030-03-01' }],
        tabled: false, kind: 'item' as const, presenters: [], questions: [], responses: [],
      });
    });
    expect(saved.status).toBe(200);
    const sent = await send();
    expect(sent.status).toMatchObject({ kind: 'pending', version: 1 });
    const v1 = (sent.versions as { hash: string }[])[0]!;
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);

    for (const who of [J1, J2]) {
      const card = await eventually(() => personalCards(who)[0], 5000, 'approval card');
      expect(cardProblems(card)).toEqual([]);
      expect(texts(card)).toContain('Protokoll att justera');
      expect(texts(card)).toContain('Projekt Överlämning');
      expect(texts(card)).toContain('Version 1, skickad av');
      expect(texts(card)).not.toContain(v1.hash);
      expect(texts(card)).toContain('"verb":"approveMinutes"');
    }
    expect(personalCards(OUTSIDER)).toEqual([]);
    const status = await eventually(statusPost, 5000, 'status card');
    expect(texts(status.activity)).toContain(`Väntar på justering av ${j.members[J1]!.name}, ${j.members[J2]!.name}`);
    // Sending the same content again asks nobody twice.
    await send();
    expect(personalCards(J1)).toHaveLength(1);
  });

  test('the minutes say what each person may do: the secretary edits and sends, a justerare approves, others read', async () => {
    const caps = async (who: number) => (await api('GET', '/minutes', who)).body.capabilities as Record<string, boolean>;
    expect(await caps(SECRETARY)).toMatchObject({ readMinutes: true, editMinutes: true, sendMinutes: true, approve: false, requestChange: false });
    expect(await caps(J1)).toMatchObject({ readMinutes: true, editMinutes: false, sendMinutes: false, approve: true, requestChange: true });
    expect(await caps(OUTSIDER)).toMatchObject({ readMinutes: true, editMinutes: false, approve: false, retryArchive: false });
  });

  test('only a designated justerare can act; anyone else is refused and nothing changes', async () => {
    const refused = await click(OUTSIDER, { action: 'approveMinutes', version: '1' });
    expect(texts(refused)).toContain('Du är inte justerare');
    expect((await api('POST', '/minutes/versions/1/approve', OUTSIDER)).status).toBe(403);
    const v = await api('GET', '/minutes/versions/1', OUTSIDER);
    expect(v.body).toMatchObject({ state: 'pending', approvals: [] });
  });

  test('a version edited after sending cannot be approved: the justerare is told and shown the new text', async () => {
    await content((c) => (c.items[2]!.notes = 'Camilla Stensson presenterar projektet och juridiken kring det.'));
    const card = await click(J1, { action: 'approveMinutes', version: '1' });
    expect(texts(card)).toContain('har ändrats sedan det skickades');
    expect(texts(card)).toContain('juridiken kring det');
    expect((await api('GET', '/minutes/versions/1', J1)).body).toMatchObject({ approvals: [] });
    const status = (await api('GET', '/minutes', SECRETARY)).body.status;
    expect(status).toEqual({ kind: 'edited_after_send', version: 1 });
  });

  test('a change request needs a comment and goes back to the secretary; the new version supersedes the old', async () => {
    const sent = await send();
    expect(sent.status).toMatchObject({ kind: 'pending', version: 2 });
    expect((await api('GET', '/minutes/versions/1', J1)).body).toMatchObject({ state: 'superseded' });
    expect(texts(await click(J1, { action: 'approveMinutes', version: '1' }))).toContain('nyare version');

    const empty = await j.click(j.members[J2]!, 'personal-card', { action: 'requestMinutesChange', meetingId, version: '2', comment: '  ' });
    expect(empty.status).toBe(400);
    const asked = await click(J2, { action: 'requestMinutesChange', version: '2', comment: 'Stavning: Stensson, inte Stenson.' });
    expect(texts(asked)).toContain('skickad till sekreteraren');
    const toSecretary = await eventually(() => personalCards(SECRETARY).find((c) => texts(c).includes('begär en ändring')), 5000, 'secretary told');
    expect(texts(toSecretary)).toContain('Stavning: Stensson, inte Stenson.');
    expect((await api('GET', '/minutes', SECRETARY)).body.status).toMatchObject({ kind: 'changes_requested', version: 2 });
    await eventually(() => (j.sharedCard(statusPost()!) && texts(j.sharedCard(statusPost()!)).includes('begärt en ändring')) || undefined, 5000, 'status shows the change request');
  });

  test('every justerare approves: the protocol is justerat, archived once per format and posted as a minutes card', async () => {
    await content((c) => (c.nextMeetings = [{ date: '2030-04-08', start: '13:00', end: '15:00', place: 'Karlsborg' }]));
    const sent = await send();
    expect(sent.status).toMatchObject({ kind: 'pending', version: 3 });
    const first = await click(J1, { action: 'approveMinutes', version: '3' });
    expect(texts(first)).toContain('Du har justerat');
    expect(texts(first)).toContain(`Väntar på justering av ${j.members[J2]!.name}`);
    // Teams retries invokes: the same click twice is one approval.
    await click(J1, { action: 'approveMinutes', version: '3' });
    expect((await api('GET', '/minutes/versions/3', J1)).body.approvals).toHaveLength(1);
    const last = await click(J2, { action: 'approveMinutes', version: '3' });
    expect(texts(last)).toContain('Justerat av');

    const archived = await eventually(async () => {
      const v = await api('GET', '/minutes/versions/3', SECRETARY);
      return v.body.archive === 'done' ? v.body : undefined;
    }, 20000, 'archived');
    expect((archived.documents as { kind: string; name: string }[]).map((d) => [d.kind, d.name])).toEqual([
      ['pdf', 'Protokoll för IM-nätverket 2030-02-04 v3.pdf'],
      ['docx', 'Protokoll för IM-nätverket 2030-02-04 v3.docx'],
    ]);
    const folder = j.archiveFolder('2030');
    expect(fs.readdirSync(folder).filter((f) => !f.endsWith('.json')).sort()).toEqual([
      'Protokoll för IM-nätverket 2030-02-04 v3.docx',
      'Protokoll för IM-nätverket 2030-02-04 v3.pdf',
    ]);
    const minutesCard = await eventually(() => channelPosts().find((s) => texts(s.activity).includes('Justerat av') && texts(s.activity).includes('Beslut')), 5000, 'minutes card');
    expect(cardProblems(cardOf(minutesCard))).toEqual([]);
    expect(texts(minutesCard.activity)).toContain('Sittande möte säger ja till fråga 1');
    expect(texts(minutesCard.activity)).toContain('Återkoppla kring formuleringar');
    await eventually(() => texts(j.sharedCard(statusPost()!)).includes('arkiverat') || undefined, 5000, 'status card archived');
    expect((await api('GET', '/minutes', OUTSIDER)).body.status).toMatchObject({ kind: 'approved', version: 3 });
  });

  test('a change request on a justerat version is refused (409 in Swedish, the card says so); no comment is added', async () => {
    const api409 = await api('POST', '/minutes/versions/3/request-change', J1, { body: { comment: 'Ett stavfel i punkt 3.' } });
    expect(api409.status).toBe(409);
    expect(api409.body).toMatchObject({ code: 'already_justerad', detail: expect.stringContaining('redan justerat') });
    const card = await click(J2, { action: 'requestMinutesChange', version: '3', comment: 'Ett stavfel i punkt 3.' });
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card)).toContain('Protokollet är redan justerat.');
    expect((await api('GET', '/minutes/versions/3', SECRETARY)).body).toMatchObject({ state: 'approved', changeRequests: [] });
    expect(personalCards(SECRETARY).filter((c) => texts(c).includes('Ett stavfel'))).toEqual([]);
  });

  test('a justerat version never changes; a correction is a new version through justering, and both are kept', async () => {
    const before = (await api('GET', '/minutes/versions/3', J1)).body;
    await content((c) => (c.items[2]!.decisions.push('Rättelse: fråga 2 stryks helt.')));
    expect((await api('GET', '/minutes', SECRETARY)).body.status).toEqual({ kind: 'edited_after_approval', approvedVersion: 3 });
    expect(texts(await click(J1, { action: 'approveMinutes', version: '3' }))).toContain('Du har justerat');
    const sent = await send();
    expect(sent.status).toMatchObject({ kind: 'pending', version: 4 });
    const versions = (await api('GET', '/minutes', SECRETARY)).body.versions as { number: number; state: string; changeRequests: unknown[] }[];
    expect(versions[1]!.changeRequests).toEqual([expect.objectContaining({ comment: 'Stavning: Stensson, inte Stenson.' })]);
    expect(versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'approved'],
      [4, 'pending'],
    ]);
    expect((await api('GET', '/minutes/versions/3', J1)).body).toEqual(before);
  });

  test('open action items appear under "Föregående protokoll" on the agenda card of the next meeting', async () => {
    const next = (await j.createMeeting({ date: '2030-04-08' })).meetingId;
    expect((await j.publishAgenda(0, next)).status).toBe(200);
    const card = await eventually(() => channelPosts().find((s) => texts(s.activity).includes('Dagordning') && texts(s.activity).includes(next)), 5000, 'next agenda');
    expect(cardProblems(cardOf(card))).toEqual([]);
    const shown = texts(card.activity);
    expect(shown).toContain('Öppna uppdrag från tidigare protokoll');
    expect(shown).toContain('Återkoppla kring formuleringar');
    expect(shown.indexOf('Återkoppla kring formuleringar')).toBeGreaterThan(shown.indexOf('Föregående protokoll'));
    expect(shown.indexOf('Återkoppla kring formuleringar')).toBeLessThan(shown.indexOf('Övriga frågor'));
    // The tab's agenda shows them too; the meeting they came from does not list its own.
    const agenda = await j.api('GET', `/meetings/${next}/agenda`, OUTSIDER);
    expect(agenda.body.openActions).toEqual([
      { id: 'a-1', text: 'Återkoppla kring formuleringar', owner: j.members[OUTSIDER]!.name, due: '2030-03-01', meetingDate: '2030-02-04', itemTitle: 'Projekt Överlämning' },
    ]);
    expect((await api('GET', '/agenda', OUTSIDER)).body.openActions).toEqual([]);
  });

  test('open action items reach their owner in "Mina uppdrag", who marks them done', async () => {
    const mine = await j.api('GET', '/me/actions', OUTSIDER);
    expect(mine.body.actions).toEqual([expect.objectContaining({ itemTitle: 'Projekt Överlämning', action: expect.objectContaining({ id: 'a-1', due: '2030-03-01' }) })]);
    expect((await j.api('GET', '/me/actions', J1)).body.actions).toEqual([]);
    const networkId = (await api('GET', '/minutes', OUTSIDER)).body.networkId as string;
    const mark = (who: number, done: unknown) => j.api('POST', `/networks/${encodeURIComponent(networkId)}/actions/a-1/done`, who, { body: { done } });
    expect((await mark(J1, true)).status).toBe(403);
    expect((await mark(OUTSIDER, 'yes')).status).toBe(400);
    expect((await mark(OUTSIDER, true)).status).toBe(200);
    expect((await j.api('GET', '/me/actions', OUTSIDER)).body.actions).toEqual([expect.objectContaining({ done: expect.objectContaining({ by: j.members[OUTSIDER]!.name }) })]);
  });

  test('an item done more than 30 days ago leaves "Mina uppdrag" (which reads open items, not all history); the network\'s list keeps it', async () => {
    const networkId = (await api('GET', '/minutes', OUTSIDER)).body.networkId as string;
    const done = (await j.api('GET', '/me/actions', OUTSIDER)).body.actions as { done?: { at: string } }[];
    const at = done[0]?.done?.at;
    expect(at).toBeDefined();
    (j.clock as ShiftedClock).atLeast(new Date(new Date(at!).getTime() + 31 * 86_400_000).toISOString());
    expect((await j.api('GET', '/me/actions', OUTSIDER)).body.actions).toEqual([]);
    const all = await j.api('GET', `/networks/${encodeURIComponent(networkId)}/actions`, OUTSIDER);
    expect(all.body.actions).toEqual([expect.objectContaining({ action: expect.objectContaining({ id: 'a-1' }), done: expect.objectContaining({ at }) })]);
    // Opened again, it is back.
    expect((await j.api('POST', `/networks/${encodeURIComponent(networkId)}/actions/a-1/done`, OUTSIDER, { body: { done: false } })).status).toBe(200);
    expect((await j.api('GET', '/me/actions', OUTSIDER)).body.actions).toEqual([expect.not.objectContaining({ done: expect.anything() })]);
  });
});
