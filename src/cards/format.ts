import { weekdayIndex, type Locale, type Meeting } from '../domain/meeting';
import { strings } from './strings';

/** "fredag 4 februari 2022" / "Friday 4 February 2022". */
export function longDate(date: string, locale: Locale): string {
  const s = strings(locale);
  const [y, m, d] = date.split('-').map(Number);
  return `${s.weekdays[weekdayIndex(date)]} ${d} ${s.months[(m ?? 1) - 1]} ${y}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Fredag 4 februari 2022 · 13:00–15:00" */
export function meetingWhen(meeting: Pick<Meeting, 'date' | 'start' | 'end'>, locale: Locale): string {
  return `${capitalise(longDate(meeting.date, locale))} · ${meeting.start}–${meeting.end}`;
}

/** Short title used in confirmations: "IM-nätverket 2022-02-04". */
export function meetingTitle(meeting: Pick<Meeting, 'networkName' | 'date'>): string {
  return `${meeting.networkName} ${meeting.date}`;
}
