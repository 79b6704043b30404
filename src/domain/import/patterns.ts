import type { OwnerRole } from '../minutes-model';

/** The words and patterns the reader of old protocols recognises, matched through lost accents. */

// ---------------------------------------------------------------------------------------------
// Words matched through lost accents: "Bordlaggs", "Nérvarande", "mote" read as the words they are.

const FOLD: Record<string, string> = { ä: 'a', å: 'a', á: 'a', à: 'a', â: 'a', ã: 'a', ö: 'o', ó: 'o', ò: 'o', ô: 'o', ø: 'o', õ: 'o', é: 'e', è: 'e', ë: 'e', ê: 'e', ü: 'u', í: 'i' };

/** Accents folded, one character for one, so offsets stay those of the text. */
export function fold1(s: string): string {
  return s.replace(/[äåáàâãöóòôøõéèëêüíÄÅÁÀÂÃÖÓÒÔØÕÉÈËÊÜÍ]/g, (c) => {
    const lower = FOLD[c.toLowerCase()] ?? c;
    return c === c.toLowerCase() ? lower : lower.toUpperCase();
  });
}

/** A pattern written with å, ä, ö that also matches the words with their accents lost or misread. */
export class Folded {
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

export const KEYWORDS = [
  'närvarande', 'närvaro', 'deltagare', 'deltagarlista', 'förhinder', 'frånvarande', 'ersättare', 'justerare', 'justerar', 'ordförande', 'sekreterare',
  'föregående', 'protokoll', 'protokollet', 'övriga', 'frågor', 'nästa', 'nästkommande', 'avslutning', 'dagordning', 'beslutar', 'beslutade', 'beslutades',
  'bordläggs', 'återkommer', 'återkopplar', 'kommunalförbund', 'kommunalförbundet', 'nätverket', 'nätverksmöte', 'uppföljning', 'utvärdering', 'mötet',
  'möte', 'mötes', 'anmält', 'övrigt', 'öppnande', 'mötets', 'val', 'uppdrag', 'ansvarig', 'förslag', 'skickar', 'följer', 'datum', 'plats', 'tid',
  'säger', 'beslöt', 'beslöts', 'godkändes', 'godkänner', 'fastställdes', 'överens', 'lägger', 'sammanställer', 'förbereder', 'ansvarar', 'kontaktar',
  'undersöker', 'återrapporterar', 'stämmer', 'går', 'berättar', 'föredrar', 'redogör', 'uppdaterat', 'nätverksmöte', 'presidiet', 'ordföranden',
  'sekreteraren', 'arbetsgruppen', 'återkoppling', 'närvarolista', 'frågan', 'vårens', 'höstens', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag',
  'fredagar', 'lördag', 'söndag', 'förmiddag', 'eftermiddag', 'rektor', 'skolchef', 'förvaltningschef', 'utvecklingsledare', 'gymnasiechef',
];

export type Label = 'present' | 'online' | 'apologies' | 'absent' | 'substitutes' | 'others' | 'chair' | 'secretary' | 'justerare' | 'date' | 'time' | 'place';

/** "Närvarande:", "Anmält förhinder:", "Ordförande:", … at the start of a line. */
export const LABELS: { label: Label; re: Folded }[] = (
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

export function labelOf(line: string): { label: Label; rest: string } | undefined {
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

export const ATTENDANCE_TITLE = new Folded(/^(?:närvar|närvaro|deltagar|deltagare|upprop|närvarolista)/i);
export const NEXT_MEETING_TITLE = new Folded(/(?:nästa\s+möte|nästkommande\s+möte|kommande\s+möte|datum\s+för|mötesdatum|mötestider|nästa\s+träff|kommande\s+träff|mötesplan|datum\s+och\s+tid)/i);

export const ACTION_TABLE_HEADER = new Folded(/^(?:vad|åtgärd|åtgärder|uppdrag|aktivitet|uppgift|beskrivning)\s*(?:\||\s{2,}).*(?:vem|ansvarig|ansvar)/i);
export const PRESENTER_LABEL = new Folded(/^(?:föredragande|presentatör|presentation\s+av|dragande)\s*[:–-]\s*/i);
/** Bodies outside the meeting whose decisions and tasks a protocol reports, not records. */
export const EXTERNAL_SUBJECT = new Folded(
  /\b(?:regeringen|riksdagen|skolverket|skolinspektionen|kommunfullmäktige|kommunstyrelsen|fullmäktige|nämnden|direktionen|styrelsen|politikerna|politiken|huvudmannen|huvudmännen|kommunen|kommunerna|regionen|staten|myndigheten|skolchefsgruppen|styrgruppen)\s+(?:har\s+)?(?:beslutar|beslutade|beslutat|beslöt|fattade|tog|godkände|fastställde|ska|skall)\b/i,
);
export const RESPONSIBLE = new Folded(/^(?:ansvarig|ansvariga|ansvar|uppdrag\s+till|åtgärd\s+av)\s*[:–-]\s*/i);
export const NEXT_MEETING_LINE = new Folded(/^(?:nästa|nästkommande)\s+(?:möte|träff|nätverksträff|sammanträde)\s*(?:[:–-]|är|blir|den|äger)/i);
export const DECISION = new Folded(/\b(?:beslutar|beslutade|beslutades|beslöts|beslöt|fattade\s+beslut|togs\s+(?:ett\s+)?beslut|tog\s+(?:ett\s+)?beslut|säger\s+ja\s+till|sa\s+ja\s+till|godkänner|godkändes|godkände|godkänns|antogs|fastställdes|fastställer|fastställs|beslutet\s+blir|enades\s+om|enas\s+om|kom\s+överens\s+om)\b|^beslut\s*[:–-]/i);
export const NOT_DECISION = new Folded(/\b(?:för\s+beslut|kommer\s+att\s+besluta|ska\s+beslutas|skall\s+beslutas|beslutas\s+(?:under|på|vid|i|senare|av)|krävs\s+beslut|inför\s+beslut|tar\s+(?:ett\s+)?beslut|fatta\s+(?:ett\s+)?beslut|ta\s+(?:ett\s+)?beslut|beslut\s+på\s+(?:högre|annan)|om\s+beslut|inget\s+beslut|väntar\s+på\s+beslut|beslut\s+av\s+implementering)\b/i);
export const ROUND_TITLE = new Folded(/^(?:laget\s+runt|incheckning|utcheckning|runda|rundan|kommunrunda|kommunrundan|avstämning\s+laget\s+runt)\b[\s:–-]*/i);
export const TABLED = new Folded(/\bbordl[äa](?:gg(?:s|es|er|as|a)?|des|gd|gt|das)\b/i);

/** Verbs by which a protocol gives someone something to do. */
export const ACTION_VERB = new Folded(
  /^(?:fick|får|har)\s+(?:i\s+)?uppdrag(?:et)?\b|^(?:återkommer|återkopplar|skickar|mejlar|mailar|bjuder\s+in|lägger\s+upp|sammanställer|tar\s+fram|följer\s+upp|kollar\s+(?:upp|med)|undersöker|kontaktar|bokar|ordnar|förbereder|ansvarar\s+för|tar\s+med\s+sig|tar\s+med|tar\s+(?:ett\s+)?beslut|återrapporterar|stämmer\s+av|skriver\s+ihop|uppdaterar|ser\s+över|tittar\s+på|ska|skall|kommer\s+att|sänder|distribuerar|planerar\s+för|tar\s+kontakt|tar\s+ansvar|utreder|samlar\s+in)\b/i,
);
export const PRESENTER_VERB = new Folded(/^(?:presenterar|presenterade|rapporterar|rapporterade|informerar|informerade|berättar|berättade|visar|visade|går\s+igenom|gick\s+igenom|drar\s+igenom|drog\s+igenom|föredrar|redogör|redogjorde|inleder|inledde)\b/i);

/** Subjects that are groups or roles rather than people. */
export const GROUP_SUBJECT = new Folded(/^(?:presidiet|presidium|ordföranden|ordförande|sekreteraren|sekreterare|arbetsgruppen(?:\s+för\s+[\wåäöÅÄÖ-]+)?|gruppen|styrgruppen|skolchefsgruppen|varje\s+medlem(?:\s+i\s+nätverket)?|varje\s+kommun|alla\s+kommuner|samtliga\s+kommuner|alla\s+medlemmar|samtliga\s+medlemmar|alla|samtliga|nätverket|var\s+och\s+en|respektive\s+kommun|utbildning\s+skaraborg|kommunalförbundet)$/i);
export const ROLE_SUBJECT: Record<string, OwnerRole> = { presidiet: 'presidium', presidium: 'presidium', ordforanden: 'ordforande', ordforande: 'ordforande', sekreteraren: 'sekreterare', sekreterare: 'sekreterare' };
