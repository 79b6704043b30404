import {
  addItem,
  agendaProblems,
  diffAgendas,
  moveItem,
  publishAgenda,
  removeItem,
  scheduleItems,
  templateAgenda,
  updateItem,
  type Agenda,
  type AgendaItemDraft,
  type AgendaItemPatch,
  type AgendaResult,
} from '../../src/domain/agenda';
import { agendaStrings } from '../../src/cards/agenda-strings';
import { counter, value } from './agenda-results';



function codes<T>(r: AgendaResult<T>): string[] {
  return r.ok ? [] : r.problems.map((p) => p.code);
}

const topic = (title: string, over: Partial<AgendaItemDraft> = {}): AgendaItemDraft => ({ title, durationMin: 20, kind: 'diskussion', ...over });

const ref = { tenantId: 't', meetingId: 'm-1' };
const titles = (a: Agenda): string[] => a.items.map((i) => i.title);

/** Template plus topics "A", "B", "C" with ids a, b, c. */
function withTopics(): Agenda {
  let agenda = templateAgenda(ref, counter());
  for (const t of ['A', 'B', 'C']) agenda = value(addItem(agenda, t.toLowerCase(), topic(t)));
  return agenda;
}

describe('the agenda template', () => {
  test('holds the five standard items in order, with default times, as a draft', () => {
    const agenda = templateAgenda(ref, counter());
    expect(agenda.items.map((i) => [i.id, i.title, i.standard, i.durationMin])).toEqual([
      ['i1', 'Närvaro/deltagarlista', 'attendance', 5],
      ['i2', 'Föregående protokoll', 'previous-minutes', 10],
      ['i3', 'Övriga frågor', 'other-matters', 10],
      ['i4', 'Datum för nästa möte', 'next-meeting', 5],
      ['i5', 'Avslutning', 'closing', 5],
    ]);
    expect(agenda).toMatchObject({ tenantId: 't', meetingId: 'm-1', version: 0, status: 'draft' });
    expect(agendaProblems(agenda)).toEqual([]);
  });
});

