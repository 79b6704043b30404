import { normaliseWord, termOf } from './text';

/** Where a hit may be: anywhere, or only in decisions (beslut) or action items (uppdrag). */
export const SEARCH_FIELDS = ['all', 'decisions', 'actions'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A word of the query: as typed (normalised), and its term. */
export interface QueryWord {
  word: string;
  term: string;
}

/** What a query asks for: every word (and every phrase, its words in order) must be found. */
export interface SearchQuery {
  words: QueryWord[];
  /** "quoted words", each a list of words that must follow one another. */
  phrases: QueryWord[][];
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): QueryWord[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: normaliseWord(m[0]), term: termOf(m[0]) }));
}

/** Parses `protokoll "nästa möte" skolchef`: words outside quotes, phrases inside them. */
export function parseQuery(q: string): SearchQuery {
  const phrases: QueryWord[][] = [];
  let rest = '';
  const parts = q.split('"');
  parts.forEach((part, i) => {
    // Odd parts are inside quotes; an unclosed quote's tail counts as a phrase too.
    if (i % 2 === 1) {
      const words = wordsOf(part);
      if (words.length > 1) phrases.push(words);
      else rest += ` ${part}`;
    } else rest += ` ${part}`;
  });
  return { words: wordsOf(rest), phrases };
}

/** Every distinct term the query needs the index for. */
export function queryTerms(q: SearchQuery): string[] {
  return [...new Set([...q.words, ...q.phrases.flat()].map((w) => w.term))];
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}
