/** The networks meet in Sweden: the tab shows instants, and measures "today", in Swedish time. */
export const TIME_ZONE = 'Europe/Stockholm';

/** A clock time (hh:mm:ss) in Swedish time, in the reader's locale. */
export function clockTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TIME_ZONE }).format(at);
}
