import { stemSwedish } from './swedish-stemmer';

/**
 * How text becomes search terms: lower case, å/ä/ö kept as their own letters (Swedish sorts and
 * reads them apart from a and o), other accents dropped (é → e), split on anything not a letter or
 * digit, and each word stemmed (Snowball Swedish). One home for index and query alike.
 */

export interface Token {
  /** The word's term (normalised and stemmed). */
  term: string;
  /** Where the word is in the original text. */
  start: number;
  end: number;
}

const KEEP = new Set(['å', 'ä', 'ö']);

/** Lower case; å, ä, ö kept; other marks dropped (é → e, ü → u). Same length as the input per letter. */
export function normaliseWord(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    if (KEEP.has(ch)) out += ch;
    else out += ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words repeat: their terms are kept (bounded) so a document is not stemmed word by word again. */
const TERMS = new Map<string, string>();
const TERMS_MAX = 50_000;

export function termOf(word: string): string {
  const known = TERMS.get(word);
  if (known !== undefined) return known;
  const w = normaliseWord(word);
  const term = /^\p{N}+$/u.test(w) ? w : stemSwedish(w);
  if (TERMS.size >= TERMS_MAX) TERMS.clear();
  TERMS.set(word, term);
  return term;
}

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    out.push({ term: termOf(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export function termsOf(text: string): string[] {
  return tokens(text).map((t) => t.term);
}

/**
 * Letters OCR mixes up, each way round. Used only for a term found nowhere as typed: a scanned
 * protocol may say "rnöte" or "mote" where the reader typed "möte".
 */
const CONFUSIONS: readonly (readonly [string, string])[] = [
  ['m', 'rn'],
  ['d', 'cl'],
  ['h', 'li'],
  ['l', '1'],
  ['i', 'l'],
  ['o', '0'],
  ['ö', 'o'],
  ['ä', 'a'],
  ['å', 'a'],
  ['e', 'c'],
  ['ii', 'ü'],
  ['u', 'n'],
  ['s', '5'],
];

/** Words one OCR confusion away from `word` (normalised), at most `limit`, without the word itself. */
export function ocrVariants(word: string, limit = 24): string[] {
  const out = new Set<string>();
  for (const [a, b] of CONFUSIONS) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
        out.add(word.slice(0, i) + to + word.slice(i + from.length));
      }
    }
  }
  // Every å/ä/ö lost at once (a scan that read none of the marks).
  const bare = word.replace(/[åä]/g, 'a').replace(/ö/g, 'o');
  if (bare !== word) out.add(bare);
  out.delete(word);
  return [...out].slice(0, limit);
}
