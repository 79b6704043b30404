import { invokeCard, Journey, texts } from '../harness/journey';
import { eventually } from '../harness/service';
import { cardProblems } from '../harness/validate-card';

/** A member proposes an item from the agenda card; the chair group accepts or declines it; the proposer is told. */
describe('proposed agenda items', () => {
  let j: Journey;
  let meetingId = '';
  let agendaCardId = '';

  const api = (method: string, path: string, who: number, body?: unknown, ifMatch?: string) =>
    j.api(method, `/meetings/${meetingId}${path}`, who, { body, ...(ifMatch ? { ifMatch } : {}) });
  /** What the bot sent in personal chats (created conversations, then the card). */
  const personal = (teamsUserId: string): string[] => j.personalCards(j.members.findIndex((m) => m.id === teamsUserId)).map(texts);
  const propose = async (who: number, title: string): Promise<string> => {
    const form = invokeCard(await j.click(j.members[who]!, agendaCardId, { action: 'proposeItem', meetingId }));
    const proposalId = /"proposalId":"([^"]+)"/.exec(texts(form))?.[1] ?? '';
    const sent = await j.click(j.members[who]!, agendaCardId, { action: 'submitProposal', meetingId, proposalId, title, description: 'Kort bakgrund.' });
    expect(texts(invokeCard(sent))).toContain('är skickat till presidiet');
    return proposalId;
  };

  beforeAll(async () => {
    j = await new Journey().start({ members: 5 });
    await j.install();
    meetingId = (await j.createMeeting({ date: '2030-02-04' })).meetingId;
    await j.assignRole(0, 0, 'ordforande');
    expect((await j.publishAgenda(0, meetingId)).status).toBe(200);
    agendaCardId = (await eventually(() => j.connector.sent.find((s) => s.kind === 'post' && texts(s.activity).includes('Dagordning')), 5000, 'agenda card')).activityId;
  });
  afterAll(async () => {
    await j.stop();
  });

  test('the proposal form is a valid card; an empty title comes back with a Swedish message; a retry proposes once', async () => {
    const form = invokeCard(await j.click(j.members[3]!, agendaCardId, { action: 'proposeItem', meetingId }));
    expect(cardProblems(form)).toEqual([]);
    const proposalId = /"proposalId":"([^"]+)"/.exec(texts(form))?.[1] ?? '';
    const empty = await j.click(j.members[3]!, agendaCardId, { action: 'submitProposal', meetingId, proposalId, title: '  ', description: '' });
    expect(texts(invokeCard(empty))).toContain('Skriv en rubrik.');
    const data = { action: 'submitProposal', meetingId, proposalId, title: 'Gemensam K-dag i höst', description: 'Förslag från Tibro.' };
    await Promise.all([j.click(j.members[3]!, agendaCardId, data), j.click(j.members[3]!, agendaCardId, data)]);
    const list = await api('GET', '/proposals', 3);
    expect(list.body.proposals).toEqual([expect.objectContaining({ id: proposalId, title: 'Gemensam K-dag i höst', status: 'pending' })]);
    // The chair group hears of it once, in their personal chat.
    await eventually(() => personal(j.members[0]!.id).length === 1 || undefined, 5000, 'the chair told');
    expect(personal(j.members[0]!.id)[0]).toContain('Gemensam K-dag i höst');
  });

  test('the chair accepts: the item joins the draft, the card stays until the chair group publishes, the proposer is told', async () => {
    const id = (await api('GET', '/proposals', 0)).body.proposals as { id: string }[];
    expect((await api('POST', `/proposals/${id[0]!.id}/accept`, 2)).status).toBe(403);
    const accepted = await api('POST', `/proposals/${id[0]!.id}/accept`, 0);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    // Teams and double clicks retry: accepting again adds nothing.
    expect((await api('POST', `/proposals/${id[0]!.id}/accept`, 0)).status).toBe(200);
    const draft = await api('GET', '/agenda', 0);
    const titles = (draft.body.items as { title: string }[]).map((i) => i.title);
    expect(titles.filter((t) => t === 'Gemensam K-dag i höst')).toHaveLength(1);
    expect(titles.indexOf('Gemensam K-dag i höst')).toBe(titles.indexOf('Övriga frågor') - 1);
    // The chair sees the schedule with the item placed; what members were given is still version 1.
    expect(draft.body).toMatchObject({ status: 'draft', version: 1 });
    const placed = (draft.body.items as { title: string; start: string; end: string }[]).find((i) => i.title === 'Gemensam K-dag i höst');
    expect(placed?.start).toMatch(/^\d\d:\d\d$/);
    await eventually(() => personal(j.members[3]!.id).some((t) => t.includes('Ditt förslag tas med på dagordningen')) || undefined, 5000, 'proposer told');

    const before = j.connector.updatesOf(agendaCardId).length;
    const published = await api('POST', '/agenda/publish', 0, undefined, draft.etag);
    expect(published.body).toMatchObject({ status: 'published', version: 2 });
    await eventually(() => texts(j.connector.updatesOf(agendaCardId).at(-1)?.activity ?? {}).includes('Gemensam K-dag i höst') || undefined, 5000, 'card updated');
    // No update of the card showed the item before it was published.
    expect(j.connector.updatesOf(agendaCardId).slice(0, before).some((u) => texts(u.activity).includes('Gemensam K-dag i höst'))).toBe(false);
  });

  test('a decline needs a reason, is told to the proposer, and cannot be turned into an accept', async () => {
    const proposalId = await propose(4, 'Studiebesök i Borås');
    expect((await api('POST', `/proposals/${proposalId}/decline`, 0, { reason: ' ' })).body).toMatchObject({ status: 400, detail: 'Skriv varför förslaget inte tas med.' });
    const declined = await api('POST', `/proposals/${proposalId}/decline`, 0, { reason: 'Tas upp på vårens första träff.' });
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'Tas upp på vårens första träff.' });
    expect((await api('POST', `/proposals/${proposalId}/accept`, 0)).status).toBe(412);
    await eventually(() => personal(j.members[4]!.id).some((t) => t.includes('Tas upp på vårens första träff.')) || undefined, 5000, 'proposer told');
    const agenda = await api('GET', '/agenda', 2);
    expect(texts(agenda.body.items)).not.toContain('Studiebesök i Borås');
  });
});
