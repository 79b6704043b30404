import { capitalise, instantText as instantTextIn, longDate as longDateIn } from '../cards/format';
import { meetingDistinction, type SameDateMeeting } from '../domain/meeting';
import { agendaStrings, type AgendaTabStrings } from './features/agenda/strings';
import { minutesStrings, type MinutesTabStrings } from './features/minutes/strings';
import { meetingsStrings, type MeetingsTabStrings } from './features/meetings/strings';
import { membersStrings, type MembersTabStrings } from './features/members/strings';
import { actionsStrings, type ActionsTabStrings } from './features/actions/strings';
import { searchStrings, type SearchTabStrings } from './features/search/strings';
import { configStrings, type ConfigTabStrings } from './features/config/strings';
import type { ApiMode, ApiStatus } from '../http/api-contract';
import { TIME_ZONE } from './shared/time';

export { capitalise };

/** The tab speaks Swedish, and English when the Teams locale (or the browser's, outside Teams) is English. */
export type Lang = 'sv' | 'en';

export function langFromLocale(locale: string | undefined): Lang {
  return locale?.trim().toLowerCase().startsWith('en') ? 'en' : 'sv';
}

export interface TabStrings extends AgendaTabStrings, MinutesTabStrings, MeetingsTabStrings, MembersTabStrings, ActionsTabStrings, ConfigTabStrings, SearchTabStrings {
  /** The language these strings are in (the dates' and the name lists' too). */
  lang: Lang;
  /** For Accept-Language, so problem details from the API come in the same language. */
  acceptLanguage: string;
  appName: string;
  skipToContent: string;
  starting: string;
  retry: string;
  nav: { label: string; myMeetings: string; channel: string; config: string; sidePanel: string };
  notInTeams: { title: string; body: string };
  notFound: { title: string; body: string };
  columns: { date: string; time: string; network: string; place: string; mode: string; myStatus: string; counts: string };
  meetingsTable: string;
  mode: Record<ApiMode, string>;
  status: Record<ApiStatus | 'none', string>;
  counts(c: Record<ApiStatus, number>): string;
  attendanceClosed: string;
  joinTeams: string;
  opensInNewWindow: string;
  errors: {
    title: string;
    unauthenticatedTitle: string;
    unauthenticated: string;
    forbiddenTitle: string;
    offline: string;
    unexpected(status: number): string;
    ssoTitle: string;
    sso(reason: string): string;
  };
}

const sv: TabStrings = {
  ...agendaStrings.sv,
  ...minutesStrings.sv,
  ...meetingsStrings.sv,
  ...membersStrings.sv,
  ...actionsStrings.sv,
  ...searchStrings.sv,
  ...configStrings.sv,
  lang: 'sv',
  acceptLanguage: 'sv-SE, sv;q=0.9',
  appName: 'Justera',
  skipToContent: 'Hoppa till innehållet',
  starting: 'Startar Justera …',
  retry: 'Försök igen',
  nav: { label: 'Flikar', myMeetings: 'Mina möten', channel: 'Kanalfliken', config: 'Konfiguration', sidePanel: 'Mötets sidopanel' },
  notInTeams: {
    title: 'Öppna Justera i Teams',
    body: 'Den här sidan är en flik i Microsoft Teams och fungerar bara där. Öppna Justera från Teams.',
  },
  notFound: { title: 'Sidan finns inte', body: 'Justera har ingen flik med den här adressen.' },
  columns: {
    date: 'Datum',
    time: 'Tid',
    network: 'Nätverk',
    place: 'Plats',
    mode: 'Form',
    myStatus: 'Min närvaro',
    counts: 'Anmälda',
  },
  meetingsTable: 'Kommande träffar',
  mode: { onsite: 'På plats', online: 'Teams', hybrid: 'Hybrid' },
  status: { onsite: 'På plats', online: 'Digitalt', apologies: 'Förhinder', none: 'Inte incheckad' },
  counts: (c) => `${c.onsite} på plats · ${c.online} digitalt · ${c.apologies} förhinder`,
  attendanceClosed: 'Närvaron är stängd',
  joinTeams: 'Anslut till Teams-mötet',
  opensInNewWindow: '(öppnas i ett nytt fönster)',
  errors: {
    title: 'Det gick inte',
    unauthenticatedTitle: 'Du är inte inloggad',
    unauthenticated:
      'Justera kunde inte bekräfta vem du är. Stäng fliken och öppna den igen. Hjälper inte det, kontakta den som sköter Teams i din kommun.',
    forbiddenTitle: 'Ingen behörighet',
    offline: 'Justera gick inte att nå. Kontrollera anslutningen och försök igen.',
    unexpected: (status) => `Justera svarade med ett oväntat fel (${status}). Försök igen om en stund.`,
    ssoTitle: 'Inloggningen misslyckades',
    sso: (reason) => `Teams kunde inte logga in dig i Justera (${reason}). Stäng fliken och öppna den igen.`,
  },
};

