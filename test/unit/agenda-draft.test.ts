import { scheduleItems, templateAgenda } from '../../src/domain/agenda';
import { draftFrom, schedule } from '../../src/tab/agenda-draft';
import type { ApiAgendaItem } from '../../src/http/api-contract';

/** The tab's agenda editor shows the times the service computes: the domain's schedule, not a copy of it. */
describe("the tab's schedule of a draft", () => {
  let n = 0;
  const agenda = templateAgenda({ tenantId: 't', meetingId: 'm' }, () => `item-${++n}`);
  const draft = draftFrom(agenda.items.map((i, k): ApiAgendaItem => ({ ...i, number: k + 1, start: '', end: '' })));

  test('is the service’s, item by item, with the overrun past the end', () => {
    const server = scheduleItems(agenda, '13:00', '13:30');
    if (!server.ok) throw new Error('no schedule');
    expect(schedule(draft, '13:00', '13:30')).toEqual({ times: server.value.items.map(({ start, end }) => ({ start, end })), overrunMin: server.value.overrunMin });
    expect(schedule(draft, '13:00', '13:30').overrunMin).toBe(5);
  });

  test('a meeting that runs past midnight overruns by what the service says', () => {
    // 23:00 + 35 minutes of standard items ends 23:35; the meeting ends 23:20 the same evening, or 00:30 after midnight.
    expect(schedule(draft, '23:00', '23:20').overrunMin).toBe(15);
    expect(schedule(draft, '23:00', '00:30')).toMatchObject({ overrunMin: 0, times: expect.arrayContaining([{ start: '23:30', end: '23:35' }]) });
  });

  test('no times for a start that is no time of day', () => {
    expect(schedule(draft, 'snart', null).times.every((t) => t.start === '' && t.end === '')).toBe(true);
  });
});
