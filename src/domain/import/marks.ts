import type { Repair } from './damage';
import type { ReviewMark } from './protokoll';

/** Review marks: what the reader is unsure of or has corrected, for a person to look at. */

export class Marks {
  readonly list: ReviewMark[] = [];
  constructor(private readonly original: string) {}
  add(path: string, level: ReviewMark['level'], reason: string, message: string, original?: string): void {
    const mark: ReviewMark = { path, level, reason, message };
    if (original !== undefined && original !== '') {
      mark.original = original;
      const at = this.original.indexOf(original);
      if (at >= 0) {
        mark.start = at;
        mark.end = at + original.length;
      }
    }
    if (!this.list.some((m) => m.path === path && m.reason === reason)) this.list.push(mark);
  }
}

/**
 * Words left with letters Swedish does not use, where OCR likely misread å, ä or ö ("Overlémning"):
 * nothing known to repair them with, so a person looks. Words that end in é ("idé", "entrén",
 * "idéer") are Swedish as written.
 */
export function unsureWords(text: string, original: string): ReviewMark[] {
  const seen = new Set<string>();
  const marks: ReviewMark[] = [];
  for (const m of text.matchAll(/[A-Za-zÅÄÖåäöéèëêóòôõø]+/g)) {
    const w = m[0];
    if (!/[éèëêóòôõø]/.test(w)) continue;
    if (/[éè](?:n|r|er|erna|ns)?$/i.test(w) || seen.has(w) || w.length < 3) continue;
    seen.add(w);
    const at = original.indexOf(w);
    marks.push({ path: '/text', level: 'uncertain', reason: 'letters_uncertain', message: `"${w}" kan vara feltolkat (å, ä eller ö lästa som andra tecken). Kontrollera stavningen.`, original: w, ...(at >= 0 ? { start: at, end: at + w.length } : {}) });
    if (marks.length >= 50) break;
  }
  return marks;
}

export function repairMarks(repairs: readonly Repair[], original: string): ReviewMark[] {
  return repairs
    .filter((r) => r.kind === 'letters')
    .slice(0, 50)
    .map((r) => {
      const at = original.indexOf(r.original);
      return {
        path: '/text',
        level: 'corrected' as const,
        reason: 'letters_repaired',
        message: `"${r.original}" är läst som "${r.repaired}".`,
        original: r.original,
        ...(at >= 0 ? { start: at, end: at + r.original.length } : {}),
      };
    });
}
