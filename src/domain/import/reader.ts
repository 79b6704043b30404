import { DEFAULT_MEMBER_ORGANISATIONS } from '../municipality';
import type { MinutesContent, MinutesKind, NextMeeting, OwnerRole } from '../minutes-model';
import { repairText, type Repair } from './damage';
import { findApproximateDate, findDates, findTimeRange, type DateHit } from './dates';
import { foldOcr, makeLexicon } from './lexicon';
import { looksLikeName, ORGANISATION_LIKE, organisationsOf, readPeopleList, resolveName, type KnownMember, type ListedPerson, type Organisations } from './people';
import {
  fromInterchange,
  linksOf,
  PROTOKOLL_FORMAT,
  type InterchangeAction,
  type InterchangeAttendance,
  type InterchangeAttendee,
  type InterchangeItem,
  type InterchangeOwner,
  type InterchangeSource,
  type PersonName,
  type ProtokollDocument,
  type ReviewMark,
} from './protokoll';

/**
 * The reader of old protocols: extracted text → a draft in the interchange format, with what is
 * uncertain marked for review. Pure; text extraction (.txt, .docx, .pdf) is at the edge
 * (src/importer). Built for the shapes Swedish network minutes take, not for any one file:
 * numbered or § items, or headed sections; attendance as lists, labelled blocks or a table;
 * decisions, tablings and action items by the words protocols use for them.
 */

export const READER_VERSION = 'justera-reader/1';

export interface ReaderContext {
  /** The network the protocol belongs to (when the secretary imports into one). */
  networkName?: string;
  kind?: MinutesKind;
  /** The network's members: names are matched to them, and their organisation used. */
  members?: readonly KnownMember[];
  /** The cooperation's member organisations (the MEMBER_ORGANISATIONS setting). */
  organisations?: readonly string[];
  /** The file's name: a date or year in it is used when the text has none. */
  fileName?: string;
  source?: InterchangeSource;
}

export interface ImportDraft {
  document: ProtokollDocument;
  /** The protocol model's content of the document (date '' when none was found). */
  content: MinutesContent;
  /** The text after repairs, as it was read. */
  text: string;
  repairs: Repair[];
}

// ---------------------------------------------------------------------------------------------
// Words matched through lost accents: "Bordlaggs", "Nérvarande", "mote" read as the words they are.

const FOLD: Record<string, string> = { ä: 'a', å: 'a', á: 'a', à: 'a', â: 'a', ã: 'a', ö: 'o', ó: 'o', ò: 'o', ô: 'o', ø: 'o', õ: 'o', é: 'e', è: 'e', ë: 'e', ê: 'e', ü: 'u', í: 'i' };

/** Accents folded, one character for one, so offsets stay those of the text. */
function fold1(s: string): string {
  return s.replace(/[äåáàâãöóòôøõéèëêüíÄÅÁÀÂÃÖÓÒÔØÕÉÈËÊÜÍ]/g, (c) => {
    const lower = FOLD[c.toLowerCase()] ?? c;
    return c === c.toLowerCase() ? lower : lower.toUpperCase();
  });
}

/** A pattern written with å, ä, ö that also matches the words with their accents lost or misread. */
class Folded {
  private readonly re: RegExp;
  constructor(re: RegExp) {
    // å, ä and ö in the pattern accept what OCR reads them as (a, e, o, 6); the text is folded the same way.
    let inClass = false;
    let source = '';
    for (const c of re.source) {
      if (c === '[' && !source.endsWith('\\')) inClass = true;
      else if (c === ']' && !source.endsWith('\\')) inClass = false;
      source += /[åäöÅÄÖ]/.test(c) ? (inClass ? 'aeo6' : '[aeo6]') : fold1(c);
    }
    this.re = new RegExp(source, re.flags);
  }
  test(s: string): boolean {
    this.re.lastIndex = 0;
    return this.re.test(fold1(s));
  }
  exec(s: string): RegExpExecArray | null {
    this.re.lastIndex = 0;
    return this.re.exec(fold1(s));
  }
}

// ---------------------------------------------------------------------------------------------
// Words protocols are built from

const KEYWORDS = [
  'närvarande', 'närvaro', 'deltagare', 'deltagarlista', 'förhinder', 'frånvarande', 'ersättare', 'justerare', 'justerar', 'ordförande', 'sekreterare',
  'föregående', 'protokoll', 'protokollet', 'övriga', 'frågor', 'nästa', 'nästkommande', 'avslutning', 'dagordning', 'beslutar', 'beslutade', 'beslutades',
  'bordläggs', 'återkommer', 'återkopplar', 'kommunalförbund', 'kommunalförbundet', 'nätverket', 'nätverksmöte', 'uppföljning', 'utvärdering', 'mötet',
  'möte', 'mötes', 'anmält', 'övrigt', 'öppnande', 'mötets', 'val', 'uppdrag', 'ansvarig', 'förslag', 'skickar', 'följer', 'datum', 'plats', 'tid',
  'säger', 'beslöt', 'beslöts', 'godkändes', 'godkänner', 'fastställdes', 'överens', 'lägger', 'sammanställer', 'förbereder', 'ansvarar', 'kontaktar',
  'undersöker', 'återrapporterar', 'stämmer', 'går', 'berättar', 'föredrar', 'redogör', 'uppdaterat', 'nätverksmöte', 'presidiet', 'ordföranden',
  'sekreteraren', 'arbetsgruppen', 'återkoppling', 'närvarolista', 'frågan', 'vårens', 'höstens', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag',
  'fredagar', 'lördag', 'söndag', 'förmiddag', 'eftermiddag', 'rektor', 'skolchef', 'förvaltningschef', 'utvecklingsledare', 'gymnasiechef',
];

type Label = 'present' | 'online' | 'apologies' | 'absent' | 'substitutes' | 'others' | 'chair' | 'secretary' | 'justerare' | 'date' | 'time' | 'place';

/** "Närvarande:", "Anmält förhinder:", "Ordförande:", … at the start of a line. */
const LABELS: { label: Label; re: Folded }[] = (
  [
  { label: 'online', re: /^(?:närvarande|deltagare|deltog)\s+(?:via|på|i)\s+(?:teams|zoom|länk|distans)|^digitalt\s+närvarande|^på\s+distans|^via\s+teams/i },
  { label: 'others', re: /^(?:övriga\s+närvarande|övriga\s+deltagare|gäster|gäst|inbjudna|inbjuden|adjungerade?|dessutom\s+närvarande)/i },
  { label: 'apologies', re: /^(?:anmält\s+förhinder|anmälda\s+förhinder|förhinder|förhindrade|har\s+anmält\s+förhinder|ej\s+närvarande\s+med\s+anmälan)/i },
  { label: 'absent', re: /^(?:frånvarande|ej\s+närvarande|inte\s+närvarande|saknas)/i },
  { label: 'substitutes', re: /^(?:ersättare|ersättande)/i },
  { label: 'present', re: /^(?:närvarande(?:\s+(?:ledamöter|medlemmar|från\s+nätverket))?|närvaro(?:lista)?|deltagare|deltagarlista|deltog|medverkande|närvarolista)/i },
  { label: 'chair', re: /^(?:mötesordförande|ordförande|ordf\.?|mötets\s+ordförande)/i },
  { label: 'secretary', re: /^(?:sekreterare|sekr\.?|vid\s+protokollet|protokollförare|antecknare|mötessekreterare)/i },
  { label: 'justerare', re: /^(?:justerare|justeras\s+av|att\s+justera|protokollet\s+justeras\s+av|justeringsperson)/i },
  { label: 'date', re: /^(?:datum|mötesdatum|dag)/i },
  { label: 'time', re: /^(?:tid|klockslag)/i },
  { label: 'place', re: /^(?:plats|lokal|mötesplats)/i },
  ] as const
).map(({ label, re }) => ({ label, re: new Folded(re) }));