describe('adding items', () => {
  test('topic items go before "Övriga frågor", in the order they are added', () => {
    expect(titles(withTopics())).toEqual([
      'Närvaro/deltagarlista', 'Föregående protokoll', 'A', 'B', 'C', 'Övriga frågor', 'Datum för nästa möte', 'Avslutning',
    ]);
  });

  test('keeps presenter, description and links, and tidies whitespace', () => {
    const tidy: AgendaItemDraft = {
      title: 'Projekt Överlämning',
      durationMin: 30,
      kind: 'beslut',
      presenter: { kind: 'guest', name: 'Camilla Stensson', organisation: 'Utbildning Skaraborg' },
      description: 'Rad ett\nRad två',
      links: [{ title: 'Matris', url: 'https://example.se/matris' }],
    };
    const typed: AgendaItemDraft = {
      ...tidy,
      title: '  Projekt   Överlämning ',
      presenter: { kind: 'guest', name: ' Camilla Stensson ', organisation: ' Utbildning Skaraborg ' },
      description: 'Rad ett\r\nRad två\n',
      links: [{ title: ' Matris ', url: ' https://example.se/matris' }],
    };
    expect(value(addItem(templateAgenda(ref, counter()), 'x', typed)).items[2]).toEqual({ id: 'x', ...tidy });
  });

  test.each<[string, Partial<AgendaItemDraft>, string]>([
    ['an empty title', { title: '  ' }, 'title_required'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'title_too_long'],
    ['a 4001-character description', { description: 'x'.repeat(4001) }, 'description_too_long'],
    ['no time', { durationMin: 0 }, 'duration_out_of_range'],
    ['more than four hours', { durationMin: 241 }, 'duration_out_of_range'],
    ['half minutes', { durationMin: 1.5 }, 'duration_out_of_range'],
    ['eleven links', { links: Array.from({ length: 11 }, (_, i) => ({ title: `L${i}`, url: 'https://a.se' })) }, 'too_many_links'],
    ['an http link', { links: [{ title: 'L', url: 'http://a.se' }] }, 'link_not_https'],
    ['a javascript link', { links: [{ title: 'L', url: 'javascript:alert(1)' }] }, 'link_not_https'],
    ['a guest without a name', { presenter: { kind: 'guest', name: ' ' } }, 'presenter_name_required'],
  ])('refuses %s', (_, over, code) => {
    const before = templateAgenda(ref, counter());
    expect(codes(addItem(before, 'x', topic('Punkt', over)))).toContain(code);
  });

  test('accepts the limits themselves', () => {
    const draft = topic('x'.repeat(200), {
      description: 'x'.repeat(4000),
      durationMin: 240,
      links: Array.from({ length: 10 }, (_, i) => ({ title: `L${i}`, url: `https://a.se/${i}` })),
    });
    expect(addItem(templateAgenda(ref, counter()), 'x', draft).ok).toBe(true);
    expect(addItem(templateAgenda(ref, counter()), 'y', topic('Kort', { durationMin: 1 })).ok).toBe(true);
  });

  test('stops at 40 items', () => {
    let agenda = templateAgenda(ref, counter());
    for (let n = 0; n < 35; n++) agenda = value(addItem(agenda, `t${n}`, topic(`T${n}`)));
    expect(agenda.items).toHaveLength(40);
    expect(codes(addItem(agenda, 'one-more', topic('En till')))).toEqual(['too_many_items']);
  });

  test('a retried add with the same id adds nothing', () => {
    const agenda = withTopics();
    expect(codes(addItem(agenda, 'a', topic('A')))).toEqual(['duplicate_item_id']);
  });

  test('every message has Swedish and English text', () => {
    const agenda = templateAgenda(ref, counter());
    const r = addItem(agenda, 'x', topic('', { durationMin: 0 }));
    for (const locale of ['sv', 'en'] as const) {
      const messages = r.ok ? [] : r.problems.map((p) => agendaStrings(locale).errors[p.code]);
      expect(messages).toHaveLength(2);
      expect(messages.every((m) => m.length > 10)).toBe(true);
    }
    expect(agendaStrings('sv').errors.duration_out_of_range).toBe('Tiden för en punkt måste vara 1–240 minuter.');
  });
});

describe('editing and removing items', () => {
  test('an edit changes only the fields given and leaves the old agenda as it was', () => {
    const before = withTopics();
    const after = value(updateItem(before, 'b', { title: 'B2', presenter: { kind: 'member', memberId: 'u1', name: 'Jonas Wåhlberg' } }));
    expect(after.items[3]).toMatchObject({ id: 'b', title: 'B2', durationMin: 20, kind: 'diskussion', presenter: { name: 'Jonas Wåhlberg' } });
    expect(before.items[3]?.title).toBe('B');
    expect(value(updateItem(after, 'b', { presenter: null })).items[3]?.presenter).toBeUndefined();
  });

  test('standard items can be reworded but stay standard and in place', () => {
    const before = withTopics();
    const nextMeeting = before.items.find((i) => i.standard === 'next-meeting');
    const after = value(updateItem(before, nextMeeting?.id ?? '', { title: 'Datum för vårens möten', durationMin: 15 }));
    expect(after.items[6]).toMatchObject({ title: 'Datum för vårens möten', durationMin: 15, standard: 'next-meeting' });
    expect(agendaProblems(after)).toEqual([]);
  });

  test('a bad edit changes nothing and says why', () => {
    expect(codes(updateItem(withTopics(), 'a', { durationMin: 500, title: '' }))).toEqual(['title_required', 'duration_out_of_range']);
    expect(codes(updateItem(withTopics(), 'nope', { title: 'x' }))).toEqual(['item_not_found']);
  });

  test('topic items can be removed, standard items cannot', () => {
    const agenda = withTopics();
    expect(titles(value(removeItem(agenda, 'b')))).not.toContain('B');
    expect(codes(removeItem(agenda, 'i1'))).toEqual(['standard_item_fixed']);
    expect(codes(removeItem(agenda, 'nope'))).toEqual(['item_not_found']);
  });
});

