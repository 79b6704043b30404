import type { LegacyMinutesContent, LegacyMinutesItem } from './minutes-legacy-model';
import type { LegacyMinutesAttendee } from './minutes-legacy-model';
import { MINUTES_FORMAT, type MinutesAttendee, type MinutesContent, type MinutesContentInput, type MinutesItem, type StoredMinutesContent } from './minutes-model';

export type { LegacyMinutesContent } from './minutes-legacy-model';

/**
 * The one place stored minutes are read into the current shape. Content stored before the
 * protocol model (no `format`) was always a protokoll with numbered items whose meeting had a
 * time, a place and a form; its notes were plain text with "* " bullets, which the markup reads
 * the same. Only reading goes through here: a stored version keeps its text, so its content
 * hash (of the text as stored) stays what it was.
 */
export function currentContent(stored: StoredMinutesContent): MinutesContent {
  if (stored.format === MINUTES_FORMAT) return stored;
  return fromLegacy(stored);
}

/** What a save sends in the older shape: its attendance or items may be left out, as in the current one. */
export type LegacyMinutesContentInput = Omit<LegacyMinutesContent, 'attendees' | 'items'> & Partial<Pick<LegacyMinutesContent, 'attendees' | 'items'>>;

/** A save's content in the current shape, whichever shape it came in. */
export function currentInput(c: MinutesContentInput | LegacyMinutesContentInput): MinutesContentInput {
  if (c.format === MINUTES_FORMAT) return c;
  const { attendees, items, ...rest } = c;
  const { attendees: _a, items: _i, ...head } = fromLegacy({ ...rest, attendees: [], items: [] });
  return { ...head, ...(attendees ? { attendees: attendees.map(attendeeFromLegacy) } : {}), ...(items ? { items: items.map(itemFromLegacy) } : {}) };
}

function attendeeFromLegacy({ municipality, ...a }: LegacyMinutesAttendee): MinutesAttendee {
  return { ...a, organisation: municipality };
}

function fromLegacy(c: LegacyMinutesContent): MinutesContent {
  const m = c.meeting;
  return {
    format: MINUTES_FORMAT,
    kind: 'protokoll',
    numbering: 'numbered',
    networkName: c.networkName,
    meeting: {
      date: m.date,
      start: m.start,
      end: m.end,
      ...(m.place.trim() !== '' ? { place: m.place } : {}),
      mode: m.mode,
      ...(m.teamsLink ? { teamsLink: m.teamsLink } : {}),
    },
    ...(c.secretary ? { secretary: c.secretary } : {}),
    justerare: c.justerare,
    attendees: c.attendees.map(attendeeFromLegacy),
    items: c.items.map(itemFromLegacy),
    nextMeetings: c.nextMeetings,
    ...(c.nextMeetingNote !== undefined ? { nextMeetingNote: c.nextMeetingNote } : {}),
  };
}

function itemFromLegacy(i: LegacyMinutesItem): MinutesItem {
  return {
    id: i.id,
    kind: 'item',
    ...(i.agendaItemId !== undefined ? { agendaItemId: i.agendaItemId } : {}),
    title: i.title,
    presenters: i.presenter ? [i.presenter] : [],
    notes: i.notes,
    questions: [],
    responses: [],
    decisions: i.decisions,
    actions: i.actions.map(({ owner, ...a }) => ({ ...a, owners: [owner] })),
    tabled: i.tabled,
  };
}
