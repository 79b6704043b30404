import type { MinutesContent } from '../../src/domain/minutes';
import { Journey } from '../harness/journey';
import { devIdentity } from '../harness/teams';

/**
 * "Sök i protokoll" through the tab API: minutes justerade in a journey are found by inflected
 * Swedish words and phrases, with the hit's passage and item; a person of another network of the
 * tenant does not see them, and decisions and action items are searched as such.
 */
describe('search over approved protocols', () => {
  let j: Journey;
  let meetingId = '';
  const SECRETARY = 1;
  const JUSTERARE = 2;
  const OTHER_NETWORK = '19:other-network@thread.tacv2';
  const OUTSIDER_ID = 'outsider-of-the-team';

  const search = async (query: Record<string, string>, who: number): Promise<{ status: number; body: Record<string, unknown> }> =>
    j.api('GET', `/search?${new URLSearchParams(query).toString()}`, who);
  type Result = { meetingId: string; date: string; hits: { itemNumber?: number; itemTitle?: string; field: string; text: string; highlights: [number, number][] }[] };
  const results = (body: Record<string, unknown>): Result[] => body.results as Result[];
  const highlighted = (r: Result): string[] => r.hits.flatMap((h) => h.highlights.map(([s, e]) => h.text.slice(s, e)));

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    await j.install();
    await j.assignRole(0, SECRETARY, 'sekreterare');
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    const items: MinutesContent['items'] = [
      {
        id: 'i-1',
        kind: 'item',
        title: 'Föregående protokoll',
        notes: 'Protokollet från förra mötet lades till handlingarna.',
        decisions: [],
        actions: [],
        tabled: false,
        presenters: [],
        questions: [],
        responses: [],
      },
      {
        id: 'i-2',
        kind: 'item',
        title: 'Gymnasieantagning',
        notes: 'Kommunerna redovisade läget för antagningen.',
        decisions: ['Nätverket ställer sig bakom den gemensamma antagningen.'],
        actions: [{ id: 'a-1', text: 'Sammanställa kommunernas synpunkter', owners: [{ kind: 'member', memberId: j.members[SECRETARY]!.aadObjectId, name: j.members[SECRETARY]!.name }] }],
        tabled: false,
        presenters: [],
        questions: [],
        responses: [],
      },
    ];
    await j.sendMinutes(meetingId, SECRETARY, [JUSTERARE], items);
    expect((await j.api('POST', `/meetings/${meetingId}/minutes/versions/1/approve`, JUSTERARE)).status).toBe(200);
    // Another network of the tenant, with a member of its own only.
    const store = j.service.store;
    const here = await store.getNetwork(j.tenantId, '19:im-natverket@thread.tacv2');
    await store.upsertNetwork({ ...here!, id: OTHER_NETWORK, name: 'Rektorsnätverket' });
    const someone = (await store.listMembers(j.tenantId, '19:im-natverket@thread.tacv2'))[4]!;
    await store.upsertMembers([{ ...someone, networkId: OTHER_NETWORK, id: OUTSIDER_ID, teamsUserId: '29:outsider', name: 'Utomstående', teamOwner: false }]);
  });
  afterAll(async () => {
    await j.stop();
  });

  test('an inflected word finds the justerade protocol, with the hit highlighted in its item', async () => {
    const res = await search({ q: 'kommun' }, 3);
    expect(res.status).toBe(200);
    const [found, ...rest] = results(res.body);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ meetingId, date: '2030-02-04' });
    expect(found!.hits[0]).toMatchObject({ itemNumber: 2, itemTitle: 'Gymnasieantagning' });
    expect(highlighted(found!)).toEqual(expect.arrayContaining(['Kommunerna', 'kommunernas']));
    expect(results((await search({ q: 'protokoll' }, 3)).body)[0]?.hits[0]?.itemNumber).toBe(1);
  });

  test('phrases, decisions and action items as such, and the filters', async () => {
    expect(results((await search({ q: '"gemensamma antagningen"' }, 3)).body)).toHaveLength(1);
    expect(results((await search({ q: '"antagningen gemensamma"' }, 3)).body)).toHaveLength(0);
    expect(results((await search({ q: 'antagningen', field: 'decisions' }, 3)).body)[0]?.hits.map((h) => h.field)).toEqual(['decision']);
    expect(results((await search({ q: 'kommun', field: 'actions' }, 3)).body)[0]?.hits.map((h) => h.field)).toEqual(['action']);
    expect(results((await search({ q: 'kommun', year: '2029' }, 3)).body)).toHaveLength(0);
    expect(results((await search({ q: 'kommun', year: '2030', openActions: 'true' }, 3)).body)).toHaveLength(1);
    expect(results((await search({ q: 'kommun', person: j.members[JUSTERARE]!.name }, 3)).body)).toHaveLength(1);
    expect(results((await search({ q: 'kommun', person: 'Ingen Alls' }, 3)).body)).toHaveLength(0);
  });

  test('a scan\'s damaged word is found by the word as typed', async () => {
    // Å, ä and ö stay distinct: "lage" is not "läge" until nothing else is found.
    const res = await search({ q: 'lage' }, 3);
    expect(results(res.body)).toHaveLength(1);
    expect(res.body.variants).toEqual({ lage: ['läg'] });
  });

  test("another network's person does not see them; a bad query is refused", async () => {
    const res = await j.api('GET', '/search?q=kommun', 0);
    expect(results(res.body)).toHaveLength(1);
    const outsider = await fetch(`${j.botUrl}/api/v1/search?q=kommun`, { headers: { 'x-justera-dev-user': devIdentity(j.tenantId, OUTSIDER_ID) } });
    expect(outsider.status).toBe(200);
    expect(((await outsider.json()) as { results: unknown[] }).results).toEqual([]);
    expect((await search({ q: 'kommun', year: 'förra' }, 3)).status).toBe(400);
  });
});
