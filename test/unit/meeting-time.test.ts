import { meetingHasStarted, meetingStartsAt } from '../../src/domain/meeting';

describe('when a meeting has started', () => {
  const meeting = { date: '2030-07-01', start: '13:00' };
  test("its stored local date and start, in the network's time zone (summer time in Stockholm)", () => {
    expect(meetingStartsAt(meeting, 'Europe/Stockholm').toISOString()).toBe('2030-07-01T11:00:00.000Z');
    expect(meetingHasStarted(meeting, new Date('2030-07-01T10:59:59Z'), 'Europe/Stockholm')).toBe(false);
    expect(meetingHasStarted(meeting, new Date('2030-07-01T11:00:00Z'), 'Europe/Stockholm')).toBe(true);
    expect(meetingHasStarted(meeting, new Date('2030-07-01T11:30:00Z'), 'UTC')).toBe(false);
  });
});
