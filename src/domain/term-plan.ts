import { isValidDate, weekdayIndex, type MeetingMode } from './meeting';

/**
 * Reads a term's meeting plan as the networks write it, into meeting drafts. Pure, no I/O.
 *
 *   "Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad"
 *   "Fredagar kl 13-15, förhoppningsvis på plats\n 4/2 Falköping\n8/4 Karlsborg\n3/6 Mariestad"
 *   "Fredagar 10³⁰-12⁰⁰\n2/9, Ällebergsgymnasiet Falköping\n21/10\n9/12"
 *   "Nästa möte beslutades till den 18/3 kl 08.30 på Rudbecksgymnasiet eller via Teams."
 *
 * A weekday or a time before the first date of a line (or on a line of its own) holds for the
 * dates after it; a time after a date holds for that date only. The text after a date, up to
 * the next date or the end of the sentence, is the place. Dates are d/m, d/m/yy(yy),
 * YYYY-MM-DD or "4 februari"; without a year, the given year, or the first one that puts the
 * date within twelve months from the reference date.
 *
 * The form is read out of the place: "4/2 Falköping digitalt", "8/4 via Teams" are online,
 * "3/6 Mariestad (hybrid)" and "på Rudbecksgymnasiet eller via Teams" (a place or Teams) are
 * hybrid; a meeting without such words is on site.
 */

export interface TermMeetingDraft {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM; absent when the text gives no time (a `time_missing` warning says so). */
  start?: string;
  /** HH:MM; absent when the text gives only a start (`end_missing`). */
  end?: string;
  /** Without the words that give the form ("digitalt", "via Teams", "hybrid"). */
  place: string;
  mode: MeetingMode;
  /** The fragment the draft was read from. */
  source: string;
}

export type TermPlanProblemCode =
  | 'unreadable'
  | 'invalid_date'
  | 'invalid_time'
  | 'weekday_mismatch'
  | 'time_missing'
  | 'end_missing'
  | 'place_missing';

/** Errors lost something from the text; warnings kept the meeting but it needs a look. */
export const TERM_PLAN_SEVERITY: Record<TermPlanProblemCode, 'error' | 'warning'> = {
  unreadable: 'error',
  invalid_date: 'error',
  invalid_time: 'error',
  weekday_mismatch: 'warning',
  time_missing: 'warning',
  end_missing: 'warning',
  place_missing: 'warning',
};

export interface TermPlanProblem {
  code: TermPlanProblemCode;
  severity: 'error' | 'warning';
  /** The offending text, as written. */
  fragment: string;
  /** With `weekday_mismatch`: 0 = Monday … 6 = Sunday. */
  expectedWeekday?: number;
  actualWeekday?: number;
}

export interface TermPlan {
  meetings: TermMeetingDraft[];
  problems: TermPlanProblem[];
}

/** Which year a date without one falls in: a given year, or within 12 months from a date. */
export type YearChoice = { year: number } | { reference: string };

interface Time {
  start: string;
  end?: string;
}

interface Defaults {
  weekday?: number;
  time?: Time;
}

const WEEKDAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
const WEEKDAY_RE = /(?<!\p{L})(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:ar|en)?(?!\p{L})/iu;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTH_NAME = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';
// Groups: 1–3 ISO, 4–6 d/m[/y], 7–9 "4 februari [2022]".
const DATE_RE = new RegExp(
  String.raw`(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)` +
    String.raw`|(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])` +
    String.raw`|(?<![\d/])(\d{1,2})\s+(${MONTH_NAME})\.?(?:\s+(\d{4}))?(?!\p{L})`,
  'giu',
);

