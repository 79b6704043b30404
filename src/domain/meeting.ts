export const MEETING_MODES = ['onsite', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const LIMITS = {
  place: 200,
  teamsLink: 2000,
  name: 200,
  /** A network's name: Teams allows team names of 256 characters. */
  networkName: 256,
} as const;

export interface Person {
  /** Entra object id when Teams gives one, else the Teams user id. */
  id: string;
  name: string;
}

export interface CardRef {
  conversationId: string;
  activityId: string;
}

export type Locale = 'sv' | 'en';

/** What the "ny träff" form decides about a meeting. */
export interface MeetingDetails {
  /** YYYY-MM-DD, local (Europe/Stockholm) date. */
  date: string;
  /** HH:MM */
  start: string;
  end: string;
  place: string;
  mode: MeetingMode;
  teamsLink?: string;
}

/** A meeting as the network's other meetings on its date see it (see meetingDistinction). */
export interface SameDateMeeting {
  id: string;
  start: string;
  place?: string;
}

/**
 * What tells a meeting apart from the network's other meetings on the same date, for its titles
 * (cards, tab, protocol document, archive file name): "" for a lone meeting, so its title stays
 * "IM-nätverket 2022-02-04"; else " kl 13.00" (" at 13.00"), and the place too when the start time
 * is shared or unknown: " kl 13.00 (Skövde)". `sameDate` is the network's meetings on that date
 * (the meeting itself may be among them); callers read it where they load the meeting, from the
 * store's list of the network's meetings from that date, so a title follows the meetings as they
 * are now (a second meeting added or moved later) instead of a flag stored on the meeting.
 */
export function meetingDistinction(meeting: SameDateMeeting, sameDate: readonly SameDateMeeting[], locale: Locale = 'sv'): string {
  const others = sameDate.filter((m) => m.id !== meeting.id);
  if (others.length === 0) return '';
  const time = meeting.start ? ` ${locale === 'en' ? 'at' : 'kl'} ${meeting.start.replace(':', '.')}` : '';
  const needPlace = !meeting.start || others.some((m) => m.start === meeting.start);
  const place = needPlace && meeting.place?.trim() ? ` (${meeting.place.trim()})` : '';
  return `${time}${place}`;
}

export interface Meeting extends MeetingDetails {
  id: string;
  tenantId: string;
  networkId: string;
  networkName: string;
  channelId: string;
  createdBy: Person;
  locale: Locale;
  attendanceClosed: boolean;
  card?: CardRef;
  /** The published agenda's card in the channel, and the version it shows. */
  agendaCard?: CardRef & { version: number };
  /** The minutes' status card in the channel (justering, then the archived protocol). */
  justeringCard?: CardRef;
  createdAt: string;
  /** The date and times it had before it was first moved; gone when moved back (see revisedMeeting). */
  movedFrom?: MeetingTime;
  /** Set when the chair group cancelled it: its cards say "Inställd" and lose their buttons. */
  cancelled?: { at: string; by: Person };
  /** Recorded after it took place, to write its minutes: it never gets a check-in card. */
  recordedAfterwards?: boolean;
  /** An old protocol imported from a file (src/app/imports.ts): its one version is importerat; its minutes are not edited or sent for justering. */
  imported?: boolean;
}

/** When a meeting is: what "Flyttad till …" speaks of. */
export type MeetingTime = Pick<MeetingDetails, 'date' | 'start' | 'end'>;

/** A change of a meeting's life: new details (a move when the date or start changes), or its cancellation. */
export type MeetingRevision = { kind: 'edit'; details: MeetingDetails } | { kind: 'cancel'; at: string; by: Person };

/**
 * The meeting after a revision. Idempotent (Teams retries card actions): the same details again
 * change nothing, and a meeting cancelled stays cancelled as it was first (by whom, when); a
 * cancelled meeting is not edited. A move keeps the time first planned in `movedFrom`, so the
 * cards say "Flyttad till …" however often it moves, and forget it when it moves back.
 */
export function revisedMeeting(meeting: Meeting, revision: MeetingRevision): Meeting {
  if (meeting.cancelled) return meeting;
  if (revision.kind === 'cancel') return { ...meeting, cancelled: { at: revision.at, by: revision.by } };
  const d = revision.details;
  const { teamsLink: _link, movedFrom: _from, ...rest } = meeting;
  const moved = d.date !== meeting.date || d.start !== meeting.start;
  const from = moved ? (meeting.movedFrom ?? { date: meeting.date, start: meeting.start, end: meeting.end }) : meeting.movedFrom;
  const back = from && from.date === d.date && from.start === d.start;
  return {
    ...rest,
    date: d.date,
    start: d.start,
    end: d.end,
    place: d.place,
    mode: d.mode,
    ...(d.teamsLink ? { teamsLink: d.teamsLink } : {}),
    ...(from && !back ? { movedFrom: from } : {}),
  };
}

/** Whether a meeting is past its date: recorded afterwards, or its date gone by (`today` local). */
export function isPastMeeting(meeting: Pick<Meeting, 'date'>, today: string): boolean {
  return meeting.date < today;
}

export type MeetingField = 'date' | 'start' | 'end' | 'place' | 'mode' | 'teamsLink';

export type MeetingFieldError =
  | 'required'
  | 'invalid_date'
  | 'date_in_past'
  | 'invalid_time'
  | 'end_before_start'
  | 'invalid_mode'
  | 'invalid_link'
  | 'too_long';

export interface MeetingFormValues {
  date: string;
  start: string;
  end: string;
  place: string;
  mode: string;
  teamsLink: string;
}


export type FormResult =
  | { ok: true; value: MeetingDetails }
  | { ok: false; errors: Partial<Record<MeetingField, MeetingFieldError>> };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** HH:MM (seconds, which some clients add, are dropped) or undefined. */
export function normaliseTime(s: string): string | undefined {
  const m = TIME_RE.exec(s.trim());
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/**
 * Validates the "ny träff" form. `today` is YYYY-MM-DD in the network's time zone. A date before
 * today is refused (`date_in_past`) unless `allowPast`: a meeting that already happened, recorded
 * after a confirmation to write its minutes, or an edit of one.
 */
export function validateMeetingForm(v: MeetingFormValues, today: string, opts: { allowPast?: boolean } = {}): FormResult {
  const errors: Partial<Record<MeetingField, MeetingFieldError>> = {};
  const date = v.date.trim();
  if (!date) errors.date = 'required';
  else if (!isValidDate(date)) errors.date = 'invalid_date';
  else if (date < today && !opts.allowPast) errors.date = 'date_in_past';

  const start = v.start.trim() ? normaliseTime(v.start) : undefined;
  const end = v.end.trim() ? normaliseTime(v.end) : undefined;
  if (!v.start.trim()) errors.start = 'required';
  else if (!start) errors.start = 'invalid_time';
  if (!v.end.trim()) errors.end = 'required';
  else if (!end) errors.end = 'invalid_time';
  else if (start && end <= start) errors.end = 'end_before_start';

  const mode = (MEETING_MODES as readonly string[]).includes(v.mode) ? (v.mode as MeetingMode) : undefined;
  if (!v.mode.trim()) errors.mode = 'required';
  else if (!mode) errors.mode = 'invalid_mode';

  const place = v.place.trim();
  if (place.length > LIMITS.place) errors.place = 'too_long';
  else if (!place && mode !== 'online') errors.place = 'required';

  const link = v.teamsLink.trim();
  if (link.length > LIMITS.teamsLink) errors.teamsLink = 'too_long';
  else if (link && !isHttpsUrl(link)) errors.teamsLink = 'invalid_link';

  if (Object.keys(errors).length > 0 || !start || !end || !mode) return { ok: false, errors };
  return { ok: true, value: { date, start, end, place, mode, ...(link ? { teamsLink: link } : {}) } };
}

/** Whether a link is an https URL (the only links a meeting or a protocol carries). */
export function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** 0 = Monday … 6 = Sunday for a YYYY-MM-DD date. */
export function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}

/** The instant of a local date and time (HH:MM) in a time zone, as an ISO string. */
export function zonedInstant(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // The zone's offset at that moment, found by formatting the UTC guess in the zone.
  const offsetAt = (ms: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
    const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ms;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first)).toISOString();
}

/** The instant a meeting starts: its stored local date and start in the network's time zone (midnight when no start is known). */
export function meetingStartsAt(meeting: Pick<MeetingDetails, 'date' | 'start'>, timeZone: string): Date {
  return new Date(zonedInstant(meeting.date, meeting.start || '00:00', timeZone));
}

/** Whether the meeting has started at `now` (minutes are sent for justering only then). */
export function meetingHasStarted(meeting: Pick<MeetingDetails, 'date' | 'start'>, now: Date, timeZone: string): boolean {
  return now.getTime() >= meetingStartsAt(meeting, timeZone).getTime();
}

/** Local time at which reminders go out (agenda and justering alike). */
export const REMINDER_TIME = '08:00';

/** YYYY-MM-DD a number of days after a date. */
export function daysAfter(date: string, days: number): string {
  return daysBefore(date, -days);
}

/** YYYY-MM-DD a number of days before a date. */
export function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - days)).toISOString().slice(0, 10);
}
