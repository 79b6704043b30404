import { addItem, agendaProblems, moveItem, removeItem, templateAgenda, type Agenda } from '../../src/domain/agenda';
import { buildTemplate, defaultTemplate, templateProblems, type TemplateItemInput } from '../../src/domain/agenda-template';
import { counter, value } from './agenda-results';



const ref = { tenantId: 't', meetingId: 'm-1' };
const base = { tenantId: 't', networkId: 'n-1' };
const titles = (a: Agenda): string[] => a.items.map((i) => i.title);

/** The default template as the tab sends it back: every item with its id and standard marker. */
const inputOf = (items: readonly TemplateItemInput[]): TemplateItemInput[] => items.map((i) => ({ ...i }));
const defaults = defaultTemplate('t', 'n-1');

describe('the default agenda template', () => {
  test('opens as Swedish meetings usually do, then the standard items', () => {
    const d = defaultTemplate('t', 'n-1');
    expect(d.opening.map((i) => [i.title, i.standard])).toEqual([
      ['Mötets öppnande', undefined],
      ['Val av justerare', undefined],
      ['Godkännande av dagordningen', undefined],
      ['Närvaro/deltagarlista', 'attendance'],
      ['Föregående protokoll', 'previous-minutes'],
    ]);
    expect(d.closing.map((i) => [i.title, i.standard])).toEqual([
      ['Övriga frågor', 'other-matters'],
      ['Datum för nästa möte', 'next-meeting'],
      ['Avslutning', 'closing'],
    ]);
    expect(templateProblems(d)).toEqual([]);
  });

  test('a new agenda from it holds its items with new ids, the added ones marked as opening the agenda', () => {
    const agenda = templateAgenda(ref, counter(), defaults);
    expect(agenda.items.map((i) => [i.id, i.title, i.standard ?? i.frame])).toEqual([
      ['i1', 'Mötets öppnande', 'opening'],
      ['i2', 'Val av justerare', 'opening'],
      ['i3', 'Godkännande av dagordningen', 'opening'],
      ['i4', 'Närvaro/deltagarlista', 'attendance'],
      ['i5', 'Föregående protokoll', 'previous-minutes'],
      ['i6', 'Övriga frågor', 'other-matters'],
      ['i7', 'Datum för nästa möte', 'next-meeting'],
      ['i8', 'Avslutning', 'closing'],
    ]);
    expect(agendaProblems(agenda)).toEqual([]);
  });
});

describe('an agenda from a template', () => {
  const template = value(
    buildTemplate(
      base,
      {
        opening: [{ title: 'Incheckning', durationMin: 10, kind: 'diskussion' }, ...inputOf(defaults.opening.slice(3))],
        closing: [...inputOf(defaults.closing.slice(0, 2)), { title: 'Laget runt', durationMin: 15, kind: 'diskussion' }, ...inputOf(defaults.closing.slice(2))],
      },
      counter('t'),
    ),
  );

  test('topics go between the opening and the closing items, the first closing item being whatever the template says', () => {
    const agenda = value(addItem(templateAgenda(ref, counter(), template), 'a', { title: 'A', durationMin: 20, kind: 'information' }));
    expect(titles(agenda)).toEqual(['Incheckning', 'Närvaro/deltagarlista', 'Föregående protokoll', 'A', 'Övriga frågor', 'Datum för nästa möte', 'Laget runt', 'Avslutning']);
  });

  test("a template item holds its place but one meeting may drop it; a standard item stays", () => {
    const agenda = value(addItem(templateAgenda(ref, counter(), template), 'a', { title: 'A', durationMin: 20, kind: 'information' }));
    expect(moveItem(agenda, 'i1', 3)).toEqual({ ok: false, problems: [{ code: 'standard_item_fixed', itemId: 'i1' }] });
    expect(moveItem(agenda, 'a', 0)).toEqual({ ok: false, problems: [{ code: 'outside_frame', itemId: 'a' }] });
    const dropped = value(removeItem(agenda, 'i1'));
    expect(titles(dropped)[0]).toBe('Närvaro/deltagarlista');
    expect(agendaProblems(dropped)).toEqual([]);
    expect(removeItem(agenda, 'i2')).toEqual({ ok: false, problems: [{ code: 'standard_item_fixed', itemId: 'i2' }] });
  });

  test('a template item moved among the topics breaks the frame', () => {
    const agenda = value(addItem(templateAgenda(ref, counter(), template), 'a', { title: 'A', durationMin: 20, kind: 'information' }));
    const [first, second, third, topic, ...rest] = agenda.items;
    expect(agendaProblems({ ...agenda, items: [second!, third!, topic!, first!, ...rest] })).toEqual([{ code: 'frame_broken' }]);
  });

  test('an agenda stored before templates (standard items only) is still whole', () => {
    const stored = JSON.parse(JSON.stringify(templateAgenda(ref, counter()))) as Agenda;
    expect(stored.items.some((i) => i.frame)).toBe(false);
    expect(agendaProblems(stored)).toEqual([]);
  });
});

