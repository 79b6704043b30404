/**
 * The one small markup an item's body is written in, and its tree. Pure, no I/O, bundled by the
 * tab too: the tab, the cards, the PDF and the DOCX all render the tree this parser gives, so a
 * body reads the same everywhere.
 *
 *   A paragraph is lines of text; a blank line ends it, a single line break stays a line break.
 *   ## Rubrik           a sub-heading (one to three #, then a space)
 *   * punkt / - punkt   a bulleted list
 *   1. punkt / 1) punkt a numbered list
 *   [text](https://…)   a link; a bare https://… address is a link too
 *
 * Nothing else means anything: HTML is text (a `<b>` prints as the letters `<b>`), a link is
 * only a link when its target is an https address (`[x](javascript:…)` is the text `x`), and
 * control, bidi-override and invisible characters are removed.
 */

export type MarkupInline = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** One line of inline content. */
export type MarkupLine = MarkupInline[];

export type MarkupBlock =
  | { kind: 'heading'; line: MarkupLine }
  | { kind: 'paragraph'; lines: MarkupLine[] }
  | { kind: 'list'; ordered: boolean; items: MarkupLine[] };

const HEADING = /^#{1,3}[ \t]+(.*)$/;
const BULLET = /^[*-][ \t]+(.*)$/;
const NUMBERED = /^\d{1,3}[.)][ \t]+(.*)$/;
/** `[text](target)`, or a bare https address (ending before a space or closing punctuation). */
const LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)|https:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'”’]/g;
/** Controls other than newline and tab, bidi embeddings/overrides/isolates and marks, zero-width space, BOM. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff]/g;

/** Whether a link target is one a protocol may carry: an https URL. */
export function isSafeHref(href: string): boolean {
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The text with the characters the markup never carries removed, and line ends as \n. */
export function cleanMarkup(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(UNSAFE, '').replace(/\t/g, ' ');
}

/** Inline content of one line: text and links. A link to anything but https is its text alone. */
export function parseInline(line: string): MarkupLine {
  const out: MarkupLine = [];
  const push = (inline: MarkupInline): void => {
    const last = out[out.length - 1];
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text;
    else if (inline.text !== '' || inline.kind === 'link') out.push(inline);
  };
  let at = 0;
  for (const m of line.matchAll(LINK)) {
    const index = m.index ?? 0;
    push({ kind: 'text', text: line.slice(at, index) });
    if (m[1] !== undefined) {
      const label = m[1].trim();
      const href = (m[2] ?? '').trim();
      if (isSafeHref(href)) push({ kind: 'link', text: label === '' ? href : label, href });
      else push({ kind: 'text', text: label });
    } else if (isSafeHref(m[0])) push({ kind: 'link', text: m[0], href: m[0] });
    else push({ kind: 'text', text: m[0] });
    at = index + m[0].length;
  }
  push({ kind: 'text', text: line.slice(at) });
  return out;
}

/** The body's tree: blocks in reading order. Empty text gives no blocks. */
export function parseMarkup(source: string): MarkupBlock[] {
  const blocks: MarkupBlock[] = [];
  let paragraph: MarkupLine[] = [];
  let list: { ordered: boolean; items: MarkupLine[] } | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', lines: paragraph });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
    paragraph = [];
    list = undefined;
  };
  for (const raw of cleanMarkup(source).split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', line: parseInline((heading[1] ?? '').trim()) });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(((bullet ?? numbered)?.[1] ?? '').trim()));
    } else {
      if (list) flush();
      paragraph.push(parseInline(line));
    }
  }
  flush();
  return blocks;
}

/** The plain text of a line (links as their text). */
export function lineText(line: MarkupLine): string {
  return line.map((i) => i.text).join('');
}

/** Every link target the source names with `[text](target)` that is not allowed (the save refuses them). */
export function unsafeLinks(source: string): string[] {
  const bad: string[] = [];
  for (const m of cleanMarkup(source).matchAll(LINK)) {
    if (m[1] !== undefined && !isSafeHref((m[2] ?? '').trim())) bad.push(m[2] ?? '');
  }
  return bad;
}
