import type { NextMeeting } from '../minutes-model';
import { findDates, findTimeRange } from './dates';
import { NEXT_MEETING_TITLE } from './patterns';
import { sentences } from './structure';

/**
 * Next meetings from an item about them: each date with what follows it on its line as the
 * place, the time range written for them all ("Fredagar kl 13-15"), and the rest as a note.
 */
export function readNextMeetings(lines: readonly string[], year: number | undefined, meetingDate: string | undefined): { meetings: NextMeeting[]; note?: string; yearFromContext: boolean } {
  const meetings: NextMeeting[] = [];
  const notes: string[] = [];
  let shared: { start?: string; end?: string } | undefined;
  let yearFromContext = false;
  for (const raw of lines) {
    const line = raw.trim().replace(/^\*\s+/, '');
    if (line === '') continue;
    if (/^(?:uppdaterat|uppdaterad|reviderat|reviderad|ändrat|senast\s+ändrad)\b/i.test(line)) continue;
    const time = findTimeRange(line);
    const hits = findDates(line, year).filter((h) => h.date !== undefined && (h.shape === 'day-month' || h.shape === 'words' || h.shape === 'iso' || h.shape === 'yy-mm-dd'));
    if (hits.length === 0) {
      if (time) shared = time;
      if (!NEXT_MEETING_TITLE.test(line) || line.split(/\s+/).length > 4) notes.push(line);
      continue;
    }
    if (time && hits.length > 1) shared = time;
    hits.forEach((hit, k) => {
      let d = hit.date ?? '';
      if (hit.yearFromContext) {
        yearFromContext = true;
        if (meetingDate && d <= meetingDate) d = `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
      }
      if (meetingDate && d <= meetingDate) return;
      const after = line.slice(hit.index + hit.raw.length, hits[k + 1]?.index ?? line.length);
      const place = placeOf(after);
      const own = hits.length === 1 ? time : undefined;
      const t = own ?? shared;
      meetings.push({ date: d, ...(t?.start ? { start: t.start } : {}), ...(t?.end ? { end: t.end } : {}), ...(place ? { place } : {}) });
    });
    // Sentences beside the date that say more ("På detta möte är Varas representant sekreterare").
    for (const s of sentences(line)) if (findDates(s, year).length === 0) notes.push(s);
  }
  // A time written after the dates (or before) applies to those without one.
  const fill = shared;
  if (fill) for (const m of meetings) if (!m.start && fill.start) Object.assign(m, { start: fill.start, ...(fill.end ? { end: fill.end } : {}) });
  const note = notes.join('\n').trim();
  return { meetings, ...(note ? { note } : {}), yearFromContext };
}

/** "Falköping", ", Ällebergsgymnasiet Falköping", "kl 08.30 på Rudbecksgymnasiet eller via Teams." → the place. */
export function placeOf(after: string): string | undefined {
  const t = after
    .replace(/\b(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?\s*(?:[-–]\s*\d{1,2}(?:[.:]\d{2})?)?/g, ' ')
    .replace(/^[\s,.:;–-]+/, '')
    .replace(/^(?:p[åa]|i|1|hos|vid)\s+/i, '')
    .replace(/\s+/g, ' ');
  const cut = /^(.*?)(?:\.\s|\.$|$)/.exec(t.trim());
  const place = (cut?.[1] ?? '').replace(/^(?:p[åa]|i|1|hos|vid)\s+/i, '').replace(/[,.;\s]+$/, '').trim();
  if (place === '' || !/^[A-ZÅÄÖÉ]/.test(place) || place.length > 80) return undefined;
  return place;
}

export function dedupeMeetings(ms: NextMeeting[]): NextMeeting[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.date) ? false : (seen.add(m.date), true))).sort((a, b) => a.date.localeCompare(b.date));
}