function labelOf(line: string): { label: Label; rest: string } | undefined {
  const t = line.trim().replace(/^\*\s+/, '');
  for (const { label, re } of LABELS) {
    const m = re.exec(t);
    if (!m) continue;
    const after = t.slice(m[0].length);
    // A label is followed by ":" or the end of the line (a heading), or by a list on the same line.
    const colon = /^\s*[:–-]\s*/.exec(after);
    if (colon) return { label, rest: after.slice(colon[0].length).trim() };
    if (after.trim() === '') return { label, rest: '' };
  }
  return undefined;
}

const ATTENDANCE_TITLE = new Folded(/^(?:närvar|närvaro|deltagar|deltagare|upprop|närvarolista)/i);
const NEXT_MEETING_TITLE = new Folded(/(?:nästa\s+möte|nästkommande\s+möte|kommande\s+möte|datum\s+för|mötesdatum|mötestider|nästa\s+träff|kommande\s+träff|mötesplan|datum\s+och\s+tid)/i);

const ACTION_TABLE_HEADER = new Folded(/^(?:vad|åtgärd|åtgärder|uppdrag|aktivitet|uppgift|beskrivning)\s*(?:\||\s{2,}).*(?:vem|ansvarig|ansvar)/i);
const PRESENTER_LABEL = new Folded(/^(?:föredragande|presentatör|presentation\s+av|dragande)\s*[:–-]\s*/i);
/** Bodies outside the meeting whose decisions and tasks a protocol reports, not records. */
const EXTERNAL_SUBJECT = new Folded(
  /\b(?:regeringen|riksdagen|skolverket|skolinspektionen|kommunfullmäktige|kommunstyrelsen|fullmäktige|nämnden|direktionen|styrelsen|politikerna|politiken|huvudmannen|huvudmännen|kommunen|kommunerna|regionen|staten|myndigheten|skolchefsgruppen|styrgruppen)\s+(?:har\s+)?(?:beslutar|beslutade|beslutat|beslöt|fattade|tog|godkände|fastställde|ska|skall)\b/i,
);
const RESPONSIBLE = new Folded(/^(?:ansvarig|ansvariga|ansvar|uppdrag\s+till|åtgärd\s+av)\s*[:–-]\s*/i);
const NEXT_MEETING_LINE = new Folded(/^(?:nästa|nästkommande)\s+(?:möte|träff|nätverksträff|sammanträde)\s*(?:[:–-]|är|blir|den|äger)/i);
const DECISION = new Folded(/\b(?:beslutar|beslutade|beslutades|beslöts|beslöt|fattade\s+beslut|togs\s+(?:ett\s+)?beslut|tog\s+(?:ett\s+)?beslut|säger\s+ja\s+till|sa\s+ja\s+till|godkänner|godkändes|godkände|godkänns|antogs|fastställdes|fastställer|fastställs|beslutet\s+blir|enades\s+om|enas\s+om|kom\s+överens\s+om)\b|^beslut\s*[:–-]/i);
const NOT_DECISION = new Folded(/\b(?:för\s+beslut|kommer\s+att\s+besluta|ska\s+beslutas|skall\s+beslutas|beslutas\s+(?:under|på|vid|i|senare|av)|krävs\s+beslut|inför\s+beslut|tar\s+(?:ett\s+)?beslut|fatta\s+(?:ett\s+)?beslut|ta\s+(?:ett\s+)?beslut|beslut\s+på\s+(?:högre|annan)|om\s+beslut|inget\s+beslut|väntar\s+på\s+beslut|beslut\s+av\s+implementering)\b/i);
const ROUND_TITLE = new Folded(/^(?:laget\s+runt|incheckning|utcheckning|runda|rundan|kommunrunda|kommunrundan|avstämning\s+laget\s+runt)\b[\s:–-]*/i);
const TABLED = new Folded(/\bbordl[äa](?:gg(?:s|es|er|as|a)?|des|gd|gt|das)\b/i);

/** Verbs by which a protocol gives someone something to do. */
const ACTION_VERB = new Folded(
  /^(?:fick|får|har)\s+(?:i\s+)?uppdrag(?:et)?\b|^(?:återkommer|återkopplar|skickar|mejlar|mailar|bjuder\s+in|lägger\s+upp|sammanställer|tar\s+fram|följer\s+upp|kollar\s+(?:upp|med)|undersöker|kontaktar|bokar|ordnar|förbereder|ansvarar\s+för|tar\s+med\s+sig|tar\s+med|tar\s+(?:ett\s+)?beslut|återrapporterar|stämmer\s+av|skriver\s+ihop|uppdaterar|ser\s+över|tittar\s+på|ska|skall|kommer\s+att|sänder|distribuerar|planerar\s+för|tar\s+kontakt|tar\s+ansvar|utreder|samlar\s+in)\b/i,
);
const PRESENTER_VERB = new Folded(/^(?:presenterar|presenterade|rapporterar|rapporterade|informerar|informerade|berättar|berättade|visar|visade|går\s+igenom|gick\s+igenom|drar\s+igenom|drog\s+igenom|föredrar|redogör|redogjorde|inleder|inledde)\b/i);

/** Subjects that are groups or roles rather than people. */
const GROUP_SUBJECT = new Folded(/^(?:presidiet|presidium|ordföranden|ordförande|sekreteraren|sekreterare|arbetsgruppen(?:\s+för\s+[\wåäöÅÄÖ-]+)?|gruppen|styrgruppen|skolchefsgruppen|varje\s+medlem(?:\s+i\s+nätverket)?|varje\s+kommun|alla\s+kommuner|samtliga\s+kommuner|alla\s+medlemmar|samtliga\s+medlemmar|alla|samtliga|nätverket|var\s+och\s+en|respektive\s+kommun|utbildning\s+skaraborg|kommunalförbundet)$/i);
const ROLE_SUBJECT: Record<string, OwnerRole> = { presidiet: 'presidium', presidium: 'presidium', ordforanden: 'ordforande', ordforande: 'ordforande', sekreteraren: 'sekreterare', sekreterare: 'sekreterare' };

const CONJUNCTIONS = new Set(['och', 'men', 'samt', 'så', 'sedan', 'därefter', 'då', 'även', 'också']);

// ---------------------------------------------------------------------------------------------

interface Line {
  text: string;
  /** Index in the lines of the repaired text. */
  at: number;
}

interface RawItem {
  number?: string;
  title: string;
  lines: Line[];
}

class Marks {
  readonly list: ReviewMark[] = [];
  constructor(private readonly original: string) {}
  add(path: string, level: ReviewMark['level'], reason: string, message: string, original?: string): void {
    const mark: ReviewMark = { path, level, reason, message };
    if (original !== undefined && original !== '') {
      mark.original = original;
      const at = this.original.indexOf(original);
      if (at >= 0) {
        mark.start = at;
        mark.end = at + original.length;
      }
    }
    if (!this.list.some((m) => m.path === path && m.reason === reason)) this.list.push(mark);
  }
}

function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m = /(?<!\d)(20\d{2}|19\d{2})(?!\d)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** "Ansvarig: …", "Beslut: …", "Åtgärd: …": a line that is a sentence of its own, with or without a full stop. */
const LABEL_LINE = /^\s*[A-ZÅÄÖ][a-zåäö]+(?:\s+[a-zåäö]+)?\s*:\s*\S/;

