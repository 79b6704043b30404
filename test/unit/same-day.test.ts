import { checkinViewOf, MeetingService, sameDateOf } from '../../src/app/meetings';
import { checkinCard } from '../../src/cards';
import { agendaCard } from '../../src/cards/agenda-card';
import { justeringStatusCard, minutesCard } from '../../src/cards/justering-cards';
import { scheduleItems, templateAgenda } from '../../src/domain/agenda';
import { meetingTitle } from '../../src/cards/format';
import { meetingDistinction, type Meeting } from '../../src/domain/meeting';
import { contentHash, protocolTitle } from '../../src/domain/minutes';
import { protocolLayout } from '../../src/render/protocol-layout';
import { SqliteStore } from '../../src/store/sqlite-store';
import { meetingDay, STRINGS } from '../../src/tab/strings';
import { approvedVersion, gymnasienatverk2022 } from '../fixtures/minutes';
import { cardProblems } from '../harness/validate-card';
import { meeting, member, network } from '../store/conformance';

/** The conformance suite's meeting, on a weekday morning in Skövde, in tenant 't' and network 'n'. */
const base: Meeting = meeting('m-1', { tenantId: 't', networkId: 'n', channelId: 'c', date: '2022-02-04', start: '09:00', end: '11:00', place: 'Skövde', createdAt: '2022-01-01T00:00:00Z' });
const morning = base;
const afternoon: Meeting = { ...base, id: 'm-2', start: '13:00', end: '15:00', place: 'Lidköping' };
const otherDay: Meeting = { ...base, id: 'm-3', date: '2022-02-11' };
const otherNetwork: Meeting = { ...base, id: 'm-4', networkId: 'n2', start: '13:00' };

/** The card's big title line: the second element of its first container, a TextBlock or RichTextBlock. */
const heading = (card: unknown, index = 1): string => {
  const body = (card as { body: { items?: { text?: string; inlines?: ({ text: string } | string)[] }[] }[] }).body;
  const el = body[0]?.items?.[index];
  return el?.text ?? (el?.inlines ?? []).map((i) => (typeof i === 'string' ? i : i.text)).join('');
};

