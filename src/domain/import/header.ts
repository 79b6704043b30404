import type { MinutesKind } from '../minutes-model';
import { findApproximateDate, findDates, findTimeRange, type DateHit } from './dates';
import { fold1, labelOf } from './patterns';
import type { ReadState } from './state';
import type { Line } from './structure';

/** The protocol's head: its title, network, kind, date, time and place, read from the lines before the first item. */
export interface Header {
  titleLine?: string;
  /** The year the meeting is in, as far as the title, the head or the file's name say. */
  contextYear?: number;
  date?: string;
  approximateDate?: string;
  kind: MinutesKind;
  network: string;
  place?: string;
  start?: string;
  end?: string;
  form?: 'online' | 'hybrid';
}

export function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(?<!\d)(20\d{2}|19\d{2})(?!\d)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The lines of the head that are not empty, and the first twelve of them as one text. */
interface Head {
  lines: string[];
  text: string;
  titleLine?: string;
}

export function readHeader(preamble: readonly Line[], state: ReadState): Header {
  const { context } = state;
  const head = headOf(preamble);
  const { titleLine } = head;
  const fileYear = yearOf(context.fileName?.replace(/\d{4}-\d{2}-\d{2}/, (d) => d.slice(0, 4)));
  const contextYear = yearOf(titleLine) ?? yearOf(head.text) ?? fileYear;
  const titleDates = titleLine ? findDates(titleLine, contextYear) : [];
  const { date, approximateDate } = readDate(preamble, head, titleDates, contextYear, fileYear, state);
  const kind: MinutesKind = context.kind ?? (titleLine && /anteckningar/i.test(titleLine) && !/protokoll/i.test(titleLine) ? 'minnesanteckningar' : 'protokoll');
  const named = networkAndPlace(head, titleDates, state);
  const labelled = labelledHead(preamble, titleLine, named.place);
  const { form, place } = formOf(labelled.place, head.text);
  return {
    ...(titleLine !== undefined ? { titleLine } : {}),
    ...(contextYear !== undefined ? { contextYear } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(approximateDate !== undefined ? { approximateDate } : {}),
    kind,
    network: named.network,
    ...(place !== undefined ? { place } : {}),
    ...(labelled.start !== undefined ? { start: labelled.start } : {}),
    ...(labelled.end !== undefined ? { end: labelled.end } : {}),
    ...(form !== undefined ? { form } : {}),
  };
}

/** The title names the record and usually its date; a running page header may name the record too, without a date. */
function headOf(preamble: readonly Line[]): Head {
  const lines = preamble.map((l) => l.text.trim()).filter((t) => t !== '');
  const titled = lines.filter((t) => /protokoll|anteckningar/i.test(fold1(t)) && t.length <= 120);
  const titleLine =
    titled.find((t) => findDates(t).some((h) => h.date !== undefined)) ??
    titled.find((t) => t.split(/\s+/).length > 1) ??
    titled[0] ??
    lines.find((t) => !labelOf(t) && t.length <= 100 && !/^dagordning:?$/i.test(t));
  return { lines, text: lines.slice(0, 12).join('\n'), ...(titleLine !== undefined ? { titleLine } : {}) };
}

/** The meeting's date from the title, a "Datum:" line, the head or the file's name; else an approximate one. Marked when not plainly written. */
function readDate(
  preamble: readonly Line[],
  head: Head,
  titleDates: DateHit[],
  contextYear: number | undefined,
  fileYear: number | undefined,
  state: ReadState,
): { date?: string; approximateDate?: string } {
  const { context, marks } = state;
  const { titleLine } = head;
  const labelled = preamble.map((l) => labelOf(l.text)).find((x) => x?.label === 'date');
  const candidates: { hits: DateHit[]; from: 'title' | 'label' | 'head' | 'file' }[] = [
    { hits: titleDates, from: 'title' },
    { hits: labelled ? findDates(labelled.rest, contextYear) : [], from: 'label' },
    { hits: findDates(head.text, contextYear).filter((h) => h.date && !h.yearFromContext), from: 'head' },
    { hits: context.fileName ? findDates(context.fileName.replace(/[_]/g, ' ')) : [], from: 'file' },
  ];
  for (const c of candidates) {
    const hit = c.hits.find((h) => h.date !== undefined);
    if (!hit) continue;
    if (hit.yearFromContext) marks.add('/date', 'uncertain', 'year_from_context', `Året står inte i protokollet; ${hit.date?.slice(0, 4)} är hämtat ur sammanhanget. Kontrollera datumet.`, hit.raw);
    if (c.from === 'file') marks.add('/date', 'uncertain', 'date_from_file_name', 'Datumet står inte i texten; det är hämtat ur filnamnet. Kontrollera det.', hit.raw);
    if (c.from === 'head') marks.add('/date', 'uncertain', 'date_from_text', 'Datumet är det första som står i protokollets början. Kontrollera att det är mötets datum.', hit.raw);
    return hit.date !== undefined ? { date: hit.date } : {};
  }
  const approx = findApproximateDate([titleLine ?? '', head.text, context.fileName ?? ''].join('\n'));
  const yearOnly = approx ? undefined : fileYear ?? yearOf(titleLine);
  if (!approx && yearOnly !== undefined) {
    marks.add('/date', 'missing', 'approximate_date', `Inget datum står i protokollet; året ${yearOnly} är hämtat ur ${fileYear !== undefined ? 'filnamnet' : 'rubriken'}. Ange mötets datum.`, String(yearOnly));
    return { approximateDate: String(yearOnly) };
  }
  if (approx) {
    marks.add('/date', 'missing', 'approximate_date', `Inget datum står i protokollet, bara en ungefärlig tid (${approx.text}). Ange mötets datum.`, approx.raw);
    return { approximateDate: approx.text };
  }
  marks.add('/date', 'missing', 'no_date', 'Inget datum står i protokollet. Ange mötets datum.');
  return {};
}

/** The network's name before the date in the title (or on the line under a bare "PROTOKOLL"), a place after it. */
function networkAndPlace(head: Head, titleDates: DateHit[], state: ReadState): { network: string; place?: string } {
  const { context, orgs, marks } = state;
  const { titleLine } = head;
  let network = context.networkName ?? '';
  let place: string | undefined;
  if (titleLine) {
    const dateRaw = titleDates[0]?.raw;
    const beforeDate = dateRaw ? titleLine.slice(0, titleLine.indexOf(dateRaw)) : titleLine;
    const afterDate = dateRaw ? titleLine.slice(titleLine.indexOf(dateRaw) + dateRaw.length) : '';
    const named = beforeDate
      .replace(/^(?:justerat\s+)?(?:protokoll|minnesanteckningar|mötesanteckningar|anteckningar)(?:\s+(?:fört|förda))?(?:\s+(?:för|från|vid|av))?(?:\s+(?:möte|mötet|sammanträde|träff|nätverksträff)(?:\s+(?:med|i|för))?)?\s*/i, '')
      .replace(/\b(?:möte|mötet|sammanträde|träff)\s*(?:den)?\s*$/i, '')
      // "IM-nätverket – protokoll 2021-12-03": the record word after the name.
      .replace(/[\s,:–-]*(?:protokoll|minnesanteckningar|mötesanteckningar|anteckningar)(?:\s+(?:från|för|vid))?(?:\s+(?:möte|mötet|träff))?(?:\s+den)?\s*$/i, '')
      .replace(/[,:–-]\s*$/, '')
      .trim();
    if (!network && named && !/^dagordning/i.test(named)) network = named;
    const rest = afterDate.replace(/^[\s,–-]+/, '').replace(/^(?:i|på)\s+/i, '').trim();
    if (rest && /^[A-ZÅÄÖ]/.test(rest) && rest.length <= 60) place = orgs.match(rest)?.name ?? rest;
  }
  // "PROTOKOLL" on a line of its own, the network's name on the next.
  if (!network && titleLine && /^(?:justerat\s+)?(?:protokoll|minnesanteckningar|mötesanteckningar|anteckningar)[:.]?$/i.test(titleLine.trim())) {
    const next = head.lines[head.lines.indexOf(titleLine) + 1];
    if (next && !labelOf(next) && next.length <= 80 && /^[A-ZÅÄÖ]/.test(next) && !/[.!?]$/.test(next)) {
      network = next.replace(/\s+/g, ' ').trim();
      marks.add('/network', 'uncertain', 'network_from_heading', `Nätverkets namn är läst ur raden under rubriken ("${next}"). Kontrollera.`, next);
    }
  }
  if (!network) marks.add('/network', 'missing', 'no_network', 'Nätverkets namn står inte i protokollet. Välj nätverket.');
  return { network, ...(place !== undefined ? { place } : {}) };
}

/** Labelled head lines: "Plats:", "Tid:"; else a time range in the title. */
function labelledHead(preamble: readonly Line[], titleLine: string | undefined, titlePlace: string | undefined): { place?: string; start?: string; end?: string } {
  let place = titlePlace;
  let start: string | undefined;
  let end: string | undefined;
  for (const l of preamble) {
    const lab = labelOf(l.text);
    if (lab?.label === 'place' && lab.rest) place = lab.rest;
    if (lab?.label === 'time' || lab?.label === 'date') {
      const t = findTimeRange(lab.rest);
      if (t) [start, end] = [t.start, t.end];
    }
  }
  if (!start && titleLine) {
    const t = findTimeRange(titleLine);
    if (t) [start, end] = [t.start, t.end];
  }
  return { ...(place !== undefined ? { place } : {}), ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
}

/** "Plats: Teams" is a form, not a place; "Skövde eller via Teams" is both. */
function formOf(written: string | undefined, headText: string): { form?: 'online' | 'hybrid'; place?: string } {
  if (written !== undefined && /^(?:via\s+|i\s+|på\s+)?(?:teams|zoom|digitalt|distans|online|videomöte|teamsmöte)\b\.?$/i.test(written.trim())) return { form: 'online' };
  const place = written !== undefined ? { place: written } : {};
  if (/\b(?:via|i|på)\s+teams\b|digitalt\s+möte|teamsmöte|distansmöte/i.test(headText)) return { form: written ? 'hybrid' : 'online', ...place };
  return place;
}