/** Sentences of text whose lines may be wrapped anywhere; a labelled line is a sentence of its own. */
function sentences(text: string): string[] {
  const segments: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    // A line ending in a web address ends its sentence, full stop or not.
    if (/https?:\/\/\S+$/.test(line.trim())) {
      cur.push(line);
      segments.push(cur.join(' '));
      cur = [];
      continue;
    }
    // A list item, too, is a sentence of its own.
    const bullet = /^\s*\*\s+(.*)$/.exec(line);
    if (LABEL_LINE.test(line) || bullet) {
      if (cur.length) segments.push(cur.join(' '));
      segments.push(bullet ? bullet[1] ?? '' : line);
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) segments.push(cur.join(' '));
  return segments.flatMap((seg) =>
    seg
      .replace(/\s+/g, ' ')
      .split(/(?<=[.!?])\s+(?=["”“]?[A-ZÅÄÖÉ0-9])/)
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Items: "3. Titel", "3) Titel", "§ 3 Titel", each the next number; or, without numbers, headed sections. */
function splitItems(source: string[]): { preamble: Line[]; items: RawItem[]; numbering: 'numbered' | 'sections' } {
  const ITEM = /^\s*(?:#{1,3}\s+)?(?:§\s*(\d{1,3})|(?:[Pp]unkt\s+)?(\d{1,2})\s*[.):]|(\d{1,2})(?=\s+[A-ZÅÄÖ*]))\s*(.*)$/;
  // "l. Närvaro", "I. Närvaro": OCR's 1.
  const lines = source.map((l) => l.replace(/^(\s*)[lI|]([.)]\s+[A-ZÅÄÖ])/, '$11$2'));
  // Every line that could be an item; then the longest run 1, 2, 3 … (or § n, n+1 …) through them,
  // so a numbered list inside an item ("1. …", "2. …") is not read as items. Between runs of the
  // same length, the one whose lines look more like headings wins.
  const candidates: { at: number; n: number; title: string; paragraph: boolean; heading: number }[] = [];
  lines.forEach((line, at) => {
    const m = ITEM.exec(line);
    if (!m) return;
    const title = (m[4] ?? '').replace(/^\*+|\*+$/g, '').replace(/^\*(.*)\*$/, '$1').trim();
    if (!/^["“]?[A-ZÅÄÖÉa-zåäö]/.test(title) || /^\d/.test(title)) return;
    const before = at === 0 || (lines[at - 1] ?? '').trim() === '';
    const after = (lines[at + 1] ?? '').trim() === '';
    const heading = (before ? 2 : 0) + (after ? 1 : 0) + (/^\s*#/.test(line) ? 2 : 0) + (title.length <= 80 && !/[.,;]$/.test(title) ? 1 : 0);
    candidates.push({ at, n: Number(m[1] ?? m[2] ?? m[3]), title: title.replace(/\*/g, '').trim(), paragraph: m[1] !== undefined, heading });
  });
  const best = candidates.map(() => ({ length: 0, score: 0, from: -1 }));
  candidates.forEach((c, i) => {
    if (c.paragraph || c.n <= 2) best[i] = { length: 1, score: c.heading, from: -1 };
    for (let j = 0; j < i; j++) {
      const p = candidates[j];
      const b = best[j];
      if (!p || !b || b.length === 0 || p.paragraph !== c.paragraph || c.n !== p.n + 1) continue;
      const length = b.length + 1;
      const score = b.score + c.heading;
      const cur = best[i];
      if (cur && (length > cur.length || (length === cur.length && score > cur.score))) best[i] = { length, score, from: j };
    }
  });
  let end = -1;
  best.forEach((b, i) => {
    const e = best[end];
    if (b.length > 0 && (!e || b.length > e.length || (b.length === e.length && b.score > e.score))) end = i;
  });
  const found: { at: number; n: number; title: string }[] = [];
  for (let i = end; i >= 0; i = best[i]?.from ?? -1) {
    const c = candidates[i];
    if (c) found.unshift(c);
  }
  if (found.length >= 2) {
    const items = found.map((f, i) => ({
      number: String(f.n),
      title: f.title.replace(/[:.]$/, '').trim(),
      lines: lines.slice(f.at + 1, found[i + 1]?.at ?? lines.length).map((text, k) => ({ text, at: f.at + 1 + k })),
    }));
    return { preamble: lines.slice(0, found[0]?.at ?? 0).map((text, at) => ({ text, at })), items, numbering: 'numbered' };
  }
  // Headed sections: "## Rubrik" (from a Word heading), or a short line without a full stop after a blank line.
  const heads: number[] = [];
  lines.forEach((line, at) => {
    const t = line.trim();
    if (/^#{1,3}\s+\S/.test(t)) heads.push(at);
  });
  if (heads.length < 2) {
    heads.length = 0;
    lines.forEach((line, at) => {
      const t = line.trim();
      const before = at === 0 || (lines[at - 1] ?? '').trim() === '';
      const after = (lines[at + 1] ?? '').trim();
      if (before && at > 0 && t.length >= 3 && t.length <= 60 && /^[A-ZÅÄÖ]/.test(t) && !/[.,;]$/.test(t) && !labelOf(t) && after !== '' && !/^\*/.test(t) && t.split(/\s+/).length <= 8) heads.push(at);
    });
  }
  if (heads.length >= 2) {
    const items = heads.map((at, i) => ({
      title: (lines[at] ?? '').replace(/^#{1,3}\s+/, '').replace(/[:]$/, '').trim(),
      lines: lines.slice(at + 1, heads[i + 1] ?? lines.length).map((text, k) => ({ text, at: at + 1 + k })),
    }));
    return { preamble: lines.slice(0, heads[0] ?? 0).map((text, at) => ({ text, at })), items, numbering: 'sections' };
  }
  return { preamble: lines.map((text, at) => ({ text, at })), items: [], numbering: 'sections' };
}

/** The body as markup: a PDF's blank line between every line is not a paragraph break. */
function bodyOf(lines: readonly Line[]): string {
  const out: string[] = [];
  for (const { text } of lines) {
    const t = text.trim().replace(/^#{1,3}\s+/, '## ');
    if (t === '') {
      if (out[out.length - 1] !== '') out.push('');
      continue;
    }
    const prev = out[out.length - 1];
    const beforePrev = out[out.length - 2];
    // Joined back to the line before a blank when that line ended mid-sentence and this one goes on in lower case.
    if (prev === '' && beforePrev !== undefined && !/[.!?:]$/.test(beforePrev) && /^[a-zåäö]/.test(t) && !beforePrev.startsWith('* ')) {
      out.pop();
      out[out.length - 1] = `${beforePrev} ${t}`;
      continue;
    }
    out.push(t);
  }
  while (out[out.length - 1] === '') out.pop();
  while (out[0] === '') out.shift();
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

export function readProtocolText(extracted: string, context: ReaderContext = {}): ImportDraft {
  const members = context.members ?? [];
  const orgs = organisationsOf(context.organisations ?? DEFAULT_MEMBER_ORGANISATIONS);
  const memberWords = members.flatMap((m) => [m.name, ...m.name.split(/\s+/)]).filter((w) => w.length >= 3);
  const lexicon = makeLexicon([...orgs.lexicon.words, ...KEYWORDS, ...memberWords, ...(context.networkName ? [context.networkName] : [])]);
  const { text, repairs } = repairText(extracted, lexicon);
  const marks = new Marks(extracted);
  const lines = text.split('\n');

  const { preamble, items: rawItems, numbering } = splitItems(lines);

  // --- Title, network, kind, date, place --------------------------------------------------
  const head = preamble.map((l) => l.text.trim()).filter((t) => t !== '');
  // The title names the record and usually its date; a running page header may name the record too, without a date.
  const titled = head.filter((t) => /protokoll|anteckningar/i.test(fold1(t)) && t.length <= 120);
  const titleLine =
    titled.find((t) => findDates(t).some((h) => h.date !== undefined)) ??
    titled.find((t) => t.split(/\s+/).length > 1) ??
    titled[0] ??
    head.find((t) => !labelOf(t) && t.length <= 100 && !/^dagordning:?$/i.test(t));
  const fileYear = yearOf(context.fileName?.replace(/\d{4}-\d{2}-\d{2}/, (d) => d.slice(0, 4)));
  const headText = head.slice(0, 12).join('\n');
  const contextYear = yearOf(titleLine) ?? yearOf(headText) ?? fileYear;

  let date: string | undefined;
  let dateHit: DateHit | undefined;
  const titleDates = titleLine ? findDates(titleLine, contextYear) : [];
  const labelled = preamble.map((l) => labelOf(l.text)).find((x) => x?.label === 'date');
  const candidates: { hits: DateHit[]; from: 'title' | 'label' | 'head' | 'file' }[] = [
    { hits: titleDates, from: 'title' },
    { hits: labelled ? findDates(labelled.rest, contextYear) : [], from: 'label' },
    { hits: findDates(headText, contextYear).filter((h) => h.date && !h.yearFromContext), from: 'head' },
    { hits: context.fileName ? findDates(context.fileName.replace(/[_]/g, ' ')) : [], from: 'file' },
  ];
  for (const c of candidates) {
    const hit = c.hits.find((h) => h.date !== undefined);
    if (!hit) continue;
    date = hit.date;
    dateHit = hit;
    if (hit.yearFromContext) marks.add('/date', 'uncertain', 'year_from_context', `Året står inte i protokollet; ${hit.date?.slice(0, 4)} är hämtat ur sammanhanget. Kontrollera datumet.`, hit.raw);
    if (c.from === 'file') marks.add('/date', 'uncertain', 'date_from_file_name', 'Datumet står inte i texten; det är hämtat ur filnamnet. Kontrollera det.', hit.raw);
    if (c.from === 'head') marks.add('/date', 'uncertain', 'date_from_text', 'Datumet är det första som står i protokollets början. Kontrollera att det är mötets datum.', hit.raw);
    break;
  }
  let approximateDate: string | undefined;
  if (!date) {
    const approx = findApproximateDate([titleLine ?? '', headText, context.fileName ?? ''].join('\n'));
    const yearOnly = approx ? undefined : fileYear ?? yearOf(titleLine);
    if (!approx && yearOnly !== undefined) {
      approximateDate = String(yearOnly);
      marks.add('/date', 'missing', 'approximate_date', `Inget datum står i protokollet; året ${yearOnly} är hämtat ur ${fileYear !== undefined ? 'filnamnet' : 'rubriken'}. Ange mötets datum.`, String(yearOnly));
    } else if (approx) {
      approximateDate = approx.text;
      marks.add('/date', 'missing', 'approximate_date', `Inget datum står i protokollet, bara en ungefärlig tid (${approx.text}). Ange mötets datum.`, approx.raw);
    } else {
      marks.add('/date', 'missing', 'no_date', 'Inget datum står i protokollet. Ange mötets datum.');
    }
  }

  const kind: MinutesKind = context.kind ?? (titleLine && /anteckningar/i.test(titleLine) && !/protokoll/i.test(titleLine) ? 'minnesanteckningar' : 'protokoll');
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
    const next = head[head.indexOf(titleLine) + 1];
    if (next && !labelOf(next) && next.length <= 80 && /^[A-ZÅÄÖ]/.test(next) && !/[.!?]$/.test(next)) {
      network = next.replace(/\s+/g, ' ').trim();
      marks.add('/network', 'uncertain', 'network_from_heading', `Nätverkets namn är läst ur raden under rubriken ("${next}"). Kontrollera.`, next);
    }
  }
  if (!network) marks.add('/network', 'missing', 'no_network', 'Nätverkets namn står inte i protokollet. Välj nätverket.');

  // Labelled head lines: "Plats:", "Tid:".
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
  // "Plats: Teams" is a form, not a place; "Skövde eller via Teams" is both.
  let form: 'online' | 'hybrid' | undefined;
  if (place !== undefined && /^(?:via\s+|i\s+|på\s+)?(?:teams|zoom|digitalt|distans|online|videomöte|teamsmöte)\b\.?$/i.test(place.trim())) {
    form = 'online';
    place = undefined;
  } else if (/\b(?:via|i|på)\s+teams\b|digitalt\s+möte|teamsmöte|distansmöte/i.test(headText)) form = place ? 'hybrid' : 'online';

  // --- Attendance -------------------------------------------------------------------------
  const attendees: InterchangeAttendee[] = [];
  const others: InterchangeAttendee[] = [];
  const roleNames: Partial<Record<'chair' | 'secretary' | 'justerare', string[]>> = {};
  const attendanceOf: Partial<Record<Label, InterchangeAttendance>> = { present: 'present', online: 'online', apologies: 'apologies', absent: 'absent', substitutes: 'present', others: 'present' };

  const addPeople = (people: ListedPerson[], attendance: InterchangeAttendance, guest: boolean, substitute: boolean): void => {
    for (const p of people) {
      const list = guest ? others : attendees;
      const base = guest ? '/othersPresent' : '/attendees';
      const existing = [...attendees, ...others].find((a) => foldOcr(a.name) === foldOcr(p.name));
      if (existing) continue;
      const member = resolveName(p.name, members);
      const memberEntry = member?.unique ? members.find((m) => m.name === member.name) : undefined;
      const a: InterchangeAttendee = { name: memberEntry?.name ?? p.name, attendance };
      if (memberEntry?.id !== undefined) a.memberId = memberEntry.id;
      const org = p.organisation ?? memberEntry?.organisation;
      if (org !== undefined) a.organisation = org;
      if (p.role !== undefined) a.role = p.role;
      const index = list.length;
      list.push(a);
      if (p.organisationRepaired) marks.add(`${base}/${index}/organisation`, 'corrected', 'organisation_repaired', `"${p.organisationRepaired}" är läst som ${p.organisation}.`, p.organisationRepaired);
      if (p.organisationUnknown) marks.add(`${base}/${index}/organisation`, 'uncertain', 'organisation_unknown', `"${p.organisation}" är ingen känd organisation. Kontrollera.`, p.organisation);
      if (p.organisation && memberEntry?.organisation && p.organisation !== memberEntry.organisation)
        marks.add(`${base}/${index}/organisation`, 'uncertain', 'organisation_differs', `Protokollet skriver ${p.organisation}, medlemslistan ${memberEntry.organisation}.`, p.original);
      if (member && !member.unique) marks.add(`${base}/${index}/name`, 'uncertain', 'name_ambiguous', `"${p.name}" kan vara flera medlemmar. Välj vem.`, p.original);
      if (members.length > 0 && !member) marks.add(`${base}/${index}/name`, 'uncertain', 'not_a_member', `${p.name} finns inte bland nätverkets medlemmar.`, p.original);
      // "Per Lund (Hjo, ersättare för Eva Ek)", or anyone under "Ersättare:" who says for whom.
      const stands = /(?:^|,\s*)ersätt(?:er|are)(?:\s+för)?\s+([A-ZÅÄÖ].+)$/i.exec(p.role ?? '');
      if (stands) {
        a.substituteFor = stands[1]?.trim() ?? '';
        const rest = (p.role ?? '').slice(0, stands.index).trim();
        if (rest) a.role = rest;
        else delete a.role;
      } else if (substitute && a.role && /^ersättare$/i.test(a.role)) delete a.role;
      if (p.role && /\b(?:ordf(?:örande)?\.?)$/i.test(p.role) && !/vice/i.test(p.role)) (roleNames.chair ??= []).push(a.name);
      if (p.role && /\b(?:sekr(?:eterare)?\.?)$/i.test(p.role)) (roleNames.secretary ??= []).push(a.name);
      if (p.role && /\bjusterare$/i.test(p.role)) (roleNames.justerare ??= []).push(a.name);
    }
  };

  /** Reads the labelled blocks and list lines in a run of lines; the lines read are returned. */
  const readAttendanceBlock = (block: readonly Line[], defaultLabel: Label | undefined): Set<number> => {
    const used = new Set<number>();
    let current: Label | undefined = defaultLabel;
    let buffer: Line[] = [];
    const flush = (): void => {
      if (current && buffer.length > 0) {
        const textOf = buffer.map((l) => l.text.trim()).join('\n');
        if (current === 'chair' || current === 'secretary' || current === 'justerare') {
          const people = readPeopleList(textOf, orgs);
          if (people) {
            (roleNames[current] ??= []).push(...people.map((p) => p.name));
            // Chair and secretary are present; they may not be listed again.
            addPeople(people, 'present', false, false);
            buffer.forEach((l) => used.add(l.at));
          }
        } else if (current !== 'date' && current !== 'time' && current !== 'place') {
          // "Name ersätter Name" as substitutes write it.
          const subs: { name: string; for: string }[] = [];
          const plain = textOf.replace(/([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)\s*\(?\s*(?:ersätter|ersättare\s+för|för)\s+([A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)*)\)?/g, (_m, a: string, b: string) => {
            subs.push({ name: a, for: b });
            return a;
          });
          const people = readPeopleList(plain, orgs);
          if (people) {
            addPeople(people, attendanceOf[current] ?? 'present', current === 'others', current === 'substitutes');
            for (const s of subs) {
              const a = attendees.find((x) => foldOcr(x.name) === foldOcr(s.name));
              if (a) a.substituteFor = s.for;
            }
            buffer.forEach((l) => used.add(l.at));
          }
        }
      }
      buffer = [];
    };
    for (const line of block) {
      const t = line.text.trim();
      const lab = labelOf(t);
      if (lab) {
        flush();
        current = lab.label;
        used.add(line.at);
        if (lab.rest) buffer.push({ text: lab.rest, at: line.at });
        continue;
      }
      if (t === '') {
        if (buffer.length > 0 && current !== defaultLabel) {
          flush();
          current = defaultLabel;
        }
        continue;
      }
      if (!current) continue;
      // A sentence ends the list: "Jonas justerar anteckningarna och skickar …".
      const lower = t.split(/\s+/).filter((w) => /^[a-zåäö]{3,}$/.test(w) && !/^(och|samt)$/.test(w)).length;
      if (lower >= 2 && !t.includes('(') && !/,/.test(t)) {
        flush();
        current = defaultLabel;
        continue;
      }
      buffer.push(line);
    }
    flush();
    return used;
  };

  const usedInPreamble = readAttendanceBlock(preamble, undefined);
  const attendanceItems = rawItems.filter((i) => ATTENDANCE_TITLE.test(i.title));
  const usedInItems = new Map<RawItem, Set<number>>();
  for (const item of attendanceItems) usedInItems.set(item, readAttendanceBlock(item.lines, 'present'));
  // Labelled blocks inside other items (e.g. "Närvarande:" under "1. Mötets öppnande").
  for (const item of rawItems.slice(0, 3)) {
    if (attendanceItems.includes(item)) continue;
    if (item.lines.some((l) => labelOf(l.text) && labelOf(l.text)?.label !== 'date')) usedInItems.set(item, readAttendanceBlock(item.lines, undefined));
  }
  // No attendance anywhere, but a paragraph of the head that is nothing but full names: most likely
  // those present, unlabelled. Read as such and marked, never silently.
  if (attendees.length === 0) {
    const paragraphs: Line[][] = [[]];
    for (const l of preamble) {
      if (l.text.trim() === '') paragraphs.push([]);
      else paragraphs[paragraphs.length - 1]?.push(l);
    }
    for (const para of paragraphs) {
      if (para.length === 0 || para.some((l) => labelOf(l.text) || l.text === titleLine || findDates(l.text).length > 0)) continue;
      const people = readPeopleList(para.map((l) => l.text).join('\n'), orgs);
      if (!people || people.length < 3 || !people.every((p) => p.name.split(/\s+/).length >= 2)) continue;
      addPeople(people, 'present', false, false);
      para.forEach((l) => usedInPreamble.add(l.at));
      marks.add('/attendees', 'uncertain', 'attendance_unlabelled', 'Namnlistan i protokollets början är läst som närvarande; den har ingen rubrik. Kontrollera.', para[0]?.text.trim());
      break;
    }
  }

  // Roles written in running text: "Jonas justerar anteckningarna", "Anna var ordförande".
  const everyone = (): { name: string }[] => [...attendees, ...others, ...members];
  const allText = lines.join('\n');
  // "Jonas justerar …", "Anna Ek och Bo Lund justerar …", "Protokollet justeras av Anna Ek".
  const NAME_RUN = '[A-ZÅÄÖ][a-zåäöé]+(?:[ \\t]+[A-ZÅÄÖ][a-zåäöé-]+)?';
  const splitNames = (run: string): string[] => run.split(/\s*,\s*|\s+och\s+/).map((n) => n.trim()).filter(Boolean);
  for (const m of allText.matchAll(new RegExp(`(?:^|[.!?]\\s+|\\n)(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)[ \\t]+(?:justerar|justerade|ska[ \\t]+justera|utsågs[ \\t]+till[ \\t]+justerare|valdes[ \\t]+till[ \\t]+justerare)\\b`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(new RegExp(`justeras[ \\t]+av[ \\t]+(${NAME_RUN}(?:(?:[ \\t]*,[ \\t]*|[ \\t]+och[ \\t]+)${NAME_RUN})*)`, 'g'))) (roleNames.justerare ??= []).push(...splitNames(m[1] ?? ''));
  for (const m of allText.matchAll(/(?:^|[.!?]\s+|\n)([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)[ \t]+(?:valdes|utsågs|väljs|utses)[ \t]+(?:att[ \t]+justera|till[ \t]+justerare|som[ \t]+justerare|till[ \t]+att[ \t]+justera)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+justerare\s+(?:valdes|utsågs)|justerare\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.justerare ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+(?:mötes)?ordförande\s+(?:valdes|utsågs)|ordförande\s+(?:blev|är|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.chair ??= []).push(m[1] ?? '');
  for (const m of allText.matchAll(/(?:till\s+sekreterare\s+(?:valdes|utsågs)|sekreterare\s+(?:blev|var))[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)?)/g)) (roleNames.secretary ??= []).push(m[1] ?? '');

  /** An owner named in a table or an "Ansvarig:" line: the person it resolves to, else the name as written. */
  const personOwner = (written: string): InterchangeOwner => {
    const r = resolveName(written, everyone());
    const name = r?.unique ? r.name : written;
    const member = members.find((x) => x.name === name);
    return { kind: 'person', name, ...(member?.id !== undefined ? { memberId: member.id } : {}) };
  };

  const resolveRole = (role: 'chair' | 'secretary' | 'justerare', written: string, index?: number): PersonName | undefined => {
    const path = index === undefined ? `/${role}` : `/${role}/${index}`;
    const r = resolveName(written, everyone());
    if (!r) {
      if (written.split(/\s+/).length < 2) marks.add(path, 'uncertain', 'partial_name', `Bara "${written}" står i protokollet; personen finns inte i närvarolistan.`, written);
      return { name: written };
    }
    if (!r.unique) marks.add(path, 'uncertain', 'name_ambiguous', `"${written}" kan vara flera personer. Välj vem.`, written);
    const member = members.find((m) => m.name === r.name);
    return member?.id !== undefined ? { name: r.name, memberId: member.id } : { name: r.name };
  };
  const uniqueNames = (xs: string[] | undefined): string[] => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];
  const justerareNames = uniqueNames(roleNames.justerare);
  const justerare: PersonName[] = [];
  for (const n of justerareNames) {
    const p = resolveRole('justerare', n, justerare.length);
    if (p && !justerare.some((j) => j.name === p.name)) justerare.push(p);
  }
  const chairName = uniqueNames(roleNames.chair)[0];
  const secretaryName = uniqueNames(roleNames.secretary)[0];
  const chair = chairName ? resolveRole('chair', chairName) : undefined;
  const secretary = secretaryName ? resolveRole('secretary', secretaryName) : undefined;
  if (kind === 'protokoll' && justerare.length === 0) marks.add('/justerare', 'missing', 'no_justerare', 'Ingen justerare står i protokollet.');
  if (attendees.length === 0) marks.add('/attendees', 'missing', 'no_attendance', 'Ingen närvarolista hittades i protokollet.');

  // --- Items --------------------------------------------------------------------------------
  const meetingYear = date ? Number(date.slice(0, 4)) : contextYear;
  const nextMeetings: NextMeeting[] = [];
  let nextMeetingNote: string | undefined;
  const items: InterchangeItem[] = rawItems.map((raw, index) => {
    const used = usedInItems.get(raw) ?? new Set<number>();
    let bodyLines = raw.lines.filter((l) => !used.has(l.at));
    // A long title that runs on to the next line ("… på Rudbecksgymnasiet eller via" / "Teams. På detta …").
    if (raw.title.split(/\s+/).length > 8 && !/[.!?:]$/.test(raw.title)) {
      const next = bodyLines.find((l) => l.text.trim() !== '');
      const m = next ? /^[^.!?]{1,60}[.!?]/.exec(next.text.trim()) : null;
      if (next && m) {
        raw.title = `${raw.title} ${m[0]}`;
        bodyLines = bodyLines.map((l) => (l === next ? { text: next.text.trim().slice(m[0].length).trim(), at: l.at } : l));
      }
    }
    const isAttendance = ATTENDANCE_TITLE.test(raw.title);
    const item: InterchangeItem = { ...(raw.number !== undefined ? { number: raw.number } : {}), title: raw.title, presenters: [], body: '', decisions: [], actions: [], tabled: false };
    const base = `/items/${index}`;
    // A title that is a whole sentence ("Nästa möte beslutades till den 18/3 …") is read as body too.
    const titleIsSentence = /[.!]$/.test(raw.title) || raw.title.split(/\s+/).length > 14;
    const flat = [titleIsSentence ? raw.title : '', ...bodyLines.map((l) => l.text.trim())].filter((t) => t !== '').join('\n');

    // Rounds: three or more lines "Skövde - …" / "Anna: …".
    const roundLines = bodyLines.filter((l) => roundResponse(l.text, orgs, everyone()));
    let remaining = bodyLines;
    if (roundLines.length >= 3) {
      const responses = roundLines.map((l) => roundResponse(l.text, orgs, everyone())).filter((r): r is { speaker: string; text: string } => r !== undefined);
      const firstAt = roundLines[0]?.at ?? 0;
      const heading = [...bodyLines].reverse().find((l) => l.at < firstAt && l.text.trim() !== '' && l.text.trim().length <= 60 && !/[.]$/.test(l.text.trim()));
      item.round = { questions: [heading?.text.trim() ?? raw.title], responses };
      remaining = bodyLines.filter((l) => !roundLines.includes(l));
    }
    // A round by its title ("Laget runt", "Incheckning"): its question is the rest of the title.
    const roundTitle = ROUND_TITLE.exec(raw.title);
    const question = roundTitle ? raw.title.slice(roundTitle[0].length).trim() : '';
    if (roundTitle && !item.round) item.round = { questions: question ? [question] : [], responses: [] };
    item.body = bodyOf(remaining);
    if (titleIsSentence) item.body = item.body === '' ? raw.title : `${raw.title}\n${item.body}`;

    // A decision in the title itself ("6. Nästa möte beslutades till den 18/3 …"), with the words that finish its sentence.
    if (!titleIsSentence && DECISION.test(raw.title) && !NOT_DECISION.test(raw.title)) {
      const rest = /^[^.!?]{0,80}[.!?]/.exec(flat.replace(/\s+/g, ' '));
      item.decisions.push(rest && !/[.!?:]$/.test(raw.title) ? `${raw.title} ${rest[0]}` : raw.title);
    }
    const presenterNames = new Set<string>();
    // "3. Budget (Anna Andersson)": a name in parentheses after the title presents it.
    const byTitle = /\(([^()]+)\)\s*$/.exec(raw.title);
    if (byTitle && byTitle[1] && looksLikeName(byTitle[1].trim()) && resolveName(byTitle[1].trim(), everyone())) presenterNames.add(byTitle[1].trim());
    for (const s of sentences(flat)) {
      const label = PRESENTER_LABEL.exec(s);
      if (label) for (const p of readPeopleList(s.slice(label[0].length).replace(/[.]$/, ''), orgs) ?? []) presenterNames.add(p.name);
      if (TABLED.test(s)) item.tabled = true;
      if (DECISION.test(s) && !NOT_DECISION.test(s) && !EXTERNAL_SUBJECT.test(s)) item.decisions.push(s);
      for (const clause of clausesWithSubject(s)) {
        if (PRESENTER_VERB.test(clause.verbPart)) for (const n of clause.subjects) if (looksPersonal(n)) presenterNames.add(n);
      }
    }
    for (const n of presenterNames) {
      const r = resolveName(n, everyone());
      const name = r?.unique ? r.name : n;
      const member = members.find((m) => m.name === name);
      const person = others.find((o) => o.name === name);
      item.presenters.push({ name, ...(member?.id !== undefined ? { memberId: member.id } : {}), ...(person?.organisation ? { organisation: person.organisation } : {}) });
      if (!r) marks.add(`${base}/presenters/${item.presenters.length - 1}`, 'uncertain', 'partial_name', `"${n}" finns inte i närvarolistan.`, n);
    }
    // Action items, after presenters are known (a first name is first looked for among them).
    // Marks on action items wait until the items are in their final order.
    const actionMarks: { action: InterchangeAction; reason: string; message: string; original: string }[] = [];
    if (!isAttendance) {
      for (const s of sentences(flat)) {
        for (const clause of clausesWithSubject(s)) {
          if (!ACTION_VERB.test(clause.verbPart)) continue;
          const owners: InterchangeOwner[] = [];
          const uncertain: string[] = [];
          for (const subject of clause.subjects) {
            const group = GROUP_SUBJECT.exec(subject);
            if (group) {
              const role = ROLE_SUBJECT[fold1(subject.toLowerCase())];
              // A group the protocol names ("Arbetsgruppen för K-dagen", "Varje medlem i nätverket"): its members are for the secretary to pick.
              owners.push(role ? { kind: 'role', role, name: subject } : { kind: 'group', name: subject, members: [] });
              continue;
            }
            // "Skolverket ska …", "Lärarförbundet tar fram …": a body outside the meeting, not someone's task.
            if (!looksPersonal(subject) || ORGANISATION_LIKE.test(subject)) continue;
            const r = resolveName(subject, item.presenters) ?? resolveName(subject, everyone());
            const name = r?.unique ? r.name : subject;
            const member = members.find((m) => m.name === name);
            owners.push({ kind: 'person', name, ...(member?.id !== undefined ? { memberId: member.id } : {}) });
            if (!r || !r.unique) uncertain.push(subject);
          }
          if (owners.length === 0 || owners.length !== clause.subjects.length) continue;
          const action: InterchangeAction = { text: clause.text, owners };
          const due = dueDate(clause.text, meetingYear, date);
          if (due) action.due = due;
          item.actions.push(action);
          for (const u of uncertain) actionMarks.push({ action, reason: 'partial_name', message: `"${u}" finns inte i närvarolistan; kontrollera vem uppdraget gäller.`, original: u });
          for (const o of owners) if (o.kind === 'group') actionMarks.push({ action, reason: 'group_members', message: `Uppdraget gäller "${o.name}"; välj vilka som hör dit.`, original: o.name });
        }
      }
    }
    // A table of action items: a header naming what and who ("Åtgärd | Ansvarig | Klart"), then a row each.
    const rows = remaining.map((l) => l.text.trim());
    const header = rows.findIndex((r) => ACTION_TABLE_HEADER.test(r));
    if (header >= 0) {
      const cols = (rows[header] ?? '').split(/\s*\|\s*|\s{2,}/).map((c) => fold1(c.toLowerCase()));
      const whatCol = cols.findIndex((c) => /^(?:vad|atgard|atgarder|uppdrag|aktivitet|uppgift|beskrivning)/.test(c));
      const whoCol = cols.findIndex((c) => /^(?:vem|ansvarig|ansvar|ansvariga)/.test(c));
      const whenCol = cols.findIndex((c) => /^(?:nar|klart|senast|datum|deadline|klar\s+senast)/.test(c));
      for (const row of rows.slice(header + 1)) {
        if (row === '' || !row.includes('|') && !/\s{2,}/.test(row)) break;
        const cells = row.split(/\s*\|\s*|\s{2,}/);
        const what = cells[whatCol]?.trim() ?? '';
        const who = readPeopleList(cells[whoCol]?.trim() ?? '', orgs) ?? [];
        if (what === '' || who.length === 0) continue;
        const owners = who.map((p) => personOwner(p.name));
        const dueHit = whenCol >= 0 ? findDates(cells[whenCol] ?? '', meetingYear)[0] : undefined;
        item.actions.push({ text: what, owners, ...(dueHit?.date ? { due: dueHit.date } : {}) });
      }
    }
    // "Ansvarig: Anna Andersson" after what is to be done.
    const said = sentences(flat);
    said.forEach((s, k) => {
      const m = RESPONSIBLE.exec(s);
      if (!m) return;
      const names = readPeopleList(s.slice(m[0].length).replace(/[.]$/, ''), orgs) ?? [];
      const owners = names.map((p) => personOwner(p.name));
      const what = said[k - 1];
      if (owners.length > 0 && what !== undefined && !item.actions.some((a) => a.text === what)) {
        const due = dueDate(`${what} ${s}`, meetingYear, date);
        item.actions.push({ text: what, owners, ...(due ? { due } : {}) });
      }
    });
    // In the order the protocol gives them.
    const plain = flat.replace(/\s+/g, ' ');
    const at = (t: string): number => {
      const i = plain.indexOf(t.replace(/\s+/g, ' '));
      return i < 0 ? plain.length : i;
    };
    item.actions.sort((a, b) => at(a.text) - at(b.text));
    for (const m of actionMarks) marks.add(`${base}/actions/${item.actions.indexOf(m.action)}/owners`, 'uncertain', m.reason, m.message, m.original);
    // Next meetings: an item about them, or a line "Nästa möte: 15/3 kl 13-15 i Skara" in any item.
    const nextLine = remaining.findIndex((l) => NEXT_MEETING_LINE.test(l.text.trim()));
    if (!NEXT_MEETING_TITLE.test(raw.title) && nextLine >= 0) {
      const read = readNextMeetings(remaining.slice(nextLine, nextLine + 2).map((l) => l.text), meetingYear, date);
      nextMeetings.push(...read.meetings);
    }
    if (NEXT_MEETING_TITLE.test(raw.title)) {
      const read = readNextMeetings([raw.title, ...remaining.map((l) => l.text)], meetingYear, date);
      nextMeetings.push(...read.meetings);
      if (read.yearFromContext && read.meetings.length > 0 && !date) marks.add('/nextMeetings', 'uncertain', 'year_from_context', 'Året för nästa möte står inte; det är hämtat ur sammanhanget.');
      if (read.note) nextMeetingNote = nextMeetingNote ? `${nextMeetingNote}\n${read.note}` : read.note;
    }
    return item;
  });

  // Organisations written beside a name elsewhere ("Maria Lundin, Tibro" in a working group).
  attendees.forEach((a, i) => {
    if (a.organisation) return;
    const written = organisationBesideName(a.name, allText, orgs);
    if (written) {
      a.organisation = written.name;
      marks.add(`/attendees/${i}/organisation`, 'uncertain', 'organisation_elsewhere', `${written.name} är hämtat ur texten ("${written.original}"), inte ur närvarolistan.`, written.original);
    }
  });

  const title = titleLine && /protokoll|anteckningar/i.test(titleLine) ? titleLine.replace(/\s+/g, ' ').trim() : `${kind === 'protokoll' ? 'Protokoll för' : 'Minnesanteckningar för'} ${network || 'nätverket'}${date ? ` ${date}` : ''}`;
  if (dateHit === undefined && !approximateDate) {
    /* no date: marked above */
  }
  const document: ProtokollDocument = {
    format: PROTOKOLL_FORMAT,
    network,
    kind,
    title,
    ...(date ? { date } : {}),
    ...(approximateDate ? { approximateDate } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(place ? { place } : {}),
    ...(form ? { form } : {}),
    numbering: rawItems.length > 0 ? numbering : 'sections',
    ...(chair ? { chair } : {}),
    ...(secretary ? { secretary } : {}),
    justerare,
    attendees,
    othersPresent: others,
    items,
    nextMeetings: dedupeMeetings(nextMeetings),
    ...(nextMeetingNote ? { nextMeetingNote } : {}),
    links: items.flatMap((item) => linksOf(item.body).map((l) => ({ item: item.number ?? item.title, ...l }))),
    approvals: [],
    source: context.source ?? { kind: 'import', file: context.fileName ?? '', reader: READER_VERSION },
  };
  if (items.length === 0) marks.add('/items', 'missing', 'no_items', 'Inga punkter hittades; hela texten står i en punkt.');
  if (items.length === 0) document.items = [{ title: 'Protokoll', presenters: [], body: bodyOf(preamble.filter((l) => !usedInPreamble.has(l.at))), decisions: [], actions: [], tabled: false }];
  document.review = [...marks.list, ...repairMarks(repairs, extracted), ...unsureWords(text, extracted)];
  return { document, content: fromInterchange(document), text, repairs };
}

/**
 * Words left with letters Swedish does not use, where OCR likely misread å, ä or ö ("Overlémning"):
 * nothing known to repair them with, so a person looks. Words that end in é ("idé", "entrén",
 * "idéer") are Swedish as written.
 */
function unsureWords(text: string, original: string): ReviewMark[] {
  const seen = new Set<string>();
  const marks: ReviewMark[] = [];
  for (const m of text.matchAll(/[A-Za-zÅÄÖåäöéèëêóòôõø]+/g)) {
    const w = m[0];
    if (!/[éèëêóòôõø]/.test(w)) continue;
    if (/[éè](?:n|r|er|erna|ns)?$/i.test(w) || seen.has(w) || w.length < 3) continue;
    seen.add(w);
    const at = original.indexOf(w);
    marks.push({ path: '/text', level: 'uncertain', reason: 'letters_uncertain', message: `"${w}" kan vara feltolkat (å, ä eller ö lästa som andra tecken). Kontrollera stavningen.`, original: w, ...(at >= 0 ? { start: at, end: at + w.length } : {}) });
    if (marks.length >= 50) break;
  }
  return marks;
}

function repairMarks(repairs: readonly Repair[], original: string): ReviewMark[] {
  return repairs
    .filter((r) => r.kind === 'letters')
    .slice(0, 50)
    .map((r) => {
      const at = original.indexOf(r.original);
      return {
        path: '/text',
        level: 'corrected' as const,
        reason: 'letters_repaired',
        message: `"${r.original}" är läst som "${r.repaired}".`,
        original: r.original,
        ...(at >= 0 ? { start: at, end: at + r.original.length } : {}),
      };
    });
}

function looksPersonal(s: string): boolean {
  return /^[A-ZÅÄÖÉ][a-zåäöéè]+(?:[ -][A-ZÅÄÖÉ][a-zåäöéè]+){0,2}$/.test(s) && !STOP_SUBJECTS.has(s.toLowerCase());
}

/** Capitalised words that begin sentences but are nobody. */
const STOP_SUBJECTS = new Set([
  'vi', 'man', 'det', 'den', 'de', 'detta', 'denna', 'dessa', 'här', 'där', 'nu', 'frågan', 'mötet', 'alla', 'samtliga', 'gruppen', 'ett', 'en', 'inom', 'om', 'för', 'med',
  'många', 'vissa', 'några', 'flera', 'andra', 'lärare', 'elever', 'eleverna', 'skolan', 'kommunen', 'kommunerna', 'regionen', 'politikerna', 'huvudmännen', 'huvudmannen',
  'info', 'mer', 'rapporten', 'tack', 'hur', 'vad', 'vem', 'var', 'när', 'varför', 'ca', 'kl', 'sittande', 'istället', 'också', 'även', 'dock', 'sedan', 'därefter',
]);

/**
 * Clauses of a sentence with their subjects: "Annelie Alm, Maria Appelgren och Harald Lundqvist
 * följer upp …" gives three subjects and "följer upp …"; "… och Camilla skickar presentationen
 * till Jonas som lägger upp den i Teams" gives Camilla (skickar …) and Jonas (lägger upp …).
 */
function clausesWithSubject(sentence: string): { subjects: string[]; verbPart: string; text: string }[] {
  const out: { subjects: string[]; verbPart: string; text: string }[] = [];
  const words = sentence.split(/\s+/);
  const NAME = /^[A-ZÅÄÖÉ][a-zåäöéè]+(?:-[A-ZÅÄÖ][a-zåäöéè]+)?,?$/;
  let consumed = 0;
  for (let i = 0; i < words.length; i++) {
    if (i < consumed) continue;
    const w = words[i] ?? '';
    const startsClause = i === 0 || /[,;:]$/.test(words[i - 1] ?? '') || CONJUNCTIONS.has((words[i - 1] ?? '').toLowerCase()) || (words[i - 1] ?? '').toLowerCase() === 'som';
    if (!startsClause) continue;
    // "X som lägger upp": the subject is the word before "som".
    if ((words[i - 1] ?? '').toLowerCase() === 'som' && i >= 2) {
      const who = (words[i - 2] ?? '').replace(/[,.]$/, '');
      const rest = words.slice(i).join(' ');
      if (NAME.test(who) && ACTION_VERB.test(rest)) out.push({ subjects: [who], verbPart: rest, text: `${who} ${cutClause(rest)}` });
      continue;
    }
    // Group subjects: "Presidiet", "Arbetsgruppen för K-dagen", "Varje medlem i nätverket".
    for (let n = 5; n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ').replace(/[,]$/, '');
      if (GROUP_SUBJECT.test(phrase) && /^[A-ZÅÄÖa-zåäö]/.test(phrase)) {
        const rest = words.slice(i + n).join(' ');
        if (ACTION_VERB.test(rest) || PRESENTER_VERB.test(rest)) out.push({ subjects: [phrase.charAt(0).toUpperCase() + phrase.slice(1)], verbPart: rest, text: `${phrase} ${cutClause(rest)}` });
        consumed = i + n;
        break;
      }
    }
    if (i < consumed || !NAME.test(w)) continue;
    // A list of names: "A B, C D och E F".
    const subjects: string[] = [];
    let j = i;
    let cur: string[] = [];
    while (j < words.length) {
      const x = words[j] ?? '';
      if (NAME.test(x) && cur.length < 3) {
        cur.push(x.replace(/,$/, ''));
        if (x.endsWith(',')) {
          subjects.push(cur.join(' '));
          cur = [];
        }
        j++;
        continue;
      }
      if (/^(och|samt)$/i.test(x) && cur.length > 0) {
        subjects.push(cur.join(' '));
        cur = [];
        j++;
        continue;
      }
      break;
    }
    if (cur.length > 0) subjects.push(cur.join(' '));
    consumed = j;
    const rest = words.slice(j).join(' ');
    if (subjects.length > 0 && rest !== '') out.push({ subjects, verbPart: rest, text: `${words.slice(i, j).join(' ')} ${cutClause(rest)}`.trim() });
  }
  return out;
}

/** A clause ends at the sentence's end or before " och <Name> <verb>". */
function cutClause(rest: string): string {
  const m = /\s+(?:och|samt)\s+[A-ZÅÄÖ][a-zåäö]+\s+(?:[a-zåäö]+)/.exec(rest);
  return (m ? rest.slice(0, m.index) : rest).replace(/\s+$/, '');
}

function roundResponse(line: string, orgs: Organisations, people: readonly { name: string }[]): { speaker: string; text: string } | undefined {
  const m = /^\s*([A-ZÅÄÖÉ][\wåäöéÅÄÖ-]*(?:\s+[A-ZÅÄÖ][\wåäöé-]*)?)\s*(?:[-–—:])\s+(\S.{10,})$/.exec(line);
  if (!m) return undefined;
  const speaker = (m[1] ?? '').trim();
  const org = orgs.match(speaker);
  if (org) return { speaker: org.name, text: (m[2] ?? '').trim() };
  const person = resolveName(speaker, people);
  if (person?.unique) return { speaker: person.name, text: (m[2] ?? '').trim() };
  return undefined;
}

/** "innan den 14 januari", "senast 2022-01-14", "till den 3/2". */
function dueDate(text: string, year: number | undefined, meetingDate: string | undefined): string | undefined {
  const m = /\b(?:innan|senast|före|till\s+den|tills|deadline|inom)\b\s*(?:den\s+)?(.{3,25})/i.exec(text);
  if (!m) return undefined;
  const hit = findDates(m[1] ?? '', year)[0];
  if (!hit?.date) return undefined;
  if (hit.yearFromContext && meetingDate && hit.date < meetingDate) return `${Number(hit.date.slice(0, 4)) + 1}${hit.date.slice(4)}`;
  return hit.date;
}

/**
 * Next meetings from an item about them: each date with what follows it on its line as the
 * place, the time range written for them all ("Fredagar kl 13-15"), and the rest as a note.
 */
function readNextMeetings(lines: readonly string[], year: number | undefined, meetingDate: string | undefined): { meetings: NextMeeting[]; note?: string; yearFromContext: boolean } {
  const meetings: NextMeeting[] = [];
  const notes: string[] = [];
  let shared: { start?: string; end?: string } | undefined;
  let yearFromContext = false;
  for (const raw of lines) {
    const line = raw.trim().replace(/^\*\s+/, '');
    if (line === '') continue;
    if (/^(?:uppdaterat|uppdaterad|reviderat|reviderad|ändrat|senast\s+ändrad)\b/i.test(line)) continue;
    const time = findTimeRange(line);
    const hits = findDates(line, year).filter((h) => h.date !== undefined && (h.shape === 'day-month' || h.shape === 'words' || h.shape === 'iso' || h.shape === 'yy-mm-dd'));
    if (hits.length === 0) {
      if (time) shared = time;
      if (!NEXT_MEETING_TITLE.test(line) || line.split(/\s+/).length > 4) notes.push(line);
      continue;
    }
    if (time && hits.length > 1) shared = time;
    hits.forEach((hit, k) => {
      let d = hit.date ?? '';
      if (hit.yearFromContext) {
        yearFromContext = true;
        if (meetingDate && d <= meetingDate) d = `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
      }
      if (meetingDate && d <= meetingDate) return;
      const after = line.slice(hit.index + hit.raw.length, hits[k + 1]?.index ?? line.length);
      const place = placeOf(after);
      const own = hits.length === 1 ? time : undefined;
      const t = own ?? shared;
      meetings.push({ date: d, ...(t?.start ? { start: t.start } : {}), ...(t?.end ? { end: t.end } : {}), ...(place ? { place } : {}) });
    });
    // Sentences beside the date that say more ("På detta möte är Varas representant sekreterare").
    for (const s of sentences(line)) if (findDates(s, year).length === 0) notes.push(s);
  }
  // A time written after the dates (or before) applies to those without one.
  const fill = shared;
  if (fill) for (const m of meetings) if (!m.start && fill.start) Object.assign(m, { start: fill.start, ...(fill.end ? { end: fill.end } : {}) });
  const note = notes.join('\n').trim();
  return { meetings, ...(note ? { note } : {}), yearFromContext };
}

/** "Falköping", ", Ällebergsgymnasiet Falköping", "kl 08.30 på Rudbecksgymnasiet eller via Teams." → the place. */
function placeOf(after: string): string | undefined {
  const t = after
    .replace(/\b(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?\s*(?:[-–]\s*\d{1,2}(?:[.:]\d{2})?)?/g, ' ')
    .replace(/^[\s,.:;–-]+/, '')
    .replace(/^(?:p[åa]|i|1|hos|vid)\s+/i, '')
    .replace(/\s+/g, ' ');
  const cut = /^(.*?)(?:\.\s|\.$|$)/.exec(t.trim());
  const place = (cut?.[1] ?? '').replace(/^(?:p[åa]|i|1|hos|vid)\s+/i, '').replace(/[,.;\s]+$/, '').trim();
  if (place === '' || !/^[A-ZÅÄÖÉ]/.test(place) || place.length > 80) return undefined;
  return place;
}

function dedupeMeetings(ms: NextMeeting[]): NextMeeting[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.date) ? false : (seen.add(m.date), true))).sort((a, b) => a.date.localeCompare(b.date));
}

function organisationBesideName(name: string, text: string, orgs: Organisations): { name: string; original: string } | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  for (const m of text.matchAll(new RegExp(`${esc}\\s*(?:,\\s*|\\(\\s*|\\s+[-–]\\s+)([A-ZÅÄÖÉ][\\wåäöéÅÄÖ-]+(?:\\s+kommun)?)`, 'gu'))) {
    // "Maria Lundin, Anki Gunnerek": a name after the comma is the next person, not an organisation.
    const o = orgs.match(m[1] ?? '');
    if (o) return { name: o.name, original: m[0] };
  }
  return undefined;
}
