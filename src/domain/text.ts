import { LIMITS } from './meeting';

/**
 * One home for text that comes from outside (Teams names, typed fields) and for shortening it.
 * Pure, shared by the service and the tab.
 */

/** C0 and C1 control characters (newline and tab included), and DEL. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * Characters that reorder or hide text: the bidi embeddings and overrides (U+202A–U+202E), the
 * isolates (U+2066–U+2069), the marks (U+200E/F, U+061C), and the zero-width joiner-free
 * invisibles a name never needs (U+200B, U+FEFF).
 */
const BIDI_AND_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\ufeff]/;
const UNSAFE_IN_NAME = new RegExp(`${CONTROLS.source}|${BIDI_AND_INVISIBLE.source}`);
/** The same, for replacing every one (compiled once: names are cleaned on every card action). */
const ALL_CONTROLS = new RegExp(CONTROLS.source, 'g');
const ALL_BIDI_AND_INVISIBLE = new RegExp(BIDI_AND_INVISIBLE.source, 'g');

/** Whether a name holds a control, bidi or invisible character (what `cleanName` removes). */
export function hasUnsafeNameChars(s: string): boolean {
  return UNSAFE_IN_NAME.test(s);
}

/**
 * A name as people should see it: NFC, control characters as spaces, bidi and invisible
 * characters removed, runs of spaces as one, trimmed.
 */
export function cleanName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(ALL_CONTROLS, ' ')
    .replace(ALL_BIDI_AND_INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text for a document: C0/C1 control characters other than newline and tab removed (a PDF font
 * has no glyph for them: they print as boxes), and the bidi overrides and isolates removed.
 */
export function printable(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\u202a-\u202e\u2066-\u2069]/g, '');
}

const ELLIPSIS = '…';

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Whether `s` fits in `units` UTF-16 code units (SharePoint, Windows) and `bytes` UTF-8 bytes (ext4). */
export function fits(s: string, limit: { units: number; bytes?: number }): boolean {
  return s.length <= limit.units && (limit.bytes === undefined || utf8Bytes(s) <= limit.bytes);
}

/**
 * `s` shortened to fit, ending in "…" when cut; never splits a character (grapheme cluster),
 * so an emoji or a letter with its accents stays whole.
 */
export function shorten(s: string, limit: { units: number; bytes?: number }): string {
  if (fits(s, limit)) return s;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    if (!fits(out + segment + ELLIPSIS, limit)) break;
    out += segment;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** A person's, team's or channel's name as Teams gave it, cleaned and shortened once, at intake (a person's to LIMITS.name). */
export function intakeName(raw: string | undefined, max: number = LIMITS.name): string {
  return shorten(cleanName(raw ?? ''), { units: max });
}