describe('two meetings of one network on one day', () => {
  let store: SqliteStore;
  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    for (const m of [morning, afternoon, otherDay, otherNetwork]) await store.createMeeting(m);
  });
  afterEach(() => store.close());

  it('finds the network’s meetings of that date only', async () => {
    expect((await sameDateOf(store, morning)).map((m) => m.id).sort()).toEqual(['m-1', 'm-2']);
    expect((await sameDateOf(store, otherDay)).map((m) => m.id)).toEqual(['m-3']);
  });

  it('gives their check-in cards and short titles different titles with the start time', async () => {
    const cards = await Promise.all([morning, afternoon].map(async (m) => checkinCard(checkinViewOf(m, [], undefined, undefined, await sameDateOf(store, m)), 'sv')));
    expect(cards.map((c) => heading(c))).toEqual(['IM-nätverket kl 09.00', 'IM-nätverket kl 13.00']);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const same = await sameDateOf(store, morning);
    expect(meetingTitle(morning, same)).toBe('IM-nätverket 2022-02-04 kl 09.00');
    expect(meetingTitle(afternoon, same, 'en')).toBe('IM-nätverket 2022-02-04 at 13.00');
  });

  it('gives their agenda cards different titles with the start time', async () => {
    const titles = await Promise.all(
      [morning, afternoon].map(async (m) => {
        const agenda = templateAgenda({ tenantId: 't', meetingId: m.id }, () => `${m.id}-s`);
        const schedule = scheduleItems(agenda, m.start, m.end);
        if (!schedule.ok) throw new Error('schedule');
        const card = agendaCard({ meeting: m, agenda, schedule: schedule.value, tabUrl: 'https://example.test/tab', sameDate: await sameDateOf(store, m) }, 'sv');
        expect(cardProblems(card)).toEqual([]);
        return heading(card, 0);
      }),
    );
    expect(titles).toEqual(['Dagordning — IM-nätverket fredag 4 februari 2022 kl 09.00', 'Dagordning — IM-nätverket fredag 4 februari 2022 kl 13.00']);
  });

  it('gives their protocol documents different titles, without touching the content hash', async () => {
    const content = gymnasienatverk2022;
    const same = await sameDateOf(store, morning);
    const first = approvedVersion({ ...content, meeting: { ...content.meeting, start: '09:00' } }, '2022-02-10T10:00:00Z', { meetingId: 'm-1' });
    const second = approvedVersion({ ...content, meeting: { ...content.meeting, start: '13:00' } }, '2022-02-10T10:00:00Z', { meetingId: 'm-2' });
    const titles = [first, second].map((v) => protocolLayout(v, 'sv', undefined, same).blocks[0]);
    expect(titles).toEqual([
      { kind: 'heading', level: 1, text: `Protokoll för ${content.networkName} ${content.meeting.date} kl 09.00` },
      { kind: 'heading', level: 1, text: `Protokoll för ${content.networkName} ${content.meeting.date} kl 13.00` },
    ]);
    expect(contentHash(first.content)).toBe(first.hash);
    const opts = { tabUrl: 'https://example.test/tab', timeZone: 'Europe/Stockholm', sameDate: same };
    const cardTitle = (card: unknown): string => JSON.stringify(card);
    expect(cardTitle(justeringStatusCard(first, opts, 'sv'))).toContain(`${content.meeting.date} kl 09.00`);
    expect(cardTitle(minutesCard(second, [], opts, 'sv'))).toContain(`${content.meeting.date} kl 13.00`);
    expect(cardTitle(minutesCard(second, [], opts, 'sv'))).not.toContain('kl 09.00');
  });

  it('tells them apart in the tab’s meeting lists, per network', () => {
    const list = [morning, afternoon, otherDay, otherNetwork];
    expect(list.map((m) => meetingDay(m, list, STRINGS.sv))).toEqual([
      'fredag 4 februari 2022 kl 09.00',
      'fredag 4 februari 2022 kl 13.00',
      'fredag 11 februari 2022',
      'fredag 4 februari 2022',
    ]);
    expect(meetingDay(afternoon, list, STRINGS.en)).toBe('Friday 4 February 2022 at 13.00');
  });

  it('names the place when the start time is shared too', () => {
    const same = [morning, { ...afternoon, start: '09:00' }];
    expect(meetingDistinction(morning, same)).toBe(' kl 09.00 (Skövde)');
    expect(meetingDistinction(same[1]!, same)).toBe(' kl 09.00 (Lidköping)');
  });

  it('leaves a lone meeting’s titles as they were', async () => {
    const same = await sameDateOf(store, otherDay);
    expect(heading(checkinCard(checkinViewOf(otherDay, [], undefined, undefined, same), 'sv'))).toBe('IM-nätverket');
    expect(meetingTitle(otherDay, same)).toBe('IM-nätverket 2022-02-11');
    expect(protocolTitle({ networkName: 'IM-nätverket', meeting: otherDay }, 'sv', { meetingId: otherDay.id, sameDate: same })).toBe('Protokoll för IM-nätverket 2022-02-11');
  });
});

test('creating a second meeting on a date refreshes the first one’s check-in card, whose title then names its start', async () => {
  const store = new SqliteStore(':memory:');
  const A = '19:a@thread.tacv2';
  await store.upsertNetwork(network('t', A));
  await store.upsertMembers([member('p', { tenantId: 't', networkId: A })]);
  const refreshed: string[] = [];
  const channel = { post: async () => ({ conversationId: 'c', activityId: 'a' }), requestRefresh: (m: Meeting) => void refreshed.push(m.id) };
  const meetings = new MeetingService({ store, clock: { now: () => new Date('2030-01-01T10:00:00.000Z') }, channel, timeZone: 'Europe/Stockholm' });
  const create = (formId: string, start: string, end: string) =>
    meetings.create({ tenantId: 't', networkId: A, channelId: 'c', formId, values: { date: '2030-02-04', start, end, place: 'Hjo', mode: 'onsite', teamsLink: '' }, by: { id: 'p', name: 'P' }, locale: 'sv' });
  await create('first', '09:00', '11:00');
  expect(refreshed).toEqual([]);
  await create('second', '13:00', '15:00');
  expect(refreshed).toEqual(['first']);
  const view = await meetings.checkinView('t', 'first');
  expect(heading(checkinCard(view, 'sv'))).toBe(`${view.meeting.networkName} kl 09.00`);
  await store.close();
});
