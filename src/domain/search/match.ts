import type { SearchDocument, SearchPassage } from './document';
import type { PassageHit } from './result';
import type { QueryWord, SearchField, SearchQuery } from './query';
import { tokens, type Token } from './text';

/** For each query term, the indexed terms that count as it (itself, or OCR variants when it is found nowhere). */
export type AcceptedTerms = ReadonlyMap<string, ReadonlySet<string>>;

const SNIPPET = 240;
/** Text whose lower case is its normalised form (no accents but å, ä, ö): the prefilter may trust `includes`. */
const PLAIN = /^[\x00-\x7fåäö]*$/;

function fieldAllows(field: SearchField, p: SearchPassage): boolean {
  if (field === 'decisions') return p.field === 'decision';
  if (field === 'actions') return p.field === 'action';
  return true;
}

const accepts = (accepted: AcceptedTerms, w: QueryWord, t: Token): boolean => t.term === w.term || (accepted.get(w.term)?.has(t.term) ?? false);

/** Where a phrase's words follow one another in a passage's tokens: [start, end) in text. */
function phraseRanges(toks: readonly Token[], phrase: readonly QueryWord[], accepted: AcceptedTerms): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + phrase.length <= toks.length; i++) {
    if (phrase.every((w, k) => accepts(accepted, w, toks[i + k]!))) out.push([toks[i]!.start, toks[i + phrase.length - 1]!.end]);
  }
  return out;
}

function cut(text: string, highlights: [number, number][]): Pick<PassageHit, 'text' | 'highlights'> {
  if (text.length <= SNIPPET) return { text, highlights };
  const first = highlights[0]?.[0] ?? 0;
  let from = Math.max(0, first - SNIPPET / 3);
  const space = text.lastIndexOf(' ', from);
  if (from > 0 && space > 0 && first - space < SNIPPET / 2) from = space + 1;
  const to = Math.min(text.length, from + SNIPPET);
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  const shift = prefix.length - from;
  return {
    text: prefix + text.slice(from, to) + suffix,
    highlights: highlights.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s + shift, e + shift]),
  };
}

/**
 * The passages of a document where the query is found, best first (most of the query's words),
 * or undefined when some word or phrase is found in none of the passages `field` allows.
 */
export function matchDocument(doc: SearchDocument, q: SearchQuery, accepted: AcceptedTerms, field: SearchField): PassageHit[] | undefined {
  // A stem is a prefix of its word, so a passage whose text holds none of the terms is skipped untokenised.
  const terms = [...new Set([...q.words, ...q.phrases.flat()].flatMap((w) => [w.term, ...(accepted.get(w.term) ?? [])]))];
  const mayHold = (text: string): boolean => {
    const lower = text.toLowerCase();
    return PLAIN.test(lower) ? terms.some((t) => lower.includes(t)) : true;
  };
  const found = new Set<number>();
  const wanted = q.words.length + q.phrases.length;
  const hits: { hit: PassageHit; score: number }[] = [];
  for (const p of doc.passages) {
    if (!fieldAllows(field, p) || !mayHold(p.text)) continue;
    const toks = tokens(p.text);
    const ranges: [number, number][] = [];
    let score = 0;
    q.words.forEach((w, i) => {
      const at = toks.filter((t) => accepts(accepted, w, t));
      if (at.length === 0) return;
      found.add(i);
      score++;
      ranges.push(...at.map((t): [number, number] => [t.start, t.end]));
    });
    q.phrases.forEach((phrase, i) => {
      const at = phraseRanges(toks, phrase, accepted);
      if (at.length === 0) return;
      found.add(q.words.length + i);
      score++;
      ranges.push(...at);
    });
    if (score === 0) continue;
    ranges.sort((a, b) => a[0] - b[0]);
    const { itemId, itemNumber, itemTitle, actionId } = p;
    hits.push({
      hit: { field: p.field, ...(itemId ? { itemId } : {}), ...(itemNumber ? { itemNumber } : {}), ...(itemTitle ? { itemTitle } : {}), ...(actionId ? { actionId } : {}), ...cut(p.text, ranges) },
      score,
    });
  }
  if (found.size < wanted) return undefined;
  return hits.sort((a, b) => b.score - a.score).map((h) => h.hit);
}
