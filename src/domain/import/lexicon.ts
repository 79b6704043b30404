/**
 * Known words read through OCR damage. A known word (an organisation, a member's name, a word
 * protocols are built from) becomes a pattern in which each letter OCR confuses accepts what it
 * is misread as: "Närvarande" matches "Nérvarande", "Götene" matches "Gétene" and "Gotene",
 * "Kommunalförbund" matches "Kommunalforbund", "i" matches "1" and "l". Everything else must be
 * as written, so "Skara" never matches "Skåre" or a name that merely looks alike. Pure.
 */

const CONFUSED: Record<string, string> = {
  å: 'åaáàâäãeéo0',
  ä: 'äaáàâåãeéèë',
  ö: 'öoóòôø6éèeõ0',
  é: 'éeèëê',
  i: 'i1lí|!',
  l: 'l1iI|',
  o: 'oö0óò',
  a: 'aäåá',
  e: 'eéè',
  u: 'uü',
};

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function classOf(c: string): string {
  const lower = c.toLowerCase();
  const set = CONFUSED[lower];
  if (!set) return c === ' ' ? '\\s+' : escapeChar(c);
  const chars = new Set<string>();
  for (const x of set) {
    chars.add(x);
    chars.add(x.toUpperCase());
  }
  return `[${[...chars].map(escapeChar).join('')}]`;
}

/** The damage-tolerant pattern of a word (no anchors, case-insensitive). */
export function tolerantPattern(word: string): string {
  return [...word].map(classOf).join('');
}

/** Lower case, accents and OCR look-alikes folded: "Gétene" and "Götene" → "gotene". For comparing, never for display. */
export function foldOcr(s: string): string {
  return s
    .toLowerCase()
    .replace(/[6]/g, 'o')
    .replace(/[1|]/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ø]/g, 'o')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Lexicon {
  /** The known form of a word as written (damaged or not), or undefined. */
  lookup(written: string): string | undefined;
  words: readonly string[];
}

/**
 * A lexicon of known words. A written word matches a known word when it fits the known word's
 * tolerant pattern entirely; when it fits more than one known word (two names that only differ
 * in å/ä/ö), it matches none: that is for a person to decide.
 */
export function makeLexicon(words: Iterable<string>): Lexicon {
  const list = [...new Set([...words].filter((w) => w.trim().length >= 2))];
  const byFold = new Map<string, { word: string; re: RegExp }[]>();
  for (const word of list) {
    const key = skeleton(word);
    const entry = { word, re: new RegExp(`^${tolerantPattern(word)}$`, 'i') };
    byFold.set(key, [...(byFold.get(key) ?? []), entry]);
  }
  return {
    words: list,
    lookup(written: string): string | undefined {
      const w = written.trim();
      const exact = list.find((x) => x === w) ?? list.find((x) => x.toLowerCase() === w.toLowerCase());
      if (exact) return exact;
      const hits = (byFold.get(skeleton(w)) ?? []).filter((e) => e.re.test(w));
      // "Kommunalförbund" and "kommunalförbund" are one word.
      const distinct = [...new Map(hits.map((h) => [h.word.toLowerCase(), h.word])).values()];
      return distinct.length === 1 ? distinct[0] : undefined;
    },
  };
}

/** A coarse key that every tolerant match of a word shares: vowels and look-alikes collapse. */
function skeleton(s: string): string {
  return foldOcr(s)
    .replace(/[aeo0]/g, 'a')
    .replace(/[il]/g, 'i')
    .replace(/\s+/g, ' ');
}