describe('editing a template', () => {
  test('items are tidied and new ones get ids', () => {
    const t = value(buildTemplate(base, { opening: [{ title: '  Mötets   öppnande ', durationMin: 3, kind: 'information', description: 'Rad\r\n' }, ...inputOf(defaults.opening.slice(3))], closing: inputOf(defaults.closing) }, counter('new')));
    expect(t.opening[0]).toEqual({ id: 'new1', title: 'Mötets öppnande', durationMin: 3, kind: 'information', description: 'Rad' });
    expect(t.opening[1]).toMatchObject({ id: 'attendance', standard: 'attendance' });
  });

  test('a standard item cannot be left out, repeated, put in the other part or out of order', () => {
    const cut = buildTemplate(base, { opening: inputOf(defaults.opening.slice(0, 4)), closing: inputOf(defaults.closing) }, counter());
    expect(cut).toEqual({ ok: false, problems: [{ code: 'frame_broken' }] });
    const swapped = buildTemplate(base, { opening: [...inputOf(defaults.opening.slice(0, 3)), ...inputOf(defaults.opening.slice(3)).reverse()], closing: inputOf(defaults.closing) }, counter());
    expect(swapped).toEqual({ ok: false, problems: [{ code: 'frame_broken' }] });
    const moved = buildTemplate(base, { opening: inputOf([...defaults.opening, defaults.closing[0]!]), closing: inputOf(defaults.closing.slice(1)) }, counter());
    expect(moved).toEqual({ ok: false, problems: [{ code: 'frame_broken' }] });
  });

  test('each item is checked against the agenda item limits, at its id', () => {
    const bad = buildTemplate(
      base,
      { opening: [{ id: 'x', title: ' ', durationMin: 0, kind: 'information' }, ...inputOf(defaults.opening.slice(3))], closing: inputOf(defaults.closing) },
      counter(),
    );
    expect(bad).toEqual({ ok: false, problems: [{ code: 'title_required', itemId: 'x' }, { code: 'duration_out_of_range', itemId: 'x' }] });
  });

  test('at most twenty items, each id once', () => {
    const many = Array.from({ length: 16 }, (_, n) => ({ title: `Punkt ${n}`, durationMin: 5, kind: 'information' as const }));
    const tooMany = buildTemplate(base, { opening: [...many, ...inputOf(defaults.opening.slice(3))], closing: inputOf(defaults.closing) }, counter());
    expect(tooMany).toEqual({ ok: false, problems: [{ code: 'template_too_many_items' }] });
    const twice = buildTemplate(base, { opening: [{ id: 'attendance', title: 'X', durationMin: 5, kind: 'information' }, ...inputOf(defaults.opening.slice(3))], closing: inputOf(defaults.closing) }, counter());
    expect(twice).toEqual({ ok: false, problems: [{ code: 'duplicate_item_id', itemId: 'attendance' }] });
  });
});