describe('moving items', () => {
  test('a topic item moves anywhere among the topics', () => {
    const agenda = withTopics();
    expect(titles(value(moveItem(agenda, 'c', 2))).slice(2, 5)).toEqual(['C', 'A', 'B']);
    expect(titles(value(moveItem(agenda, 'a', 4))).slice(2, 5)).toEqual(['B', 'C', 'A']);
    expect(titles(value(moveItem(agenda, 'b', 3)))).toEqual(titles(agenda));
  });

  test('nothing moves above "Föregående protokoll" or below "Övriga frågor"', () => {
    const agenda = withTopics();
    expect(codes(moveItem(agenda, 'a', 1))).toEqual(['outside_frame']);
    expect(codes(moveItem(agenda, 'a', 5))).toEqual(['outside_frame']);
    expect(codes(moveItem(agenda, 'a', 2.5))).toEqual(['outside_frame']);
  });

  test('standard items do not move', () => {
    expect(codes(moveItem(withTopics(), 'i3', 2))).toEqual(['standard_item_fixed']);
  });

  test('an agenda with standard items out of order is reported as broken', () => {
    const agenda = withTopics();
    const [first, ...rest] = agenda.items;
    expect(agendaProblems({ ...agenda, items: [...rest, first] })).toEqual([{ code: 'frame_broken' }]);
    expect(agendaProblems({ ...agenda, items: rest })).toEqual([{ code: 'frame_broken' }]);
    expect(agendaProblems({ ...agenda, items: [...agenda.items.slice(0, 3), agenda.items[2], ...agenda.items.slice(3)] })).toEqual([
      { code: 'duplicate_item_id', itemId: 'a' },
    ]);
  });
});

describe('item times', () => {
  test('each item starts when the one before ends, from the meeting start', () => {
    const schedule = value(scheduleItems(withTopics(), '13:00', '15:00'));
    expect(schedule.items.map((s) => [s.number, s.start, s.end, s.item.title])).toEqual([
      [1, '13:00', '13:05', 'Närvaro/deltagarlista'],
      [2, '13:05', '13:15', 'Föregående protokoll'],
      [3, '13:15', '13:35', 'A'],
      [4, '13:35', '13:55', 'B'],
      [5, '13:55', '14:15', 'C'],
      [6, '14:15', '14:25', 'Övriga frågor'],
      [7, '14:25', '14:30', 'Datum för nästa möte'],
      [8, '14:30', '14:35', 'Avslutning'],
    ]);
    expect(schedule).toMatchObject({ end: '14:35', totalMin: 95, overrunMin: 0 });
  });

  test('says how far the agenda runs past the meeting end', () => {
    const agenda = value(updateItem(withTopics(), 'a', { durationMin: 60 }));
    expect(value(scheduleItems(agenda, '13:00', '15:00'))).toMatchObject({ end: '15:15', overrunMin: 15 });
    expect(value(scheduleItems(agenda, '13:00')).overrunMin).toBe(0);
  });

  test('a meeting running past midnight wraps the clock', () => {
    const schedule = value(scheduleItems(withTopics(), '23:00', '01:00'));
    expect(schedule.items[7]?.end).toBe('00:35');
    expect(schedule.overrunMin).toBe(0);
  });

  test('refuses a start that is not a time', () => {
    expect(codes(scheduleItems(withTopics(), '13'))).toEqual(['invalid_time']);
    expect(codes(scheduleItems(withTopics(), '13:00', '25:00'))).toEqual(['invalid_time']);
  });
});

