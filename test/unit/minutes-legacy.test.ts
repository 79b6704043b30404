import { contentHash, currentContent, minutesProblems, MINUTES_FORMAT } from '../../src/domain/minutes';
import { currentInput } from '../../src/domain/minutes-legacy';
import { imNatverket20211203Legacy } from '../fixtures/minutes';

/** Minutes stored before the protocol model are read into the current shape in one place, and keep their hash. */
describe('minutes stored in the older shape', () => {
  const legacy = imNatverket20211203Legacy;

  test('read as a numbered protokoll: organisation from municipality, one presenter, one owner, no rounds', () => {
    const c = currentContent(legacy);
    expect(c).toMatchObject({ format: MINUTES_FORMAT, kind: 'protokoll', numbering: 'numbered', networkName: legacy.networkName, justerare: legacy.justerare });
    expect(c.meeting).toEqual({ date: legacy.meeting.date, start: legacy.meeting.start, end: legacy.meeting.end, place: legacy.meeting.place, mode: legacy.meeting.mode });
    expect(c.attendees.map((a) => [a.name, a.organisation, a.status])).toEqual(legacy.attendees.map((a) => [a.name, a.municipality, a.status]));
    legacy.items.forEach((old, i) => {
      const item = c.items[i]!;
      expect(item).toMatchObject({ id: old.id, kind: 'item', title: old.title, notes: old.notes, decisions: old.decisions, tabled: old.tabled, questions: [], responses: [] });
      expect(item.presenters).toEqual(old.presenter ? [old.presenter] : []);
      expect(item.actions.map((a) => a.owners)).toEqual(old.actions.map((a) => [a.owner]));
    });
    expect(minutesProblems(c)).toEqual([]);
  });

  test('the hash is of the content as stored: the same as before the protocol model, and not that of the current reading', () => {
    // The SHA-256 the service gave this content before the protocol model (computed on the main branch).
    expect(contentHash(legacy)).toBe('ecfe6a8b905d658545bb3c7eb3d6f596c869170a3198b1978620b3e3fe8b42c9');
    expect(contentHash(currentContent(legacy))).not.toBe(contentHash(legacy));
  });

  test('current content is read as it is; a save in the older shape (a tab not yet reloaded) is read into the current one', () => {
    const c = currentContent(legacy);
    expect(currentContent(c)).toBe(c);
    const { attendees: _a, ...withoutAttendance } = legacy;
    const input = currentInput(withoutAttendance);
    expect(input.attendees).toBeUndefined();
    expect(input.items).toEqual(c.items);
    expect(input.format).toBe(MINUTES_FORMAT);
  });
});
