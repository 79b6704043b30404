import { Journey } from '../harness/journey';
import { botAdded, devIdentity, postActivity, TENANT } from '../harness/teams';

/**
 * The HTTP edge through real requests to the started service: whatever a client sends, the
 * answer is problem+json with a stable code and a Swedish (or English) detail, never restify's
 * own JSON and never a 500 for bad input.
 */
describe('the HTTP edge answers every refusal as problem+json', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await new Journey().start({ members: 4 });
    expect((await j.install()).status).toBe(200);
  });
  afterAll(async () => {
    await j.stop();
  });

  interface Answer {
    status: number;
    type: string;
    allow: string | null;
    body: { status?: number; code?: string; detail?: string; errors?: { field?: string; detail: string }[] };
  }
  const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const res = await fetch(`${j.botUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', allow: res.headers.get('allow'), body: text ? (JSON.parse(text) as Answer['body']) : {} };
  };
  const member = (): Record<string, string> => ({ 'x-justera-dev-user': devIdentity(TENANT, j.members[1]!.aadObjectId) });
  const expectProblem = (a: Answer, status: number, code: string): void => {
    expect({ status: a.status, type: a.type, code: a.body.code, bodyStatus: a.body.status }).toEqual({ status, type: 'application/problem+json', code, bodyStatus: status });
    expect(a.body.detail).toEqual(expect.any(String));
  };

  test('malformed JSON is a 400 invalid_json, on the tab API and on /api/messages', async () => {
    const api = await send('PUT', '/api/v1/networks/x/members/y/role', '{"role": ', member());
    expectProblem(api, 400, 'invalid_json');
    expect(api.body.detail).toBe('Begäran var inte giltig JSON. Inget har ändrats.');
    expectProblem(await send('POST', '/api/messages', '{bad'), 400, 'invalid_json');
    expect((await send('POST', '/api/messages', '{bad', { 'accept-language': 'en-GB,en;q=0.8' })).body.detail).toBe('The request was not valid JSON. Nothing was changed.');
  });

  test('a body over the limit is a 413 body_too_large', async () => {
    const big = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
    expectProblem(await send('POST', '/api/messages', big), 413, 'body_too_large');
    expectProblem(await send('POST', '/api/v1/networks/x/term-plan', big, member()), 413, 'body_too_large');
  });

  test('an unknown route is a 404 not_found and a wrong method a 405 method_not_allowed', async () => {
    expectProblem(await send('GET', '/api/v1/no-such-route', undefined, member()), 404, 'not_found');
    expectProblem(await send('GET', '/no-such-page'), 404, 'not_found');
    for (const asset of ['/tab/assets/no-such-file.js', '/tab/assets/..%2F..%2Fpackage.json', '/api/v1/networks/%E0%A4%A']) {
      expectProblem(await send('GET', asset), 404, 'not_found');
    }
    const get = await send('GET', '/api/messages');
    expectProblem(get, 405, 'method_not_allowed');
    expect(get.allow).toBe('POST');
    expectProblem(await send('DELETE', '/api/v1/me', undefined, member()), 405, 'method_not_allowed');
  });

  test('an activity without a type, or not shaped like one, is a 400 at its field and reaches no handler', async () => {
    const before = j.connector.sent.length;
    const activity = botAdded(j.serviceUrl, j.members[0]!);
    const { type: _type, ...untyped } = activity;
    const cases: [Record<string, unknown> | unknown[] | null, string][] = [
      [untyped, 'type'],
      [{ ...activity, type: 7 }, 'type'],
      [{ ...activity, type: '' }, 'type'],
      [{ ...activity, serviceUrl: undefined }, 'serviceUrl'],
      [{ ...activity, conversation: 'general' }, 'conversation'],
      [{ ...activity, channelData: 'team' }, 'channelData'],
      [[activity], ''],
      [null, ''],
    ];
    for (const [body, field] of cases) {
      const res = await send('POST', '/api/messages', JSON.stringify(body));
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors?.[0]?.field).toBe(field);
    }
    expect(j.connector.sent.length).toBe(before);
  });

  test("a route's input that does not fit its schema is a 400 naming each field's path, before any handler runs", async () => {
    const { meetingId } = await j.createMeeting();
    const agenda = await j.api('GET', `/meetings/${meetingId}/agenda`, 1);
    const items = (agenda.body.items as Record<string, unknown>[]).map((item, n) => (n === 1 ? { ...item, title: 5, durationMin: 'ten' } : item));
    const put = await send('PUT', `/api/v1/meetings/${meetingId}/agenda`, JSON.stringify({ items }), { ...member(), 'if-match': agenda.etag ?? '' });
    expectProblem(put, 400, 'bad_request');
    expect(put.body.errors?.map((e) => e.field)).toEqual(['items.1.title', 'items.1.durationMin']);
    expect(put.body.errors?.[0]?.detail).toBe('Fältet items.1.title har fel form. Inget har ändrats.');
    const plan = await send('POST', `/api/v1/networks/${encodeURIComponent('19:x@thread.tacv2')}/term-plan`, JSON.stringify({ planId: 'två ord', text: 'Fredagar kl 13–15: 4/2 Hjo' }), member());
    expect(plan.body.errors?.map((e) => e.field)).toEqual(['planId']);
    const version = await send('GET', `/api/v1/meetings/${meetingId}/minutes/versions/abc`, undefined, member());
    expectProblem(version, 400, 'bad_request');
    expect(version.body.errors?.map((e) => e.field)).toEqual(['params.version']);
    const notAnObject = await send('POST', `/api/v1/meetings/${meetingId}/minutes/versions/1/request-change`, '"ändra"', member());
    expect(notAnObject.body.errors?.map((e) => e.field)).toEqual(['']);
    expect((await j.api('GET', `/meetings/${meetingId}/agenda`, 1)).etag).toBe(agenda.etag);
  });

  test('a well-formed activity still reaches the bot', async () => {
    const reply = await postActivity(j.botUrl, { ...botAdded(j.serviceUrl, j.members[0]!) });
    expect(reply.status).toBe(200);
  });
});

test('the team name is shown as text in the markdown welcome message, never as formatting or a link', async () => {
  const j = await new Journey().start({ members: 3 });
  try {
    const activity = botAdded(j.serviceUrl, j.members[0]!);
    const channelData = activity.channelData as { team: Record<string, unknown> };
    const name = '**[klicka](https://evil.example)** <img src=x onerror=alert(1)>\n# Rubrik';
    expect((await postActivity(j.botUrl, { ...activity, channelData: { ...channelData, team: { ...channelData.team, name } } })).status).toBe(200);
    const welcome = j.connector.sent.find((s) => s.kind === 'reply')?.activity.text;
    expect(welcome).toBe(
      'Hej \\*\\*\\[klicka\\]\\(https\\://evil\\.example\\)\\*\\* \\# Rubrik! Justera är installerad och känner till 3 medlemmar. Skriv @Justera hjälp för att komma igång.',
    );
  } finally {
    await j.stop();
  }
});
