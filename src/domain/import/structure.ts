import { labelOf } from './patterns';

/** The structure of a protocol's text: its items, sentences and bodies. */

export interface Line {
  text: string;
  /** Index in the lines of the repaired text. */
  at: number;
}

export interface RawItem {
  number?: string;
  title: string;
  lines: Line[];
}

/** "Ansvarig: …", "Beslut: …", "Åtgärd: …": a line that is a sentence of its own, with or without a full stop. */
export const LABEL_LINE = /^\s*[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+)?\s*:\s*\S/;

/** Sentences of text whose lines may be wrapped anywhere; a labelled line is a sentence of its own. */
export function sentences(text: string): string[] {
  const segments: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    // A line ending in a web address ends its sentence, full stop or not.
    if (/https?:\/\/\S+$/.test(line.trim())) {
      cur.push(line);
      segments.push(cur.join(' '));
      cur = [];
      continue;
    }
    // A list item, too, is a sentence of its own.
    const bullet = /^\s*\*\s+(.*)$/.exec(line);
    if (LABEL_LINE.test(line) || bullet) {
      if (cur.length) segments.push(cur.join(' '));
      segments.push(bullet ? bullet[1] ?? '' : line);
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) segments.push(cur.join(' '));
  return segments.flatMap((seg) =>
    seg
      .replace(/\s+/g, ' ')
      .split(/(?<=[.!?])\s+(?=["”“]?[A-ZÅÄÖÉ0-9])/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Items: "3. Titel", "3) Titel", "§ 3 Titel", each the next number; or, without numbers, headed sections. */
export function splitItems(source: string[]): { preamble: Line[]; items: RawItem[]; numbering: 'numbered' | 'sections' } {
  const ITEM = /^\s*(?:#{1,3}\s+)?(?:§\s*(\d{1,3})|(?:[Pp]unkt\s+)?(\d{1,2})\s*[.):]|(\d{1,2})(?=\s+[A-ZÅÄÖ*]))\s*(.*)$/;
  // "l. Närvaro", "I. Närvaro": OCR's 1.
  const lines = source.map((l) => l.replace(/^(\s*)[lI|]([.)]\s+[A-ZÅÄÖ])/, '$11$2'));
  // Every line that could be an item; then the longest run 1, 2, 3 … (or § n, n+1 …) through them,
  // so a numbered list inside an item ("1. …", "2. …") is not read as items. Between runs of the
  // same length, the one whose lines look more like headings wins.
  const candidates: { at: number; n: number; title: string; paragraph: boolean; heading: number }[] = [];
  lines.forEach((line, at) => {
    const m = ITEM.exec(line);
    if (!m) return;
    const title = (m[4] ?? '').replace(/^\*+|\*+$/g, '').replace(/^\*(.*)\*$/, '$1').trim();
    if (!/^["“]?[A-ZÅÄÖÉa-zåäö]/.test(title) || /^\d/.test(title)) return;
    const before = at === 0 || (lines[at - 1] ?? '').trim() === '';
    const after = (lines[at + 1] ?? '').trim() === '';
    const heading = (before ? 2 : 0) + (after ? 1 : 0) + (/^\s*#/.test(line) ? 2 : 0) + (title.length <= 80 && !/[.,;]$/.test(title) ? 1 : 0);
    candidates.push({ at, n: Number(m[1] ?? m[2] ?? m[3]), title: title.replace(/\*/g, '').trim(), paragraph: m[1] !== undefined, heading });
  });
  const best = candidates.map(() => ({ length: 0, score: 0, from: -1 }));
  candidates.forEach((c, i) => {
    if (c.paragraph || c.n <= 2) best[i] = { length: 1, score: c.heading, from: -1 };
    for (let j = 0; j < i; j++) {
      const p = candidates[j];
      const b = best[j];
      if (!p || !b || b.length === 0 || p.paragraph !== c.paragraph || c.n !== p.n + 1) continue;
      const length = b.length + 1;
      const score = b.score + c.heading;
      const cur = best[i];
      if (cur && (length > cur.length || (length === cur.length && score > cur.score))) best[i] = { length, score, from: j };
    }
  });
  let end = -1;
  best.forEach((b, i) => {
    const e = best[end];
    if (b.length > 0 && (!e || b.length > e.length || (b.length === e.length && b.score > e.score))) end = i;
  });
  const found: { at: number; n: number; title: string }[] = [];
  for (let i = end; i >= 0; i = best[i]?.from ?? -1) {
    const c = candidates[i];
    if (c) found.unshift(c);
  }
  if (found.length >= 2) {
    const items = found.map((f, i) => ({
      number: String(f.n),
      title: f.title.replace(/[:.]$/, '').trim(),
      lines: lines.slice(f.at + 1, found[i + 1]?.at ?? lines.length).map((text, k) => ({ text, at: f.at + 1 + k })),
    }));
    return { preamble: lines.slice(0, found[0]?.at ?? 0).map((text, at) => ({ text, at })), items, numbering: 'numbered' };
  }
  // Headed sections: "## Rubrik" (from a Word heading), or a short line without a full stop after a blank line.
  const heads: number[] = [];
  lines.forEach((line, at) => {
    const t = line.trim();
    if (/^#{1,3}\s+\S/.test(t)) heads.push(at);
  });
  if (heads.length < 2) {
    heads.length = 0;
    lines.forEach((line, at) => {
      const t = line.trim();
      const before = at === 0 || (lines[at - 1] ?? '').trim() === '';
      const after = (lines[at + 1] ?? '').trim();
      if (before && at > 0 && t.length >= 3 && t.length <= 60 && /^[A-ZÅÄÖ]/.test(t) && !/[.,;]$/.test(t) && !labelOf(t) && after !== '' && !/^\*/.test(t) && t.split(/\s+/).length <= 8) heads.push(at);
    });
  }
  if (heads.length >= 2) {
    const items = heads.map((at, i) => ({
      title: (lines[at] ?? '').replace(/^#{1,3}\s+/, '').replace(/[:]$/, '').trim(),
      lines: lines.slice(at + 1, heads[i + 1] ?? lines.length).map((text, k) => ({ text, at: at + 1 + k })),
    }));
    return { preamble: lines.slice(0, heads[0] ?? 0).map((text, at) => ({ text, at })), items, numbering: 'sections' };
  }
  return { preamble: lines.map((text, at) => ({ text, at })), items: [], numbering: 'sections' };
}

/** The body as markup: a PDF's blank line between every line is not a paragraph break. */
export function bodyOf(lines: readonly Line[]): string {
  const out: string[] = [];
  for (const { text } of lines) {
    const t = text.trim().replace(/^#{1,3}\s+/, '## ');
    if (t === '') {
      if (out[out.length - 1] !== '') out.push('');
      continue;
    }
    const prev = out[out.length - 1];
    const beforePrev = out[out.length - 2];
    // Joined back to the line before a blank when that line ended mid-sentence and this one goes on in lower case.
    if (prev === '' && beforePrev !== undefined && !/[.!?:]$/.test(beforePrev) && /^[a-zåäö]/.test(t) && !beforePrev.startsWith('* ')) {
      out.pop();
      out[out.length - 1] = `${beforePrev} ${t}`;
      continue;
    }
    out.push(t);
  }
  while (out[out.length - 1] === '') out.pop();
  while (out[0] === '') out.shift();
  return out.join('\n');
}
