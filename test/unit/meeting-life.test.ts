import { jobStillFor, agendaReminderJobs, overdueCheckJob } from '../../src/app/meeting-reminders';
import { checkinViewOf } from '../../src/app/meetings';
import { checkinCard } from '../../src/cards';
import { agendaCard } from '../../src/cards/agenda-card';
import { meetingFormCard } from '../../src/cards/meeting-form-card';
import { meetingEditCard, pastMeetingRecordedCard } from '../../src/cards/meeting-life';
import { meetingLifeStrings } from '../../src/cards/meeting-life-strings';
import { scheduleItems, templateAgenda } from '../../src/domain/agenda';
import { revisedMeeting, validateMeetingForm, type Meeting, type MeetingDetails } from '../../src/domain/meeting';
import { cardProblems } from '../harness/validate-card';
import { meeting } from '../store/conformance';
import { meetingTabLink } from '../../src/domain/tab-links';
import { LINKS } from './tab-link-settings';

const base: Meeting = meeting('m-1', { teamsLink: 'https://teams.microsoft.com/l/x' });
const details = (over: Partial<MeetingDetails> = {}): MeetingDetails => ({ date: base.date, start: base.start, end: base.end, place: base.place, mode: base.mode, ...over });
const chair = { id: 'chair', name: 'Anna Berg' };

describe('a meeting moved, changed, cancelled (revisedMeeting)', () => {
  test('a new date or start is a move: the time first planned is kept, however often it moves', () => {
    const once = revisedMeeting(base, { kind: 'edit', details: details({ date: '2030-02-11', start: '10:00', end: '12:00' }) });
    expect(once.movedFrom).toEqual({ date: '2030-02-04', start: '13:00', end: '15:00' });
    const twice = revisedMeeting(once, { kind: 'edit', details: details({ date: '2030-02-18', start: '10:00', end: '12:00' }) });
    expect(twice.movedFrom).toEqual({ date: '2030-02-04', start: '13:00', end: '15:00' });
  });

  test('moved back to the time first planned, it is no longer "moved"', () => {
    const moved = revisedMeeting(base, { kind: 'edit', details: details({ date: '2030-02-11' }) });
    expect(revisedMeeting(moved, { kind: 'edit', details: details() }).movedFrom).toBeUndefined();
  });

  test('a new place, end, form or link alone is no move; a link left out is removed', () => {
    const changed = revisedMeeting(base, { kind: 'edit', details: details({ place: 'Skövde', end: '16:00', mode: 'online' }) });
    expect(changed).toMatchObject({ place: 'Skövde', end: '16:00', mode: 'online' });
    expect(changed.movedFrom).toBeUndefined();
    expect(changed.teamsLink).toBeUndefined();
  });

  test('the same details again change nothing (a retried invoke)', () => {
    const once = revisedMeeting(base, { kind: 'edit', details: details({ date: '2030-02-11', teamsLink: 'https://teams.microsoft.com/l/x' }) });
    expect(revisedMeeting(once, { kind: 'edit', details: details({ date: '2030-02-11', teamsLink: 'https://teams.microsoft.com/l/x' }) })).toEqual(once);
  });

  test('cancelled once, by the first who did; a cancelled meeting is not edited', () => {
    const cancelled = revisedMeeting(base, { kind: 'cancel', at: '2030-01-20T10:00:00.000Z', by: chair });
    expect(cancelled.cancelled).toEqual({ at: '2030-01-20T10:00:00.000Z', by: chair });
    expect(revisedMeeting(cancelled, { kind: 'cancel', at: '2030-01-21T10:00:00.000Z', by: { id: 'x', name: 'X' } })).toBe(cancelled);
    expect(revisedMeeting(cancelled, { kind: 'edit', details: details({ date: '2030-03-01' }) })).toBe(cancelled);
  });
});

describe('a date gone by', () => {
  const values = { date: '2030-01-10', start: '13:00', end: '15:00', place: 'Skara', mode: 'onsite', teamsLink: '' };
  test('is refused, unless a meeting already held is recorded (or a past one corrected)', () => {
    expect(validateMeetingForm(values, '2030-01-20')).toEqual({ ok: false, errors: { date: 'date_in_past' } });
    expect(validateMeetingForm(values, '2030-01-20', { allowPast: true })).toMatchObject({ ok: true, value: { date: '2030-01-10' } });
  });
});

