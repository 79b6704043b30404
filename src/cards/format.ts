import { localDate, meetingDistinction, weekdayIndex, type Locale, type Meeting, type SameDateMeeting } from '../domain/meeting';
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
  const key = `${locale} ${meeting.date} ${meeting.start} ${meeting.end}`;
  let when = WHEN.get(key);
  if (when === undefined) {
    when = `${capitalise(longDate(meeting.date, locale))} · ${meeting.start}–${meeting.end}`;
    if (WHEN.size >= 1000) WHEN.clear();
    WHEN.set(key, when);
  }
  return when;
}

/** meetingWhen's texts as made: every card about a meeting (each click's answer in a burst) says it again. */
const WHEN = new Map<string, string>();

/**
 * Short title used in confirmations: "IM-nätverket 2022-02-04", and "IM-nätverket 2022-02-04 kl 13.00"
 * when the network has other meetings that date (see meetingDistinction).
 */
export function meetingTitle(meeting: Pick<Meeting, 'id' | 'networkName' | 'date' | 'start' | 'place'>, sameDate: readonly SameDateMeeting[] = [], locale: Locale = 'sv'): string {
  return `${meeting.networkName} ${meeting.date}${meetingDistinction(meeting, sameDate, locale)}`;
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  if (max <= 0) return '';
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Date and HH:MM of an instant in the network's time zone; undefined for a bad instant. */
export function instantParts(at: string, timeZone: string, locale: Locale): { date: string; time: string } | undefined {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return undefined;
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return { date: longDate(localDate(instant, timeZone), locale), time };
}

/** "4 februari 2022 kl. 10:15" of an instant in the network's time zone. */
export function instantText(at: string, timeZone: string, locale: Locale): string {
  const parts = instantParts(at, timeZone, locale);
  if (!parts) return at;
  const date = parts.date.replace(/^\S+ /, '');
  return locale === 'en' ? `${date} at ${parts.time}` : `${date} kl. ${parts.time}`;
}
