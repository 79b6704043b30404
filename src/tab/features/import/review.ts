import type { ReviewMark } from '../../../domain/import/protokoll';
import type { ImportTabStrings } from './strings';

/** A run of the original text, marked when a review mark points at it. */
export interface Segment {
  text: string;
  mark?: ReviewMark;
}

/**
 * The original text cut at the review marks' spans, for the review screen. A mark's offsets are
 * used when they hold its original text; otherwise its original is looked for in the text (the
 * first place not taken). Overlapping marks: the first one wins; marks without a span are left out.
 */
export function highlightSegments(text: string, marks: readonly ReviewMark[]): Segment[] {
  const spans: { start: number; end: number; mark: ReviewMark }[] = [];
  for (const mark of marks) {
    const original = mark.original;
    if (!original) continue;
    let start = mark.start !== undefined && text.slice(mark.start, mark.end ?? mark.start + original.length) === original ? mark.start : -1;
    for (let from = 0; start < 0; ) {
      const at = text.indexOf(original, from);
      if (at < 0) break;
      if (!spans.some((s) => at < s.end && s.start < at + original.length)) start = at;
      else from = at + 1;
    }
    if (start < 0) continue;
    const end = start + original.length;
    if (spans.some((s) => start < s.end && s.start < end)) continue;
    spans.push({ start, end, mark });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), mark: s.mark });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The marks at a field or inside it ("/attendees/2" holds "/attendees/2/organisation"). */
export function marksAt(marks: readonly ReviewMark[], path: string): ReviewMark[] {
  return marks.filter((m) => m.path === path || m.path.startsWith(`${path}/`));
}

/** A JSON pointer as a person reads it: "/attendees/3/organisation" → "Deltagare 4 · Organisation". */
export function fieldLabel(path: string, t: ImportTabStrings): string {
  const parts = path.split('/').slice(1);
  const words: Record<string, string> = {
    title: t.fields.title,
    date: t.fields.date,
    approximateDate: t.fields.approximateDate,
    place: t.fields.place,
    attendees: t.fields.attendees,
    othersPresent: t.fields.attendees,
    organisation: t.fields.organisation,
    role: t.fields.role,
    name: t.fields.name,
    attendance: t.fields.attendance,
    items: t.fields.items,
    body: t.fields.body,
    decisions: t.fields.decisions,
  };
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && out.length > 0) out[out.length - 1] = `${out[out.length - 1] ?? ''} ${Number(part) + 1}`;
    else out.push(words[part] ?? part);
  }
  return out.join(' · ');
}

/** What an edit does to the marks: the field a person corrected is reviewed (its marks and those inside it go). */
export type MarksChange = (marks: readonly ReviewMark[]) => ReviewMark[];

export const reviewedAt =
  (path: string): MarksChange =>
  (marks) =>
    marks.filter((m) => m.path !== path && !m.path.startsWith(`${path}/`));

/** A row taken out of a list ("/attendees", 3): its marks go, and the marks of the rows after it follow them up one place. */
export const removedAt =
  (list: string, index: number): MarksChange =>
  (marks) =>
    reviewedAt(`${list}/${index}`)(marks).map((m) => {
      const rest = m.path.startsWith(`${list}/`) ? m.path.slice(list.length + 1) : undefined;
      const n = rest === undefined ? NaN : Number(/^\d+/.exec(rest)?.[0]);
      return Number.isInteger(n) && n > index && rest !== undefined ? { ...m, path: `${list}/${n - 1}${rest.slice(String(n).length)}` } : m;
    });