const H = String.raw`(\d{1,2})(?:[:.](\d{2}))?`;
const RANGE_RE = new RegExp(String.raw`(?<![\d/:.])(?:\bkl\.?\s*)?${H}\s*[-–—]\s*${H}(?![\d/%]|[:.]\d)`, 'i');
const SINGLE_RE = /(?<![\d/:.])(?:\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?|(\d{1,2})[:.](\d{2}))(?![\d/%]|[:.]\d)/i;

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A line that ends on one of these words goes on at the next line (a PDF's line break). */
const CONTINUES = /(?<!\p{L})(eller|och|samt|via|på|i|vid|hos|till|med)$/iu;

export function parseTermPlan(input: string, when: YearChoice): TermPlan {
  const meetings: TermMeetingDraft[] = [];
  const problems: TermPlanProblem[] = [];
  const report = (code: TermPlanProblemCode, fragment: string, extra: Partial<TermPlanProblem> = {}): void => {
    problems.push({ code, severity: TERM_PLAN_SEVERITY[code], fragment, ...extra });
  };
  const defaults: Defaults = {};

  for (const line of lines(input)) {
    const dates = [...line.matchAll(DATE_RE)];
    const prefix = line.slice(0, dates[0]?.index ?? line.length);
    const header = readTime(prefix, report);
    const weekday = WEEKDAY_RE.exec(prefix);
    if (weekday) defaults.weekday = WEEKDAYS.indexOf((weekday[1] ?? '').toLowerCase());
    if (header) defaults.time = header.time;
    if (dates.length === 0 && !weekday && !header && /\d/.test(line)) report('unreadable', line);

    dates.forEach((match, n) => {
      const token = match[0];
      const from = (match.index ?? 0) + token.length;
      const segment = line.slice(from, dates[n + 1]?.index ?? line.length);
      const date = resolveDate(match, when);
      const source = tidy(`${token}${segment}`);
      if (!date) return report('invalid_date', token);
      const own = readTime(segment, report);
      const time = own?.matched ? own.time : defaults.time;
      const { place, mode } = placeOf(own ? segment.replace(own.matched, ' ') : segment);
      const draft: TermMeetingDraft = { date, place, mode, source, ...(time ? { start: time.start } : {}), ...(time?.end ? { end: time.end } : {}) };
      meetings.push(draft);
      if (!time) report('time_missing', source);
      else if (!time.end) report('end_missing', source);
      if (!place && mode !== 'online') report('place_missing', source); // an online meeting needs none
      const actual = weekdayIndex(date);
      if (defaults.weekday !== undefined && actual !== defaults.weekday) {
        report('weekday_mismatch', source, { expectedWeekday: defaults.weekday, actualWeekday: actual });
      }
    });
  }
  return { meetings, problems };
}

/** Non-empty, trimmed lines, with list numbers ("8. ") gone and broken lines joined again. */
function lines(input: string): string[] {
  const raw = input
    .replace(/(\d)([⁰¹²³⁴⁵⁶⁷⁸⁹]{2})/g, (_, h: string, m: string) => `${h}:${[...m].map((c) => SUPERSCRIPT.indexOf(c)).join('')}`)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  const out: string[] = [];
  for (const line of raw) {
    const last = out[out.length - 1];
    if (last !== undefined && /\p{L}-$/u.test(last)) {
      // "sam-" + "verkan" → "samverkan"; "Anne-" + "Cathrine" keeps its hyphen.
      out[out.length - 1] = /^\p{Ll}/u.test(line) ? `${last.slice(0, -1)}${line}` : `${last}${line}`;
    } else if (last !== undefined && CONTINUES.test(last)) {
      out[out.length - 1] = `${last} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out.map((l) => l.replace(/^\d{1,2}\.\s+/, ''));
}

/** The first time (range or single) in a text; `matched` is the text it was read from. */
function readTime(s: string, report: (code: TermPlanProblemCode, fragment: string) => void): { time?: Time; matched: string } | undefined {
  const range = RANGE_RE.exec(s);
  const m = range ?? SINGLE_RE.exec(s);
  if (!m) return undefined;
  const start = range ? hhmm(m[1], m[2]) : hhmm(m[1] ?? m[3], m[2] ?? m[4]);
  const end = range ? hhmm(m[3], m[4]) : undefined;
  if (!start || (range && (!end || end <= start))) {
    report('invalid_time', m[0].trim());
    return { matched: m[0] };
  }
  return { time: { start, ...(end ? { end } : {}) }, matched: m[0] };
}

function hhmm(h: string | undefined, m: string | undefined): string | undefined {
  const hours = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  if (h === undefined || hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function resolveDate(m: RegExpMatchArray, when: YearChoice): string | undefined {
  const [day, month, year] = m[1] !== undefined
    ? [Number(m[3]), Number(m[2]), m[1]]
    : m[4] !== undefined
      ? [Number(m[4]), Number(m[5]), m[6]]
      : [Number(m[7]), MONTHS.indexOf((m[8] ?? '').toLowerCase().slice(0, 3)) + 1, m[9]];
  const mmdd = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let y: number;
  if (year !== undefined) y = year.length === 2 ? 2000 + Number(year) : Number(year);
  else if ('year' in when) y = when.year;
  else {
    const refYear = Number(when.reference.slice(0, 4));
    y = `${refYear}-${mmdd}` >= when.reference ? refYear : refYear + 1;
  }
  const date = `${y}-${mmdd}`;
  return isValidDate(date) ? date : undefined;
}

const HYBRID_RE = /\(?(?<!\p{L})hybrid(?:t|möte)?(?!\p{L})\)?/giu;
const ONLINE_RE = /\(?(?<!\p{L})(?:(?:via|på|i|över)\s+)?(?:digitalt|digital|(?:ms\s+)?teams)(?!\p{L})\)?/giu;
/** What is left of "på X eller via Teams" once the Teams part is gone: a place, or Teams. */
const ALTERNATIVE_RE = /(?<!\p{L})(eller|och|samt)\s*$|^\s*(eller|och|samt)(?!\p{L})|\+/iu;

/**
 * The place and form after a date: up to the end of its sentence, without "på"/"i", list commas
 * or the words that give the form. "hybrid" is hybrid; "digitalt"/"Teams" is online, or hybrid
 * when offered as an alternative to a place ("på X eller via Teams"); a place it stays beside
 * ("Falköping digitalt") is kept as the host.
 */
function placeOf(segment: string): { place: string; mode: MeetingMode } {
  const text = tidy(segment);
  const hybrid = text.search(HYBRID_RE) >= 0;
  const online = text.search(ONLINE_RE) >= 0;
  const rest = text.replace(HYBRID_RE, ' ').replace(ONLINE_RE, ' ').replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const alternative = ALTERNATIVE_RE.test(rest);
  const place = rest
    .replace(/^[\s,:;–—+-]+/, '')
    .replace(/^(eller|och|samt)\s+/i, '')
    .replace(/(\s+(eller|och|samt))+\s*$/i, '')
    .replace(/[\s,:;–—+-]+$/, '')
    .replace(/^(på|i|hos|vid)\s+/i, '');
  const mode: MeetingMode = hybrid || (online && alternative && place) ? 'hybrid' : online ? 'online' : 'onsite';
  return { place, mode };
}

/** Up to the end of the first sentence ("kl." does not end one), without a trailing "och" or comma. */
function tidy(s: string): string {
  const cut = /(?<!\bkl)\.(\s|$)/i.exec(s);
  return (cut ? s.slice(0, cut.index) : s)
    .replace(/(\s+(och|samt))+\s*$/i, '')
    .replace(/[\s,:;–—-]+$/, '')
    .trim();
}