const en: TabStrings = {
  ...agendaStrings.en,
  ...minutesStrings.en,
  ...meetingsStrings.en,
  ...membersStrings.en,
  ...actionsStrings.en,
  ...searchStrings.en,
  ...configStrings.en,
  lang: 'en',
  acceptLanguage: 'en-GB, en;q=0.9',
  appName: 'Justera',
  skipToContent: 'Skip to content',
  starting: 'Starting Justera …',
  retry: 'Try again',
  nav: { label: 'Tabs', myMeetings: 'My meetings', channel: 'Channel tab', config: 'Configuration', sidePanel: 'Meeting side panel' },
  notInTeams: {
    title: 'Open Justera in Teams',
    body: 'This page is a tab in Microsoft Teams and only works there. Open Justera from Teams.',
  },
  notFound: { title: 'Page not found', body: 'Justera has no tab at this address.' },
  columns: {
    date: 'Date',
    time: 'Time',
    network: 'Network',
    place: 'Place',
    mode: 'Format',
    myStatus: 'My attendance',
    counts: 'Registered',
  },
  meetingsTable: 'Upcoming meetings',
  mode: { onsite: 'On site', online: 'Teams', hybrid: 'Hybrid' },
  status: { onsite: 'On site', online: 'Online', apologies: 'Apologies', none: 'Not checked in' },
  counts: (c) => `${c.onsite} on site · ${c.online} online · ${c.apologies} apologies`,
  attendanceClosed: 'Attendance is closed',
  joinTeams: 'Join the Teams meeting',
  opensInNewWindow: '(opens in a new window)',
  errors: {
    title: 'That did not work',
    unauthenticatedTitle: 'You are not signed in',
    unauthenticated:
      "Justera could not confirm who you are. Close the tab and open it again. If that does not help, contact whoever runs Teams in your municipality.",
    forbiddenTitle: 'No access',
    offline: 'Justera could not be reached. Check the connection and try again.',
    unexpected: (status) => `Justera answered with an unexpected error (${status}). Try again in a while.`,
    ssoTitle: 'Sign-in failed',
    sso: (reason) => `Teams could not sign you in to Justera (${reason}). Close the tab and open it again.`,
  },
};

export const STRINGS: Readonly<Record<Lang, TabStrings>> = { sv, en };

export { TIME_ZONE };

/** Whether "YYYY-MM-DD" has a year, a month and a day; else the text is shown as it is. */
function isDate(isoDate: string): boolean {
  const [y, m, d] = isoDate.split('-').map(Number);
  return !!y && !!m && !!d;
}

/** "måndag 4 februari 2030" / "Monday 4 February 2030" from "2030-02-04". */
export function longDate(isoDate: string, s: TabStrings): string {
  return isDate(isoDate) ? longDateIn(isoDate, s.lang) : isoDate;
}

/**
 * "måndag 4 februari 2030", and " kl 13.00" when the same network has another meeting that day
 * among `among` (the list the meeting is shown in; see meetingDistinction).
 */
export function meetingDay(m: SameDateMeeting & { date: string; networkId?: string }, among: readonly (SameDateMeeting & { date: string; networkId?: string; cancelled?: unknown })[], s: TabStrings): string {
  // A cancelled meeting needs no telling apart from the others (it still tells itself apart).
  const sameDate = among.filter((o) => o.date === m.date && o.networkId === m.networkId && (!o.cancelled || o.id === m.id));
  return `${longDate(m.date, s)}${meetingDistinction(m, sameDate, s.lang)}`;
}

/** "Måndag 4 februari 2030, 13:00–15:00, Falköping": a meeting's date, time and place in a line. */
export function meetingLine(m: { date: string; start?: string; end?: string; place?: string }, s: TabStrings): string {
  // Minutes may not know the time or the place: only what is known is shown.
  if (!m.start) return [capitalise(longDate(m.date, s)), m.place].filter(Boolean).join(', ');
  return s.agenda.meeting(capitalise(longDate(m.date, s)), m.start, m.end ?? '', m.place ?? '');
}

/** "13:05:09": the time of day in Sweden, where the networks meet. */

/** "5 februari 2030 kl. 14:03" / "5 February 2030 at 14:03": an instant in Sweden's time. */
export function instantText(iso: string, s: TabStrings): string {
  return instantTextIn(iso, TIME_ZONE, s.lang);
}

/** "Anna, Bo och Cecilia" / "Anna, Bo and Cecilia". */
export function joinNames(names: readonly string[], s: TabStrings): string {
  if (names.length <= 1) return names[0] ?? '';
  const and = s.lang === 'en' ? 'and' : 'och';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1) ?? ''}`;
}

/** "4 februari 2030" from "2030-02-04": the long date without its weekday. */
export function shortDate(isoDate: string, s: TabStrings): string {
  return isDate(isoDate) ? longDateIn(isoDate, s.lang).replace(/^\S+ /, '') : isoDate;
}
