import { lineText, parseMarkup } from '../markup';
import { currentContent, ownersText, type MinutesVersion } from '../minutes';
import type { PassageField } from './result';
import { termsOf } from './text';

export interface SearchPassage {
  field: PassageField;
  text: string;
  /** The item it is in (absent for the protocol's head: attendees, place). */
  itemId?: string;
  /** The item's place, 1-based, as the protocol numbers it. */
  itemNumber?: number;
  itemTitle?: string;
  /** An action item's id (to tell open from done). */
  actionId?: string;
}

/**
 * One approved protocol as the search index holds it: one per meeting (its latest justerad
 * version), with what the filters need and the text split into passages.
 */
export interface SearchDocument {
  tenantId: string;
  networkId: string;
  meetingId: string;
  version: number;
  /** YYYY-MM-DD */
  date: string;
  year: number;
  title: string;
  /** An imported protocol (importerat, never justerat in Justera). */
  imported?: true;
  /** The attendees' organisations, as written. */
  organisations: string[];
  /** Everyone the protocol names: attendees, chair, secretary, justerare, action owners. */
  people: { id?: string; name: string }[];
  passages: SearchPassage[];
}

function markupText(source: string): string {
  return parseMarkup(source)
    .flatMap((b) => (b.kind === 'heading' ? [b.line] : b.kind === 'paragraph' ? b.lines : b.items))
    .map(lineText)
    .join('\n');
}

export function searchDocumentOf(v: MinutesVersion, title: string): SearchDocument {
  const c = currentContent(v.content);
  const people = new Map<string, { id?: string; name: string }>();
  const person = (name: string, id?: string): void => {
    if (name.trim() === '') return;
    const k = id ?? name;
    if (!people.has(k)) people.set(k, { ...(id ? { id } : {}), name });
  };
  for (const a of c.attendees) person(a.name, a.id);
  for (const p of [c.chair, c.secretary, ...c.justerare]) if (p) person(p.name, p.kind === 'member' ? p.memberId : undefined);
  const passages: SearchPassage[] = [];
  const head = [c.meeting.place, ...c.attendees.map((a) => [a.name, a.organisation, a.role].filter(Boolean).join(' '))].filter((s): s is string => !!s);
  if (head.length > 0) passages.push({ field: 'header', text: head.join(', ') });
  c.items.forEach((item, i) => {
    const at = { itemId: item.id, itemNumber: i + 1, itemTitle: item.title };
    passages.push({ field: 'title', text: item.title, ...at });
    const notes = markupText(item.notes);
    for (const para of notes.split(/\n+/)) if (para.trim()) passages.push({ field: 'notes', text: para, ...at });
    for (const q of item.questions) passages.push({ field: 'round', text: q, ...at });
    for (const r of item.responses) passages.push({ field: 'round', text: `${r.speaker}: ${r.text}`, ...at });
    for (const d of item.decisions) passages.push({ field: 'decision', text: d, ...at });
    for (const a of item.actions) {
      passages.push({ field: 'action', text: `${a.text} (${ownersText(a.owners)})`, actionId: a.id, ...at });
      for (const o of a.owners) {
        if (o.kind === 'group') o.members.forEach((m) => person(m.name, m.memberId));
        else if (o.kind !== 'role') person(o.name, o.kind === 'member' ? o.memberId : undefined);
      }
    }
  });
  return {
    tenantId: v.tenantId,
    networkId: v.networkId,
    meetingId: v.meetingId,
    version: v.number,
    date: c.meeting.date,
    year: Number(c.meeting.date.slice(0, 4)),
    title,
    ...(v.state === 'imported' ? { imported: true as const } : {}),
    organisations: [...new Set(c.attendees.map((a) => a.organisation).filter((o) => o !== ''))],
    people: [...people.values()],
    passages,
  };
}

/** Longer "words" (a pasted hash, a run of digits) are not indexed: no one searches them, and a key has a size limit. */
export const MAX_TERM_LENGTH = 64;

/** The distinct terms a document holds: the index's postings for it. */
export function documentTerms(doc: SearchDocument): string[] {
  return [...new Set(doc.passages.flatMap((p) => termsOf(p.text)).filter((t) => t.length <= MAX_TERM_LENGTH))];
}
