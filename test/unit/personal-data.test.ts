import { mentionsOf } from '../../src/domain/personal-data';

describe('where a document mentions a person', () => {
  const doc = {
    secretary: { kind: 'member', memberId: 'u-1', name: 'Åsa Berg' },
    attendees: [
      { id: 'u-2', name: 'Bo Ek' },
      { id: 'u-1', name: 'Åsa Berg' },
    ],
    items: [{ title: 'Statistik', notes: 'Åsa Berg visar siffrorna.', actions: [{ owners: [{ kind: 'member', memberId: 'u-1', name: 'Åsa Berg' }] }] }],
    other: 'u-10',
  };

  test('names each place by its JSON path, with the object that holds it', () => {
    expect(mentionsOf(doc, 'u-1', undefined)).toEqual([
      { path: 'secretary.memberId', value: doc.secretary },
      { path: 'attendees.1.id', value: doc.attendees[1] },
      { path: 'items.0.actions.0.owners.0.memberId', value: doc.items[0]!.actions[0]!.owners[0] },
    ]);
  });

  test('finds the name in free text too; an id matches only whole (u-10 is not u-1)', () => {
    const paths = mentionsOf(doc, 'u-1', 'Åsa Berg').map((m) => m.path);
    expect(paths).toContain('items.0.notes');
    expect(paths).toContain('secretary.name');
    expect(paths).not.toContain('other');
  });

  test('a name too short to tell anyone apart is not searched for', () => {
    expect(mentionsOf({ notes: 'Bo Ek och Bo Ström' }, 'x', 'Bo')).toEqual([]);
    expect(mentionsOf('u-1', 'u-1', undefined)).toEqual([{ path: '', value: 'u-1' }]);
  });
});
