import type { Lexicon } from './lexicon';

/**
 * Repairs the damage PDF extraction and OCR do to text, before anything is read from it: page
 * headers and footers repeated on every page, page numbers, words hyphenated at line ends,
 * bullets read as letters ("e", "o"), "i" read as "1", and å/ä/ö read as other letters in
 * known words. Each repair that changes a word is reported, so none is silent. Pure.
 */

export interface Repair {
  kind: 'header' | 'hyphenation' | 'bullet' | 'letters';
  original: string;
  repaired: string;
}

/** Page-number lines: "3", "- 3 -", "Sida 3 av 5", "Page 2 of 4", "3 (5)", "-- 1 of 2 --"; never "3/5", a date. */
const PAGE_NUMBER = /^\s*(?:[-–—]{1,2}\s*)?(?:(?:sida|sid|s\.|page)\s*)?\d{1,3}\s*(?:(?:av|of)\s*\d{1,3}|\(\d{1,3}\))?\s*(?:[-–—]{1,2})?\s*$/i;

/** Bullets as extraction and OCR give them. "e" and "o" only before a capital, a digit or a quote. */
const BULLET = /^(\s*)(?:[•◦▪▫●○∙·‣⁃■□➢►✓¢«»]|[-–*])\s+(.*)$/;
const LETTER_BULLET = /^(\s*)[eo]\s+([A-ZÅÄÖ0-9"”“'].*)$/;

function lineKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/** Lines repeated as page headers or footers (after their first occurrence), and page numbers. */
function dropHeaders(lines: string[], repairs: Repair[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = lineKey(line);
    if (key === '') continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const pages = lines.filter((l) => l.includes('\f')).length + 1;
  // With page breaks known, a header or footer is among the first or last lines of its page.
  const nearEdge = new Set<number>();
  if (pages >= 2) {
    let start = 0;
    for (let k = 0; k <= lines.length; k++) {
      if (k === lines.length || (lines[k] ?? '').includes('\f')) {
        const filled = [];
        for (let j = start; j < k; j++) if ((lines[j] ?? '').trim() !== '') filled.push(j);
        for (const j of [...filled.slice(0, 3), ...filled.slice(-3)]) nearEdge.add(j);
        start = k;
      }
    }
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\f/g, '');
    const key = lineKey(line);
    if (key !== '' && PAGE_NUMBER.test(line)) {
      repairs.push({ kind: 'header', original: line, repaired: '' });
      continue;
    }
    const words = key.split(' ').length;
    const repeated = (counts.get(key) ?? 0) >= (pages >= 2 ? 2 : 3) && words >= 2 && key.length <= 120 && (pages < 2 || nearEdge.has(index));
    if (repeated && seen.has(key)) {
      repairs.push({ kind: 'header', original: line, repaired: '' });
      continue;
    }
    seen.add(key);
    out.push(line);
  }
  return out;
}

const HYPHENATED = /([A-Za-zÅÄÖåäöéü]{2,})-$/;

/** Joins words broken at line ends ("sam-" + "verkan" → "samverkan"), across blank lines a PDF may put between. */
function joinHyphenation(lines: string[], repairs: Repair[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = (out[i] ?? '').replace(/\s+$/, '');
    // Looked at only from the end: an unanchored pattern over a long line costs its length squared.
    const m = line.endsWith('-') ? HYPHENATED.exec(line.slice(-80)) : null;
    if (!m || /\s[-–]$/.test(line)) continue;
    let j = i + 1;
    while (j < out.length && j <= i + 2 && (out[j] ?? '').trim() === '') j++;
    const next = (out[j] ?? '').trim();
    const first = /^[A-Za-zÅÄÖåäöéü][\wÅÄÖåäöéü]*[.,;:!?)”"]*/.exec(next);
    if (!first) continue;
    const startsLower = /^[a-zåäöéü]/.test(next);
    const stem = m[1] ?? '';
    // "Anne-" + "Cathrine": a name keeps its hyphen; "IM-" + "nätverket": an acronym keeps it too.
    const keepHyphen = !startsLower || /^[A-ZÅÄÖ]{2,}$/.test(stem);
    const word = first[0];
    const joined = keepHyphen ? `${line}${word}` : `${line.slice(0, -1)}${word}`;
    repairs.push({ kind: 'hyphenation', original: `${stem}-${word}`, repaired: joined.slice(joined.length - stem.length - word.length - (keepHyphen ? 1 : 0)) });
    out[i] = joined;
    out[j] = next.slice(word.length).trim();
  }
  return out;
}

function normaliseBullets(lines: string[], repairs: Repair[]): string[] {
  let previousBullet = false;
  return lines.map((line) => {
    const b = BULLET.exec(line);
    const letter = b ? undefined : LETTER_BULLET.exec(line) ?? (previousBullet ? /^(\s*)[eo]\s+(\S.*)$/.exec(line) : null);
    const hit = b ?? letter;
    if (!hit) {
      if (line.trim() !== '') previousBullet = false;
      return line;
    }
    previousBullet = true;
    const out = `${hit[1] ?? ''}* ${hit[2] ?? ''}`;
    if (letter) repairs.push({ kind: 'bullet', original: line.trim(), repaired: out.trim() });
    return out;
  });
}

/** Words before a number that is a number, not "i" misread: "fråga 1", "kap 1", "punkt 1". */
const NUMBER_WORDS = new Set(['fråga', 'frågan', 'punkt', 'kap', 'kapitel', 'bilaga', 'steg', 'del', 'nr', 'nummer', 'version', 'alternativ', 'sida', 'vecka', 'v', 'v.', 'kl', 'kl.', 'år', 'grupp', 'block', 'och', 'till', 'eller', 'klass', 'åk', 'fas', 'nivå', 'dag', 'mål', 'område']);

/** Letters OCR puts where å, ä, ö or i were; plain Swedish has none of them. */
const ODD = /[éèëêóòôõø6í1|!0]/;

/**
 * The known word a damaged word stands for, or undefined. A word with letters Swedish does not
 * use ("Gétene", "Nérvarande", "Sk6vde") is repaired when it fits one known word; a word with
 * only its accents lost ("Kommunalforbund", "Gotene") only when it is long enough not to be
 * another Swedish word ("vara"/"våra") and is a name (capitalised) or a known lower-case word.
 */
function knownForm(core: string, lexicon: Lexicon): string | undefined {
  const hit = lexicon.lookup(core);
  if (hit === undefined || hit.toLowerCase() === core.toLowerCase()) return undefined;
  if (ODD.test(core) && !ODD.test(hit)) return matchCase(hit, core);
  const capitalised = /^[A-ZÅÄÖ]/.test(core);
  if (core.length >= 5 && (capitalised || hit === hit.toLowerCase())) return matchCase(hit, core);
  return undefined;
}

/** The known word in the written word's case: "NÄRVARANDE" stays upper case, "närvarande" lower. */
function matchCase(known: string, written: string): string {
  if (written === written.toUpperCase() && written.length > 1) return known.toUpperCase();
  if (/^[a-zåäöéè6]/.test(written)) return known.charAt(0).toLowerCase() + known.slice(1);
  return known.charAt(0).toUpperCase() + known.slice(1);
}

/** One word's repair: known words through the lexicon, digits misread in words. */
function repairWord(word: string, lexicon: Lexicon): string {
  // "Nérvaro/deltagarlista", "IM-nétverket": each part on its own.
  if (/[^/–-][/–-][^/–-]/.test(word) && !lexicon.lookup(word)) return word.split(/([/–-])/).map((part) => (/^[/–-]$/.test(part) ? part : repairWord(part, lexicon))).join('');
  const m = /^([("“”']*)(.*?)([)"“”'.,;:!?]*)$/.exec(word);
  const core = m?.[2] ?? word;
  if (core.length < 2) return word;
  const known = knownForm(core, lexicon);
  let fixed = known ?? core;
  // "1nformation", "f6r", "6ka": a digit inside letters is a misread letter; "Gy11", "IMV2" end in digits and stay.
  if (!known && /^[A-Za-zÅÄÖåäöé]*[16][A-Za-zÅÄÖåäöé]{2,}$/.test(core) && /[a-zåäö]/.test(core)) fixed = core.replace(/1/g, 'i').replace(/6/g, 'ö');
  return `${m?.[1] ?? ''}${fixed}${m?.[3] ?? ''}`;
}

function repairLetters(lines: string[], lexicon: Lexicon, repairs: Repair[]): string[] {
  return lines.map((line) => {
    let out = line;
    const tokens = out.split(/(\s+)/);
    const repaired = tokens.map((tok, i) => {
      if (/^\s*$/.test(tok)) return tok;
      if (tok === '1') {
        const prev = (tokens[i - 2] ?? '').toLowerCase();
        const next = tokens[i + 2] ?? '';
        // "möte 1 Skövde", "arbetar 1 gruppen": a lone 1 between words is "i", unless a number belongs there.
        if (/[a-zåäö]$/.test(prev) && /^[A-Za-zÅÄÖåäö]/.test(next) && !NUMBER_WORDS.has(prev.replace(/[.,:]$/, '')) && !/^(och|eller|till|av|st|stycken|person|personer|timme|timmar|år|vecka|veckor|gång|gånger|dag|dagar|minut|minuter|h|tim)$/i.test(next.replace(/[.,:]$/, ''))) return 'i';
        return tok;
      }
      // "2O22-O6-O3", "22O6O3": letters read for digits in a date or a number.
      if (/^[\dOoIl|]{2,8}(?:[-./][\dOoIl|]{1,4}){0,2}[.,:]?$/.test(tok) && (tok.match(/\d/g) ?? []).length >= 2 && /[OoIl|]/.test(tok) && /^[\dO]/.test(tok))
        return tok.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
      return repairWord(tok, lexicon);
    });
    out = repaired.join('');
    if (out !== line) {
      const a = line.split(/\s+/);
      const b = out.split(/\s+/);
      a.forEach((w, k) => {
        if (b[k] !== undefined && b[k] !== w) repairs.push({ kind: 'letters', original: w, repaired: b[k] ?? '' });
      });
    }
    return out;
  });
}

/** Text as extraction gives it → text to read, and the repairs made. */
export function repairText(text: string, lexicon: Lexicon): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const base = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/[\u200b\ufeff]/g, '')
    // A tab stays two spaces: a column gap in a table's row, which the attendance reads as a separator.
    .replace(/\t/g, '  ')
    .replace(/\f/g, '\n\f');
  let lines = base.split('\n').map((l) => l.replace(/\s+$/, ''));
  lines = dropHeaders(lines, repairs);
  lines = joinHyphenation(lines, repairs);
  lines = normaliseBullets(lines, repairs);
  lines = repairLetters(lines, lexicon, repairs);
  return { text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(), repairs };
}
