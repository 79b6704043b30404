/**
 * Dates as old protocols write them: "211203", "220603 Mariestad", "24-05-24", "2022-06-03",
 * "3 december 2021", "Fredag 4/2" (the year from context), and approximate periods ("hösten
 * 2023"). Pure.
 */

export const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;
const MONTH_PREFIX: Record<string, number> = Object.fromEntries(MONTHS_SV.map((m, i) => [m.slice(0, 3), i + 1]));
/** Swedish weekday names, Monday first, as weekdayOf numbers them (0 = Monday). */
export const WEEKDAYS_SV = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

export interface DateHit {
  /** YYYY-MM-DD, when the year is known (written, or taken from `contextYear`). */
  date?: string;
  /** Day and month when the year is not written. */
  day: number;
  month: number;
  /** Whether the year came from context rather than the text. */
  yearFromContext: boolean;
  /** The text as written. */
  raw: string;
  index: number;
  shape: 'yymmdd' | 'yy-mm-dd' | 'iso' | 'words' | 'day-month';
  /** 0 = Monday, when a weekday was written before the date. */
  weekday?: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 0 = Monday. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}

/** Folds the accents OCR damages, for matching words: "Fébruari" → "februari", "lördag" → "lordag". */
function foldWord(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function monthOf(word: string): number | undefined {
  const w = foldWord(word).replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const n = MONTH_PREFIX[w.slice(0, 3)];
  if (n === undefined) return undefined;
  const full = foldWord(MONTHS_SV[n - 1] ?? '');
  // "dec", "dec.", "december", and OCR-damaged full names of the right length.
  return full.startsWith(w) || (w.length === full.length && [...w].filter((c, i) => c !== full[i]).length <= 1) ? n : undefined;
}

function weekdayBefore(text: string, index: number): number | undefined {
  const m = /([A-Za-zÅÄÖåäöéèÉ]+)(?:en)?[\s,]+(?:den\s+)?$/.exec(text.slice(Math.max(0, index - 20), index));
  if (!m) return undefined;
  const w = foldWord(m[1] ?? '').replace(/en$/, '');
  const i = WEEKDAYS_SV.findIndex((d) => foldWord(d) === w || foldWord(d).slice(0, 3) === w);
  return i >= 0 ? i : undefined;
}

const WORD = '[A-Za-zÅÄÖåäöéÉ]';
const PATTERNS: { shape: DateHit['shape']; re: RegExp }[] = [
  { shape: 'iso', re: /(?<![\d-])(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?![\d])/g },
  { shape: 'yy-mm-dd', re: /(?<![\d-])(\d{2})-(\d{2})-(\d{2})(?![\d-])/g },
  { shape: 'words', re: new RegExp(`(?<!\\d)(\\d{1,2})(?::?[ae])?\\s+(${WORD}{3,10}\\.?)(?:\\s+(\\d{4}))?(?!${WORD})`, 'g') },
  { shape: 'day-month', re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?:[/-](\d{2}|\d{4})|\s+(\d{4})(?![\d-]))?(?![\d/])/g },
  { shape: 'day-month', re: /(?<![\d.,-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g },
  { shape: 'yymmdd', re: /(?<![\d.,:/-])(\d{2})(\d{2})(\d{2})(?![\d.,:/%-])/g },
];

/**
 * Every date the text writes, in order of position. A date without a year takes `contextYear`
 * (and says so); when a weekday is written and the context year gives another weekday, the
 * year before or after that gives it is chosen instead.
 */
export function findDates(text: string, contextYear?: number): DateHit[] {
  const hits: DateHit[] = [];
  // Characters already read as part of a date (one flag a character: long texts stay linear).
  const taken = new Uint8Array(text.length);
  const free = (a: number, b: number): boolean => !taken.subarray(a, b).includes(1);
  for (const { shape, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      const raw = m[0];
      if (!free(index, index + raw.length)) continue;
      let year: number | undefined;
      let month: number | undefined;
      let day: number | undefined;
      if (shape === 'iso') [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      else if (shape === 'yy-mm-dd' || shape === 'yymmdd') [year, month, day] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
      else if (shape === 'words') {
        month = monthOf(m[2] ?? '');
        day = Number(m[1]);
        year = m[3] !== undefined ? Number(m[3]) : undefined;
      } else {
        day = Number(m[1]);
        month = Number(m[2]);
        const y = m[3] ?? m[4];
        year = y !== undefined ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : undefined;
      }
      if (month === undefined || day === undefined) continue;
      if (year !== undefined && (year < 1990 || year > 2099)) continue;
      if (!isoDate(year ?? 2000, month, day)) continue;
      // A six-digit number is a date only when it reads as one; "211203" yes, "123456" no.
      const weekday = weekdayBefore(text, index);
      let yearFromContext = false;
      if (year === undefined && contextYear !== undefined) {
        yearFromContext = true;
        year = contextYear;
        if (weekday !== undefined) {
          const fits = [contextYear, contextYear + 1, contextYear - 1].find((y) => {
            const iso = isoDate(y, month, day);
            return iso !== undefined && weekdayOf(iso) === weekday;
          });
          if (fits !== undefined) year = fits;
        }
      }
      const date = year !== undefined ? isoDate(year, month, day) : undefined;
      taken.fill(1, index, index + raw.length);
      hits.push({ ...(date !== undefined ? { date } : {}), day, month, yearFromContext, raw, index, shape, ...(weekday !== undefined ? { weekday } : {}) });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const SEASONS: Record<string, string> = { var: 'våren', host: 'hösten', sommar: 'sommaren', vinter: 'vintern', vt: 'våren', ht: 'hösten' };

/** An approximate period: "hösten 2023", "HT 2023", "vt-22", "december 2021" (a month without a day). */
export function findApproximateDate(text: string): { text: string; raw: string; index: number } | undefined {
  const season = /\b(v[åa]ren|h[öo6é]sten|sommaren|vintern|vt|ht)[\s-]*(\d{4}|\d{2})\b/i.exec(text);
  if (season) {
    const word = foldWord(season[1] ?? '').replace(/en$/, '').replace(/6/g, 'o').replace(/é/g, 'o');
    const y = season[2] ?? '';
    const year = y.length === 2 ? `20${y}` : y;
    const name = SEASONS[word] ?? SEASONS[word.slice(0, 4)] ?? SEASONS[word.slice(0, 2)] ?? (season[1] ?? '').toLowerCase();
    return { text: `${name} ${year}`, raw: season[0], index: season.index };
  }
  const month = new RegExp(`(?<!\\d\\s*)\\b(${WORD}{3,10})\\s+(\\d{4})\\b`, 'g');
  for (const m of text.matchAll(month)) {
    const n = monthOf(m[1] ?? '');
    if (n !== undefined) return { text: `${MONTHS_SV[n - 1]} ${m[2]}`, raw: m[0], index: m.index ?? 0 };
  }
  return undefined;
}

/**
 * The year of an approximate period as a person writes it ("hösten 2023", "VT 22", "vt-22",
 * "december 2021", "2022"): an imported protocol without a date is filed under it. Undefined
 * when no year is given.
 */
export function yearOfPeriod(period: string | undefined): string | undefined {
  if (!period) return undefined;
  const full = /(?<!\d)(19|20)\d{2}(?!\d)/.exec(period)?.[0];
  if (full) return full;
  const short = /\b(?:vt|ht)[\s-]*(\d{2})(?!\d)/i.exec(period)?.[1];
  return short ? `20${short}` : undefined;
}

/** A time "13.00", "13:00", "kl 13", "10³⁰" as HH:MM. */
export function readTime(s: string): string | undefined {
  const sup = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)));
  const m = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(sup.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] !== undefined ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return undefined;
  return `${pad(h)}:${pad(min)}`;
}

/** "kl 13-15", "13.00–15.00", "10³⁰-12⁰⁰", "kl 08.30": start and end. */
export function findTimeRange(text: string): { start?: string; end?: string; raw: string } | undefined {
  const T = '\\d{1,2}(?:[.:]\\d{2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{2})?';
  for (const range of text.matchAll(new RegExp(`(?:kl\\.?\\s*)?(?<![\\d-])(${T})\\s*[-–—]\\s*(${T})(?![\\d/-])`, 'gi'))) {
    if (!/kl/i.test(range[0]) && !/[.:⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(range[0])) continue;
    const start = readTime(range[1] ?? '');
    const end = readTime(range[2] ?? '');
    if (start && end && start < end) return { start, end, raw: range[0] };
  }
  const single = new RegExp(`kl\\.?\\s*(${T})(?![\\d/])`, 'i').exec(text);
  const start = single ? readTime(single[1] ?? '') : undefined;
  return start && single ? { start, raw: single[0] } : undefined;
}
