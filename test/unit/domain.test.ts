import { summarizeAttendance, type AttendanceRecord } from '../../src/domain/attendance';
import { localDate, validateMeetingForm, weekdayIndex, type MeetingFormValues } from '../../src/domain/meeting';
import { DEFAULT_MUNICIPALITY_DOMAINS, matchMunicipality, municipalityFromEmail } from '../../src/domain/municipality';
import { membersFromRoster, roleOf, type Member } from '../../src/domain/network';

const map = DEFAULT_MUNICIPALITY_DOMAINS;

describe('municipality from e-mail', () => {
  test.each([
    ['anna@skovde.se', 'Skövde'],
    ['Anna.B@EDU.Falkoping.SE', 'Falköping'],
    ['x@toreboda.se', 'Töreboda'],
    ['x@skaraborg.se', 'Skaraborgs kommunalförbund'],
    ['x@gmail.com', 'okänd'],
    ['no-at-sign', 'okänd'],
    ['x@notskovde.se', 'okänd'],
  ])('%s → %s', (email, expected) => {
    expect(municipalityFromEmail(email, map)).toBe(expected);
  });

  test('a configured domain adds to the defaults', () => {
    expect(municipalityFromEmail('x@vaxjo.se', { ...map, 'vaxjo.se': 'Växjö' })).toBe('Växjö');
  });

  test('a typed correction matches regardless of case and Swedish letters', () => {
    expect(matchMunicipality(' skovde ', map)).toBe('Skövde');
    expect(matchMunicipality('GÖTENE', map)).toBe('Götene');
    expect(matchMunicipality('Stockholm', map)).toBe('Stockholm');
    expect(matchMunicipality('Atlantis', map)).toBeUndefined();
  });
});

describe('roster to members', () => {
  test('keeps a municipality the member corrected by hand', () => {
    const existing: Member[] = [
      { tenantId: 't', networkId: 'n', id: 'a1', teamsUserId: '29:1', name: 'A', email: 'a@gmail.com', municipality: 'Hjo', municipalitySource: 'manual' },
    ];
    const members = membersFromRoster('t', 'n', [
      { aadObjectId: 'a1', teamsUserId: '29:1', name: 'A', email: 'a@gmail.com' },
      { aadObjectId: 'a2', teamsUserId: '29:2', name: 'B', email: 'b@vara.se' },
    ], existing, map);
    expect(members.map((m) => [m.id, m.municipality, m.municipalitySource])).toEqual([
      ['a1', 'Hjo', 'manual'],
      ['a2', 'Vara', 'domain'],
    ]);
  });
});

describe('roles', () => {
  test('a team owner starts as admin, an assigned role wins and survives a new roster', () => {
    const [owner, user] = membersFromRoster('t', 'n', [
      { aadObjectId: 'o', teamsUserId: '29:o', name: 'O', userRole: 'owner' },
      { aadObjectId: 'u', teamsUserId: '29:u', name: 'U', userRole: 'user' },
    ], [], map);
    expect(roleOf(owner!)).toBe('admin');
    expect(roleOf(user!)).toBe('member');
    const again = membersFromRoster('t', 'n', [{ aadObjectId: 'u', teamsUserId: '29:u', name: 'U', userRole: 'user' }], [{ ...user!, role: 'sekreterare' }], map);
    expect(roleOf(again[0]!)).toBe('sekreterare');
  });
});

describe('the new-meeting form', () => {
  const ok: MeetingFormValues = { date: '2026-12-04', start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite', teamsLink: '' };
  const today = '2026-11-22';

  test('accepts a good meeting and normalises seconds away', () => {
    expect(validateMeetingForm({ ...ok, start: '13:00:00' }, today)).toEqual({
      ok: true,
      value: { date: '2026-12-04', start: '13:00', end: '15:00', place: 'Falköping', mode: 'onsite' },
    });
  });

  test.each([
    [{ end: '12:00' }, 'end', 'end_before_start'],
    [{ end: '13:00' }, 'end', 'end_before_start'],
    [{ date: '2026-11-21' }, 'date', 'date_in_past'],
    [{ date: '2026-02-30' }, 'date', 'invalid_date'],
    [{ date: '' }, 'date', 'required'],
    [{ start: '25:00' }, 'start', 'invalid_time'],
    [{ place: '  ' }, 'place', 'required'],
    [{ place: 'x'.repeat(201) }, 'place', 'too_long'],
    [{ mode: 'zoom' }, 'mode', 'invalid_mode'],
    [{ teamsLink: 'http://teams.microsoft.com/x' }, 'teamsLink', 'invalid_link'],
  ])('%j gives %s: %s', (change, field, code) => {
    const r = validateMeetingForm({ ...ok, ...change }, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toBe(code);
  });

  test('today is allowed; an online meeting needs no place', () => {
    expect(validateMeetingForm({ ...ok, date: today }, today).ok).toBe(true);
    expect(validateMeetingForm({ ...ok, place: '', mode: 'online' }, today).ok).toBe(true);
    expect(validateMeetingForm({ ...ok, place: '', mode: 'hybrid' }, today).ok).toBe(false);
  });

  test('local date follows Stockholm, not UTC', () => {
    expect(localDate(new Date('2026-11-22T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-11-23');
    expect(weekdayIndex('2022-02-04')).toBe(4);
  });
});

describe('attendance summary', () => {
  const r = (personId: string, municipality: string, status: AttendanceRecord['status'], guest = false): AttendanceRecord => ({
    tenantId: 't', meetingId: 'm', personId, name: personId, municipality, guest, status, updatedAt: '',
  });

  test('counts, groups by municipality, lists apologies and the unrepresented', () => {
    const s = summarizeAttendance([
      r('Örjan', 'Vara', 'onsite'),
      r('Anna', 'Vara', 'online'),
      r('Bo', 'Essunga', 'apologies'),
      r('Gäst', 'okänd', 'onsite', true),
    ]);
    expect(s.counts).toEqual({ onsite: 2, online: 1, apologies: 1 });
    expect(s.groups).toEqual([{ municipality: 'Vara', people: [{ name: 'Anna', status: 'online', guest: false }, { name: 'Örjan', status: 'onsite', guest: false }] }]);
    expect(s.guests.map((g) => g.name)).toEqual(['Gäst']);
    expect(s.apologies.map((a) => a.name)).toEqual(['Bo']);
    expect(s.missingMunicipalities).toHaveLength(15);
    expect(s.missingMunicipalities).toContain('Skaraborgs kommunalförbund');
    expect(s.missingMunicipalities).toContain('Essunga');
    expect(s.missingMunicipalities).not.toContain('Vara');
  });
});
