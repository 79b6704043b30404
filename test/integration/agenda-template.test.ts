import { Journey } from '../harness/journey';
import { TEAM_ID } from '../harness/teams';

type TemplateItem = { id: string; title: string; durationMin: number; kind: string; description: string; standard?: string };
type Template = { opening: TemplateItem[]; closing: TemplateItem[]; isDefault: boolean; updatedBy?: string; capabilities: { editAgendaTemplate: boolean } };
type Item = { title: string; start: string; standard?: string; frame?: string };

/** The network's agenda template through /api/v1: read by members, edited by the chair group, the start of every new agenda. */
describe("the network's agenda template", () => {
  let j: Journey;
  const templatePath = `/networks/${encodeURIComponent(TEAM_ID)}/agenda-template`;
  const template = async (who: number) => {
    const res = await j.api('GET', templatePath, who);
    return { ...res, body: res.body as unknown as Template };
  };
  const agendaTitles = async (meetingId: string, who = 3): Promise<string[]> =>
    ((await j.api('GET', `/meetings/${meetingId}/agenda`, who)).body.items as Item[]).map((i) => i.title);

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    await j.install();
    await j.assignRole(0, 1, 'ordforande');
  });
  afterAll(async () => {
    await j.stop();
  });

  test('a network without one has the default: the usual opening, then the standard items; a new agenda starts from it', async () => {
    const res = await template(3);
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
    expect(res.body.capabilities.editAgendaTemplate).toBe(false);
    expect(res.body.opening.map((i) => i.title)).toEqual(['Mötets öppnande', 'Val av justerare', 'Godkännande av dagordningen', 'Närvaro/deltagarlista', 'Föregående protokoll']);
    const { meetingId } = await j.createMeeting({ date: '2030-02-04', start: '13:00', end: '15:00' });
    const agenda = (await j.api('GET', `/meetings/${meetingId}/agenda`, 3)).body.items as Item[];
    expect(agenda.map((i) => [i.title, i.start, i.standard ?? i.frame])).toEqual([
      ['Mötets öppnande', '13:00', 'opening'],
      ['Val av justerare', '13:02', 'opening'],
      ['Godkännande av dagordningen', '13:04', 'opening'],
      ['Närvaro/deltagarlista', '13:06', 'attendance'],
      ['Föregående protokoll', '13:11', 'previous-minutes'],
      ['Övriga frågor', '13:21', 'other-matters'],
      ['Datum för nästa möte', '13:31', 'next-meeting'],
      ['Avslutning', '13:36', 'closing'],
    ]);
  });

  test('a member may not edit it: 403 problem+json in Swedish, and nothing changes', async () => {
    const current = await template(3);
    const res = await fetch(`${j.botUrl}/api/v1${templatePath}`, {
      method: 'PUT',
      headers: { ...j.devHeaders(3), 'if-match': current.etag },
      body: JSON.stringify({ opening: current.body.opening.slice(3), closing: current.body.closing }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 403, code: 'forbidden', detail: 'Det får du inte göra i det här nätverket. Be nätverkets administratör om en annan roll.' });
    expect((await template(3)).body.isDefault).toBe(true);
  });

  test('the chair group edits it under If-Match; new agendas start from it, agendas already started keep theirs', async () => {
    const { meetingId: before } = await j.createMeeting({ date: '2030-03-04', start: '13:00', end: '15:00' });
    const started = await agendaTitles(before);

    const current = await template(1);
    expect(current.body.capabilities.editAgendaTemplate).toBe(true);
    const [opening, , approval, ...standards] = current.body.opening;
    const body = {
      opening: [opening, { title: 'Incheckning', durationMin: 10, kind: 'diskussion', description: 'Hur mår verksamheten?' }, approval, ...standards],
      closing: [...current.body.closing.slice(0, 2), { title: 'Laget runt', durationMin: 15, kind: 'diskussion' }, ...current.body.closing.slice(2)],
    };
    const saved = await j.api('PUT', templatePath, 1, { body, ifMatch: current.etag });
    expect(saved.status).toBe(200);
    expect(saved.etag).not.toBe(current.etag);
    expect(saved.body).toMatchObject({ isDefault: false, updatedBy: j.members[1]!.name });

    const stale = await j.api('PUT', templatePath, 1, { body, ifMatch: current.etag });
    expect(stale.status).toBe(412);
    expect((await j.api('PUT', templatePath, 1, { body })).status).toBe(428);

    const { meetingId: after } = await j.createMeeting({ date: '2030-04-04', start: '13:00', end: '15:00' });
    expect(await agendaTitles(after)).toEqual([
      'Mötets öppnande',
      'Incheckning',
      'Godkännande av dagordningen',
      'Närvaro/deltagarlista',
      'Föregående protokoll',
      'Övriga frågor',
      'Datum för nästa möte',
      'Laget runt',
      'Avslutning',
    ]);
    expect(await agendaTitles(before)).toEqual(started);

    // A topic added in the tab goes between the template's opening and closing items.
    const draft = await j.api('GET', `/meetings/${after}/agenda`, 1);
    const items = draft.body.items as (Item & { id: string; durationMin: number; kind: string })[];
    const withTopic = [...items.slice(0, 5), { title: 'Skolverkets nya riktlinjer', durationMin: 30, kind: 'information' }, ...items.slice(5)];
    expect((await j.api('PUT', `/meetings/${after}/agenda`, 1, { body: { items: withTopic }, ifMatch: draft.etag })).status).toBe(200);
    // … and a template item cannot be moved among the topics.
    const next = await j.api('GET', `/meetings/${after}/agenda`, 1);
    const [first, ...others] = next.body.items as Item[];
    const moved = await j.api('PUT', `/meetings/${after}/agenda`, 1, { body: { items: [...others.slice(0, 5), first, ...others.slice(5)] }, ifMatch: next.etag });
    expect(moved.status).toBe(400);
    expect(moved.body).toMatchObject({ errors: [expect.objectContaining({ code: 'frame_broken' })] });
  });

  test('a template without a standard item is refused with the reason in Swedish', async () => {
    const current = await template(1);
    const res = await j.api('PUT', templatePath, 1, { body: { opening: current.body.opening, closing: current.body.closing.slice(1) }, ifMatch: current.etag });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_request', detail: expect.stringMatching(/^Dagordningens/) });
    expect((await template(1)).etag).toBe(current.etag);
  });
});
