/**
 * What a search answers: the one shape the search use case returns, the API sends and the tab
 * shows (no imports beyond this folder's types, so the tab's build can read it).
 */

/** What a passage of a protocol is: where a hit is shown, and what "decisions"/"actions" search. */
export type PassageField = 'header' | 'title' | 'notes' | 'round' | 'decision' | 'action';

/** A passage with hits: its text (cut around the first hit when long) and where the hits are. */
export interface PassageHit {
  field: PassageField;
  itemId?: string;
  itemNumber?: number;
  itemTitle?: string;
  actionId?: string;
  text: string;
  /** [start, end) of each hit in `text`. */
  highlights: [number, number][];
}

export interface SearchResult {
  networkId: string;
  networkName: string;
  meetingId: string;
  version: number;
  date: string;
  title: string;
  /** The passages with hits, best first (at most a few). */
  hits: PassageHit[];
  /** Action items of the protocol not marked done. */
  openActions: number;
  /** An imported protocol: shown as importerat, never as justerat. */
  imported: boolean;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** Protocols holding every word, beyond the ones looked at (at most this many more match). */
  more: number;
  /** Query words found only as OCR variants: what was searched instead. */
  variants: Record<string, string[]>;
}