describe('reminders follow the date', () => {
  test('the agenda reminders and the overdue check are reckoned from the meeting date, and are stale after a move or a cancellation', () => {
    const jobs = [...agendaReminderJobs(base, [7, 1], 'Europe/Stockholm'), overdueCheckJob(base, 'Europe/Stockholm')];
    expect(jobs.map((j) => [j.id, j.dueAt, j.forDate])).toEqual([
      ['agenda-reminder/m-1/7', '2030-01-28T07:00:00.000Z', '2030-02-04'],
      ['agenda-reminder/m-1/1', '2030-02-03T07:00:00.000Z', '2030-02-04'],
      ['justering-overdue/m-1', '2030-02-18T07:00:00.000Z', '2030-02-04'],
    ]);
    const job = jobs[0]!;
    expect(jobStillFor(job, base)).toBe(true);
    expect(jobStillFor(job, revisedMeeting(base, { kind: 'edit', details: details({ date: '2030-02-11' }) }))).toBe(false);
    expect(jobStillFor(job, revisedMeeting(base, { kind: 'cancel', at: '2030-01-20T10:00:00.000Z', by: chair }))).toBe(false);
    // A job stored before jobs carried their date is judged by the handler's other checks.
    const { forDate: _d, ...legacy } = job;
    expect(jobStillFor(legacy, base)).toBe(true);
  });
});

describe('the cards of a meeting moved or cancelled', () => {
  const moved = revisedMeeting(base, { kind: 'edit', details: details({ date: '2030-02-11', start: '10:00', end: '12:00' }) });
  const cancelled = revisedMeeting(base, { kind: 'cancel', at: '2030-01-20T10:00:00.000Z', by: chair });
  const agenda = templateAgenda({ tenantId: 't-1', meetingId: 'm-1' }, (() => { let n = 0; return () => `i-${++n}`; })());
  const agendaOf = (m: Meeting, locale: 'sv' | 'en') => {
    const schedule = scheduleItems(agenda, m.start, m.end);
    if (!schedule.ok) throw new Error('no schedule');
    return agendaCard({ meeting: m, agenda: { ...agenda, status: 'published', version: 1 }, schedule: schedule.value, tabUrl: meetingTabLink(LINKS, m, 'agenda') }, locale);
  };

  test.each(['sv', 'en'] as const)('are valid Adaptive Cards in %s, and say what happened', (locale) => {
    const cards = [
      checkinCard(checkinViewOf(moved, []), locale),
      checkinCard(checkinViewOf(cancelled, []), locale),
      agendaOf(moved, locale),
      agendaOf(cancelled, locale),
      checkinCard(checkinViewOf(moved, [], 'p-1'), locale, { done: meetingLifeStrings(locale).changeSaved }),
      checkinCard(checkinViewOf(cancelled, [], 'p-1'), locale, { done: meetingLifeStrings(locale).cancelSaved }),
      meetingEditCard(base, { ...details(), end: '09:00', teamsLink: '' }, { end: 'end_before_start' }, locale),
      meetingFormCard({ formId: 'f-1', values: { date: '2030-01-10' }, errors: { date: 'date_in_past' }, confirmPast: true }, locale),
      pastMeetingRecordedCard(base, meetingTabLink(LINKS, base, 'minutes'), locale),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    const text = (c: object): string => JSON.stringify(c);
    expect(text(cards[0]!)).toContain(locale === 'sv' ? 'Flyttad till Måndag 11 februari 2030 · 10:00–12:00' : 'Moved to Monday 11 February 2030 · 10:00–12:00');
    expect(text(cards[1]!)).toContain(locale === 'sv' ? 'Träffen är inställd av Anna Berg' : 'The meeting was cancelled by Anna Berg');
    expect(text(cards[2]!)).toContain(locale === 'sv' ? 'Flyttad till' : 'Moved to');
    expect(text(cards[3]!)).toContain(locale === 'sv' ? 'Inställd' : 'Cancelled');
    // The clicker's own copy is the check-in card itself, with the receipt: whichever of it and the
    // shared card's update Teams shows last, the card still counts and offers check-in.
    expect(text(cards[4]!)).toContain(locale === 'sv' ? 'Ändringen är sparad.' : 'The change is saved.');
    expect(text(cards[4]!)).toContain(locale === 'sv' ? 'Flyttad till' : 'Moved to');
    expect(text(cards[4]!)).toContain(locale === 'sv' ? '0 på plats' : '0 on site');
    expect(text(cards[5]!)).toContain(locale === 'sv' ? 'Du har ställt in träffen.' : 'You have cancelled the meeting.');
  });

  test('a cancelled meeting\'s cards have no button that acts; the agenda still opens in the tab', () => {
    const verbs = (c: object): string[] => [...JSON.stringify(c).matchAll(/"verb":"([A-Za-z]+)"/g)].map((m) => m[1] ?? '');
    expect(verbs(checkinCard(checkinViewOf(cancelled, []), 'sv'))).toEqual([]);
    expect(verbs(agendaOf(cancelled, 'sv'))).toEqual([]);
    expect(JSON.stringify(agendaOf(cancelled, 'sv'))).toContain('Action.OpenUrl');
    expect(verbs(checkinCard(checkinViewOf(base, []), 'sv'))).toEqual(expect.arrayContaining(['editMeeting', 'cancelMeeting']));
  });
});
