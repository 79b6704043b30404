import { scheduleItems, STANDARD_FRAME, templateAgenda } from '../../src/domain/agenda';
import { addItem, canMove, draftFrom, removeItem, schedule } from '../../src/tab/agenda-draft';
import {
  addTemplateItem,
  canMoveTemplateItem,
  moveTemplateItem,
  removeTemplateItem,
  templateDraftFrom,
  templateSaveRequest,
} from '../../src/tab/agenda-template-draft';
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

/** The tab's draft of an agenda from a network template: the template's items hold their place as the service says. */
describe("the tab's draft of an agenda with template items", () => {
  let n = 0;
  const template = {
    opening: [{ id: 'o', title: 'Incheckning', durationMin: 10, kind: 'diskussion' as const, description: '' }, ...STANDARD_FRAME.opening],
    closing: [STANDARD_FRAME.closing[0]!, { id: 'c', title: 'Laget runt', durationMin: 15, kind: 'diskussion' as const, description: '' }, ...STANDARD_FRAME.closing.slice(1)],
  };
  const agenda = templateAgenda({ tenantId: 't', meetingId: 'm' }, () => `item-${++n}`, template);
  const draft = draftFrom(agenda.items.map((i, k): ApiAgendaItem => ({ ...i, number: k + 1, start: '', end: '' })));
  const fields = { title: 'Ny punkt', kind: 'information' as const, durationMin: 10, description: '' };

  test('a new item goes before the first closing item, a template item neither moves nor lets a topic past it, but can be dropped', () => {
    const added = addItem(draft, fields);
    expect(added.map((i) => i.title)).toEqual(['Incheckning', 'Närvaro/deltagarlista', 'Föregående protokoll', 'Ny punkt', 'Övriga frågor', 'Laget runt', 'Datum för nästa möte', 'Avslutning']);
    expect(canMove(added, 0, 1)).toBe(false);
    expect(canMove(added, 3, -1)).toBe(false);
    expect(canMove(added, 3, 1)).toBe(false);
    expect(removeItem(added, added[0]!.key).map((i) => i.title)[0]).toBe('Närvaro/deltagarlista');
    expect(removeItem(added, added[1]!.key)).toHaveLength(added.length);
  });
});

describe("the tab's draft of the network's template", () => {
  const base = templateDraftFrom({ opening: [{ id: 'x', title: 'Mötets öppnande', durationMin: 2, kind: 'information', description: '' }, ...STANDARD_FRAME.opening], closing: [...STANDARD_FRAME.closing] });
  const fields = { title: ' Laget runt ', kind: 'diskussion' as const, durationMin: 15, description: '' };

  test('new items go last among the opening items or first among the closing ones; standard items stay put', () => {
    const closing = addTemplateItem(base, 'closing', fields);
    expect(closing.closing.map((i) => i.title)).toEqual(['Laget runt', 'Övriga frågor', 'Datum för nästa möte', 'Avslutning']);
    const opening = addTemplateItem(base, 'opening', { ...fields, title: 'Incheckning' });
    expect(opening.opening.map((i) => i.title)).toEqual(['Mötets öppnande', 'Närvaro/deltagarlista', 'Föregående protokoll', 'Incheckning']);
    expect(canMoveTemplateItem(opening, 'opening', 1, 1)).toBe(false);
    expect(moveTemplateItem(opening, 'opening', 3, -1).opening.map((i) => i.title)).toEqual(['Mötets öppnande', 'Närvaro/deltagarlista', 'Incheckning', 'Föregående protokoll']);
    expect(removeTemplateItem(opening, 'attendance').opening).toHaveLength(4);
    expect(templateSaveRequest(closing).closing[0]).toEqual({ title: 'Laget runt', kind: 'diskussion', durationMin: 15, description: '' });
  });
});
