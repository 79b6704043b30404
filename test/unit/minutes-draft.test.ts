import type { ApiMinutesContent } from '../../src/http/api-contract';
import { fieldKey, moveItem, problemsByField, reapplyMinutes, sameContent } from '../../src/tab/features/minutes/minutes-draft';

/** The tab's minutes editor logic: merging my unsaved edits into a newer version, and problems at their fields. */
const base: ApiMinutesContent = {
  format: 2,
  kind: 'protokoll',
  numbering: 'numbered',
  networkName: 'IM-nätverket',
  meeting: { date: '2030-02-04', start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite' },
  justerare: [],
  attendees: [{ id: 'p-1', name: 'Anna Dahlson', organisation: 'Skövde', status: 'onsite', guest: false }],
  items: [
    { id: 'i-1', title: 'Föregående protokoll', notes: '', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []},
    { id: 'i-2', title: 'Projekt Överlämning', notes: '', decisions: [], actions: [{ id: 'a-1', text: 'Svara', owners: [{ kind: 'named', name: 'Camilla' }] }], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []},
    { id: 'i-3', title: 'Övriga frågor', notes: '', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []},
  ],
  nextMeetings: [],
};
const clone = (): ApiMinutesContent => structuredClone(base);

describe('merging my unsaved edits into the newer version', () => {
  test('what I changed takes mine, what they changed stays theirs, my new item comes last, my removal holds', () => {
    const mine = clone();
    mine.items[1]!.notes = 'Mina anteckningar';
    mine.items = mine.items.filter((i) => i.id !== 'i-3');
    mine.items.push({ id: 'i-new', title: 'K-dag', notes: '', decisions: [], actions: [], tabled: false , kind: 'item' as const, presenters: [], questions: [], responses: []});
    mine.nextMeetingNote = 'Fredagar kl 13–15';
    const latest = clone();
    latest.items[0]!.notes = 'Deras anteckningar';
    latest.secretary = { kind: 'named', name: 'Maria Bring' };
    const merged = reapplyMinutes(base, mine, latest);
    expect(merged.items.map((i) => [i.id, i.notes])).toEqual([
      ['i-1', 'Deras anteckningar'],
      ['i-2', 'Mina anteckningar'],
      ['i-new', ''],
    ]);
    expect(merged.secretary).toEqual({ kind: 'named', name: 'Maria Bring' });
    expect(merged.nextMeetingNote).toBe('Fredagar kl 13–15');
    expect(sameContent(reapplyMinutes(base, clone(), latest), latest)).toBe(true);
  });

  test('an item they removed that I changed is kept; one I did not change stays gone', () => {
    const mine = clone();
    mine.items[1]!.notes = 'Ändrad';
    const latest = clone();
    latest.items = [latest.items[0]!];
    expect(reapplyMinutes(base, mine, latest).items.map((i) => i.id)).toEqual(['i-1', 'i-2']);
  });
});

describe("the server's problems at their fields", () => {
  test('field paths by position become paths by id, so a problem stays with its field when items move', () => {
    expect(fieldKey('items.1.actions.0.due', base)).toBe('items.i-2.actions.a-1.due');
    expect(fieldKey('attendees.0.arrivedAt', base)).toBe('attendees.p-1.arrivedAt');
    expect(fieldKey('justerare.0.memberId', base)).toBe('justerare.0');
    const moved = moveItem(base, 1, -1);
    expect(moved.items.map((i) => i.id)).toEqual(['i-2', 'i-1', 'i-3']);
    expect(moveItem(base, 0, -1)).toBe(base);
    const map = problemsByField([{ code: 'invalid_date', field: 'items.1.actions.0.due', detail: 'Punkt 2, datum' }, { code: 'x', detail: 'Allmänt' }], base);
    expect([...map.entries()]).toEqual([
      ['items.i-2.actions.a-1.due', ['Punkt 2, datum']],
      ['', ['Allmänt']],
    ]);
  });
});