describe('what changed between two published versions', () => {
  test('nothing, when nothing changed', () => {
    expect(diffAgendas(withTopics(), withTopics())).toEqual([]);
  });

  test('an added item is one change, not a shift of every item after it', () => {
    const before = withTopics();
    const after = value(moveItem(value(addItem(before, 'n', topic('Ny'))), 'n', 2));
    expect(diffAgendas(before, after)).toEqual([{ type: 'added', itemId: 'n', title: 'Ny', number: 3 }]);
  });

  test('a removed item, and a moved one with its old and new number', () => {
    const before = withTopics();
    expect(diffAgendas(before, value(removeItem(before, 'b')))).toEqual([{ type: 'removed', itemId: 'b', title: 'B' }]);
    expect(diffAgendas(before, value(moveItem(before, 'c', 2)))).toEqual([{ type: 'moved', itemId: 'c', title: 'C', from: 5, to: 3 }]);
  });

  test('title, time, presenter, kind, description and links', () => {
    const before = withTopics();
    const after = value(
      updateItem(before, 'a', {
        title: 'A2',
        durationMin: 30,
        presenter: { kind: 'guest', name: 'Åsa Hirsch' },
        kind: 'beslut',
        description: 'Ny text',
        links: [{ title: 'L', url: 'https://a.se' }],
      }),
    );
    expect(diffAgendas(before, after)).toEqual([
      { type: 'retitled', itemId: 'a', from: 'A', to: 'A2' },
      { type: 'duration', itemId: 'a', title: 'A2', from: 20, to: 30 },
      { type: 'presenter', itemId: 'a', title: 'A2', to: { kind: 'guest', name: 'Åsa Hirsch' } },
      { type: 'kind', itemId: 'a', title: 'A2', from: 'diskussion', to: 'beslut' },
      { type: 'description', itemId: 'a', title: 'A2' },
      { type: 'links', itemId: 'a', title: 'A2' },
    ]);
  });
});

describe('publishing', () => {
  test('the first publication is version 1 and lists no changes', () => {
    const published = value(publishAgenda(withTopics(), '2022-02-01T09:00:00Z'));
    expect(published).toMatchObject({ status: 'published', version: 1, publishedAt: '2022-02-01T09:00:00Z' });
    expect(published.changes).toBeUndefined();
  });

  test('publishing an edit makes the next version, with what changed', () => {
    const v1 = value(publishAgenda(withTopics(), '2022-02-01T09:00:00Z'));
    const v2 = value(publishAgenda(value(removeItem(v1, 'a')), '2022-02-02T09:00:00Z', v1));
    expect(v2).toMatchObject({ version: 2, publishedAt: '2022-02-02T09:00:00Z', changes: [{ type: 'removed', itemId: 'a' }] });
    expect(v1.version).toBe(1);
  });

  test('publishing again with nothing changed makes no new version', () => {
    const v1 = value(publishAgenda(withTopics(), '2022-02-01T09:00:00Z'));
    expect(value(publishAgenda(v1, '2022-02-03T09:00:00Z', v1))).toBe(v1);
  });

  test('a broken agenda is not published', () => {
    const agenda = withTopics();
    expect(codes(publishAgenda({ ...agenda, items: agenda.items.slice(1) }, '2022-02-01T09:00:00Z'))).toEqual(['frame_broken']);
  });
});

describe('input from outside', () => {
  test('cannot make a topic item standard or rename an item\'s id', () => {
    const sneaky = { ...topic('Smygpunkt'), standard: 'closing', id: 'other' } as AgendaItemDraft;
    const agenda = value(addItem(templateAgenda(ref, counter()), 'x', sneaky));
    expect(agenda.items[2]).toMatchObject({ id: 'x', title: 'Smygpunkt' });
    expect(agenda.items[2]?.standard).toBeUndefined();
    const edited = value(updateItem(agenda, 'x', { title: 'Ny', standard: 'closing', id: 'y' } as AgendaItemPatch));
    expect(edited.items[2]).toMatchObject({ id: 'x', title: 'Ny' });
    expect(edited.items[2]?.standard).toBeUndefined();
  });
});
