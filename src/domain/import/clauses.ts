import { findDates } from './dates';
import { resolveName, type Organisations } from './people';
import { ACTION_VERB, GROUP_SUBJECT, PRESENTER_VERB } from './patterns';

/** Clauses of sentences and who they are about: the owners of action items, presenters, round responses, due dates. */

export function looksPersonal(s: string): boolean {
  return /^[A-ZÅÄÖÉ][a-zåäöéè]+(?:[ -][A-ZÅÄÖÉ][a-zåäöéè]+){0,2}$/.test(s) && !STOP_SUBJECTS.has(s.toLowerCase());
}

/** Words after which a new clause (and its subject) begins. */
const CONJUNCTIONS = new Set(['och', 'men', 'samt', 'så', 'sedan', 'därefter', 'då', 'även', 'också']);

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
export function clausesWithSubject(sentence: string): { subjects: string[]; verbPart: string; text: string }[] {
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
export function cutClause(rest: string): string {
  const m = /\s+(?:och|samt)\s+[A-ZÅÄÖ][a-zåäö]+\s+(?:[a-zåäö]+)/.exec(rest);
  return (m ? rest.slice(0, m.index) : rest).replace(/\s+$/, '');
}

export function roundResponse(line: string, orgs: Organisations, people: readonly { name: string }[]): { speaker: string; text: string } | undefined {
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
export function dueDate(text: string, year: number | undefined, meetingDate: string | undefined): string | undefined {
  const m = /\b(?:innan|senast|före|till\s+den|tills|deadline|inom)\b\s*(?:den\s+)?(.{3,25})/i.exec(text);
  if (!m) return undefined;
  const hit = findDates(m[1] ?? '', year)[0];
  if (!hit?.date) return undefined;
  if (hit.yearFromContext && meetingDate && hit.date < meetingDate) return `${Number(hit.date.slice(0, 4)) + 1}${hit.date.slice(4)}`;
  return hit.date;
}
