import { eligibleJusterare, justerareProblems } from '../../src/domain/justerare';
import type { MinutesAttendee, MinutesContent } from '../../src/domain/minutes';

const attendee = (id: string, status: MinutesAttendee['status']): MinutesAttendee => ({ id, name: id, organisation: 'Vara', status, guest: false });
const roles = (justerare: string[], secretary = 'sec'): Pick<MinutesContent, 'secretary' | 'justerare' | 'attendees'> => ({
  secretary: { kind: 'member', memberId: secretary, name: secretary },
  justerare: justerare.map((id) => ({ kind: 'member' as const, memberId: id, name: id })),
  attendees: [attendee('sec', 'onsite'), attendee('onsite', 'onsite'), attendee('online', 'online'), attendee('apologies', 'apologies')],
});

describe('who may be named justerare', () => {
  test('members present on site or online may', () => {
    expect(justerareProblems(roles(['onsite', 'online']))).toEqual([]);
  });

  test('the secretary may not justera their own minutes', () => {
    expect(justerareProblems(roles(['sec']))).toEqual([{ field: 'justerare.0', code: 'justerare_is_secretary' }]);
  });

  test('a member who sent apologies, or is not in the attendance, is refused at their field', () => {
    expect(justerareProblems(roles(['onsite', 'apologies']))).toEqual([{ field: 'justerare.1', code: 'justerare_absent' }]);
    expect(justerareProblems(roles(['nowhere']))).toEqual([{ field: 'justerare.0', code: 'justerare_absent' }]);
  });

  test('a named (non-member) secretary excludes nobody who attended', () => {
    const c = { ...roles(['sec']), secretary: { kind: 'named' as const, name: 'Extern' } };
    expect(justerareProblems(c)).toEqual([]);
  });

  test('the tab is offered those who attended, without the secretary', () => {
    const members = ['sec', 'onsite', 'online', 'apologies', 'nowhere'].map((id) => ({ id }));
    expect(eligibleJusterare(members, roles([])).map((m) => m.id)).toEqual(['onsite', 'online']);
  });
});
