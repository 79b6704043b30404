import { DEFAULT_MEMBER_ORGANISATIONS, KOMMUNALFORBUNDET } from '../municipality';
import { SWEDISH_MUNICIPALITIES } from '../municipalities-se';
import { foldOcr, makeLexicon, type Lexicon } from './lexicon';

/**
 * People and organisations as old protocols write them: attendance lists in every shape
 * ("Name Municipality, Name Municipality och Name Municipality", "Name (Municipality)",
 * "Name, Municipality)", "Name (Municipality, Role)"), organisations matched tolerantly against
 * the known ones, names against the network's members. Pure.
 */

export interface KnownMember {
  id?: string;
  name: string;
  organisation?: string;
}

/** Other names the kommunalförbund goes by in protocols. */
const FORBUND_ALIASES = ['Utbildning Skaraborg', 'Kommunalförbundet', 'Skaraborgs kommunalförbund', 'Kommunalförbund', 'SkKF', 'Skaraborgs Kommunalförbund'];

/** Titles and roles people are listed with. */
const ROLE_WORDS = [
  'skolchef', 'förvaltningschef', 'utbildningschef', 'gymnasiechef', 'verksamhetschef', 'enhetschef', 'rektor', 'biträdande rektor', 'bitr. rektor', 'bitr rektor',
  'utvecklingsledare', 'utvecklingsstrateg', 'samordnare', 'processledare', 'projektledare', 'strateg', 'kurator', 'specialpedagog', 'speciallärare', 'lärare',
  'syv', 'studie- och yrkesvägledare', 'studievägledare', 'elevhälsochef', 'skolsköterska', 'skolpsykolog', 'kvalitetsstrateg', 'kvalitetsutvecklare', 'handläggare',
  'ordförande', 'ordf', 'ordf.', 'vice ordförande', 'sekreterare', 'sekr', 'sekr.', 'justerare', 'adjungerad', 'gäst', 'ersättare', 'presidiet', 'koordinator', 'chef', 'avdelningschef',
];

export interface Organisations {
  /** The known organisation a written name stands for, and whether the writing was damaged. */
  match(written: string): { name: string; exact: boolean } | undefined;
  lexicon: Lexicon;
}

export function organisationsOf(members: readonly string[] = DEFAULT_MEMBER_ORGANISATIONS): Organisations {
  const names = [...new Set([...members, ...SWEDISH_MUNICIPALITIES])];
  const hasForbund = members.includes(KOMMUNALFORBUNDET);
  const lexicon = makeLexicon([...names, ...(hasForbund ? FORBUND_ALIASES : [])]);
  return {
    lexicon,
    match(written: string) {
      const w = written.trim().replace(/^[(\s]+|[)\s.,;:]+$/g, '').replace(/\s+/g, ' ');
      if (w.length < 2 || !/^[A-ZÅÄÖÉ]/.test(w)) return undefined;
      // "Skövde kommun", "Lidköpings kommun", "Mariestads kommun" → the municipality.
      const bare = w.replace(/s?\s+kommun$/i, '');
      for (const candidate of [w, bare, w.replace(/\s+kommun$/i, '')]) {
        const hit = lexicon.lookup(candidate);
        if (hit === undefined) continue;
        const name = hasForbund && FORBUND_ALIASES.includes(hit) ? KOMMUNALFORBUNDET : hit;
        const exact = hit.normalize('NFC').toLowerCase() === candidate.normalize('NFC').toLowerCase();
        return { name, exact };
      }
      return undefined;
    },
  };
}

/** A role word as written ("Skolchef", "rektor"), or undefined. */
export function roleOf(written: string): string | undefined {
  const w = written.trim().replace(/[()]/g, '').trim();
  const lower = foldOcr(w);
  return ROLE_WORDS.some((r) => foldOcr(r) === lower) ? w : undefined;
}

/** Names of bodies by their endings: "Skolverket", "Rudbecksgymnasiet", "Region Västra Götaland", "Lärarförbundet". */
export const ORGANISATION_LIKE = /^(?:region\s+\S.*|[\wÅÄÖåäöé -]*(?:verket|skolan|gymnasiet|förbundet|förbund|kommun|regionen|myndigheten|institutet|universitet|universitetet|högskolan|högskola|akademin|centrum|centret|förvaltningen|nämnden|stiftelsen|inspektionen|enheten|kansliet|AB))$/i;

const PARTICLES = new Set(['von', 'af', 'de', 'van', 'der', 'la', 'du', 'al', 'el', 'bin']);
const NAME_WORD = /^[A-ZÅÄÖÉÜ][a-zåäöéèüA-ZÅÄÖ'’]*(?:-[A-ZÅÄÖÉÜa-zåäö][a-zåäöéèüA-ZÅÄÖ'’]*)*\.?$/;

/** Whether words read as a person's name: one to four capitalised words (particles allowed). */
export function looksLikeName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < 1 || words.length > 4) return false;
  if (!words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w))) return false;
  if (!NAME_WORD.test(words[0] ?? '')) return false;
  return words.every((w) => !/^[A-ZÅÄÖ]{2,}$/.test(w) || w.length <= 3);
}

export interface ListedPerson {
  name: string;
  organisation?: string;
  role?: string;
  /** The organisation was written damaged and read as a known one. */
  organisationRepaired?: string;
  /** Written in the organisation's place but not a known organisation. */
  organisationUnknown?: boolean;
  /** The text this person was read from. */
  original: string;
}

const SEPARATOR_END = /(?:[,;(]|\s(?:och|samt|&))\s*$/i;

/**
 * A list's lines as one line. A line break is a separator when a whole entry ends there ("Anna
 * Andersson, Skövde" / "Bertil Berg, Tibro"), and only a space when the entry goes on: the line
 * ends with a separator or a lone first name ("…, Maria" / "Bring (Falköping), …"), or the next
 * line starts with an organisation, a parenthesis or a lower-case word.
 */
export function joinListLines(text: string, orgs: Organisations): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lastChunk = (out.split(/[,;]|\s(?:och|samt|&)\s/i).pop() ?? '').trim();
    const firstChunk = (line.split(/[,;(]|\s(?:och|samt|&)\s/i)[0] ?? '').trim();
    const goesOn =
      SEPARATOR_END.test(out) ||
      (out.match(/\(/g) ?? []).length > (out.match(/\)/g) ?? []).length ||
      (lastChunk.split(/\s+/).length === 1 && !orgs.match(lastChunk) && !roleOf(lastChunk)) ||
      /^[()a-zåäö]/.test(line) ||
      (orgs.match(firstChunk) !== undefined && firstChunk.split(/\s+/).length <= 2 && !/\s/.test(firstChunk.replace(/\s+kommun$/i, '')));
    out = goesOn ? `${out} ${line}` : `${out}, ${line}`;
  }
  return out;
}

/** Splits at commas, semicolons, "och", "samt", "&" and line breaks, outside parentheses. */
export function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  const s = text.replace(/\s+/g, ' ');
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      if (c === ',' || c === ';' || c === '\n') {
        parts.push(cur);
        cur = '';
        continue;
      }
      const rest = s.slice(i);
      const conj = /^ (?:och|samt|&|and) /i.exec(rest);
      if (conj) {
        parts.push(cur);
        cur = '';
        i += conj[0].length - 1;
        continue;
      }
    }
    cur += c;
  }
  parts.push(cur);
  return parts.map((p) => p.trim().replace(/^\*\s+/, '').replace(/\.$/, '').trim()).filter((p) => p !== '');
}

/**
 * A list of people as written → the people, with organisation and role where written.
 * Returns undefined when the text is not such a list (a sentence, a paragraph of discussion).
 */
export function readPeopleList(text: string, orgs: Organisations): ListedPerson[] | undefined {
  // Columns of a table as PDF extraction gives them ("Anna Andersson   Skövde   Rektor"): gaps are separators.
  const columns = text
    .split('\n')
    .map((l) => l.trim().replace(/\s*\|\s*/g, ', ').replace(/,(?:\s*,)+/g, ',').replace(/\s{2,}/g, ', '))
    .join('\n');
  const grouped = readGroupedByOrganisation(columns, orgs);
  if (grouped) return grouped;
  const chunks = splitList(joinListLines(columns, orgs));
  if (chunks.length === 0) return undefined;
  const people: ListedPerson[] = [];
  let rejected = 0;
  const applyExtra = (p: ListedPerson, part: string): boolean => {
    const o = orgs.match(part);
    if (o) {
      if (p.organisation === undefined) {
        p.organisation = o.name;
        if (!o.exact) p.organisationRepaired = part.trim();
        return true;
      }
      return false;
    }
    const r = roleOf(part);
    if (r) {
      p.role = p.role === undefined ? r : `${p.role}, ${r}`;
      return true;
    }
    return false;
  };
  for (const chunk of chunks) {
    const previous = people[people.length - 1];
    // "Name (Municipality, Role)", "Name (Municipality)", "Name (Role)".
    const paren = /^([^()]+?)\s*\(([^()]*)\)?\s*$/.exec(chunk);
    if (paren && chunk.includes('(')) {
      const name = (paren[1] ?? '').trim();
      // "Anna Andersson, Skövde (ordförande)": the organisation and the parenthesis belong to the name before.
      if (previous && previous.organisation === undefined && orgs.match(name)) {
        applyExtra(previous, name);
        for (const part of (paren[2] ?? '').split(/,|\s+[-–]\s+|\//)) if (part.trim()) applyExtra(previous, part.trim()) || (previous.role = part.trim());
        previous.original += `, ${chunk}`;
        continue;
      }
      if (!looksLikeName(name)) {
        rejected++;
        continue;
      }
      const person = splitNameAndOrganisation(name, orgs, chunk);
      for (const part of (paren[2] ?? '').split(/,|\s+[-–]\s+|\//)) {
        const t = part.trim();
        if (t === '') continue;
        if (!applyExtra(person, t)) {
          if (person.organisation === undefined && /^[A-ZÅÄÖ]/.test(t)) {
            person.organisation = t;
            person.organisationUnknown = true;
          } else person.role = person.role === undefined ? t : `${person.role}, ${t}`;
        }
      }
      people.push(person);
      continue;
    }
    // "Municipality)" or "Municipality" or "Skolchef" after a name: "Name, Municipality)".
    const extra = chunk.replace(/\)$/, '').trim();
    if (previous && (orgs.match(extra) || roleOf(extra)) && !looksLikeFullNameNotOrg(extra, orgs)) {
      if (applyExtra(previous, extra)) {
        previous.original += `, ${chunk}`;
        continue;
      }
    }
    // "Fredrik Holm, Skolverket": an organisation nobody listed, known by how such names end.
    if (previous && previous.organisation === undefined && ORGANISATION_LIKE.test(extra) && !orgs.match(extra)) {
      previous.organisation = extra;
      previous.organisationUnknown = true;
      previous.original += `, ${chunk}`;
      continue;
    }
    // "Name - Role", "Name – Municipality".
    const dash = /^(.+?)\s+[-–]\s+(.+)$/.exec(chunk);
    if (dash && looksLikeName((dash[1] ?? '').trim())) {
      const person = splitNameAndOrganisation((dash[1] ?? '').trim(), orgs, chunk);
      if (!applyExtra(person, (dash[2] ?? '').trim())) person.role = (dash[2] ?? '').trim();
      people.push(person);
      continue;
    }
    // "Anna Svensson rektor": a role word after the name.
    const tail = /^(.+?)\s+((?:[Bb]iträdande\s+)?[A-ZÅÄÖa-zåäö][a-zåäö.-]+)$/.exec(chunk);
    if (tail && roleOf(tail[2] ?? '') && looksLikeName((tail[1] ?? '').trim())) {
      const person = splitNameAndOrganisation((tail[1] ?? '').trim(), orgs, chunk);
      person.role = tail[2] ?? '';
      people.push(person);
      continue;
    }
    const name = chunk.replace(/\)$/, '').trim();
    if (looksLikeName(name) || looksLikeNameWithOrganisation(name, orgs)) {
      people.push(splitNameAndOrganisation(name, orgs, chunk));
      continue;
    }
    rejected++;
  }
  if (people.length === 0 || rejected > people.length / 3) return undefined;
  return people;
}

/**
 * Attendance grouped by organisation: "Skövde: Anna Dahlson, Per Ek; Tibro: Maria Bring", one
 * group a line or separated by semicolons. Undefined when the text is not written that way.
 */
function readGroupedByOrganisation(text: string, orgs: Organisations): ListedPerson[] | undefined {
  const groups = text.split(/[;\n]/).map((g) => g.trim()).filter(Boolean);
  const people: ListedPerson[] = [];
  let current: { name: string; repaired?: string } | undefined;
  let grouped = 0;
  for (const g of groups) {
    const m = /^([A-ZÅÄÖÉ][\wåäöéÅÄÖ -]{1,40}?)\s*:\s*(.+)$/.exec(g);
    const org = m ? orgs.match(m[1] ?? '') : undefined;
    if (m && org) {
      current = { name: org.name, ...(org.exact ? {} : { repaired: m[1] ?? '' }) };
      grouped++;
    }
    const rest = m && org ? m[2] ?? '' : g;
    if (!current) return undefined;
    const names = splitList(rest);
    if (!names.every((n) => looksLikeName(n))) return undefined;
    for (const n of names) people.push({ name: n, organisation: current.name, ...(current.repaired ? { organisationRepaired: current.repaired } : {}), original: g });
  }
  return grouped > 0 && people.length > 0 ? people : undefined;
}

function looksLikeFullNameNotOrg(s: string, orgs: Organisations): boolean {
  // "Maria Lundin" is a name; "Upplands Väsby" is an organisation that also looks like one.
  return s.split(/\s+/).length >= 2 && !orgs.match(s);
}

function looksLikeNameWithOrganisation(s: string, orgs: Organisations): boolean {
  const words = s.split(/\s+/);
  for (const n of [2, 1]) {
    if (words.length - n < 2) continue;
    if (orgs.match(words.slice(-n).join(' ')) && looksLikeName(words.slice(0, -n).join(' '))) return true;
  }
  return false;
}

/**
 * "Anna Dahlson Skövde" → Anna Dahlson of Skövde; "Maria Lundin" stays a name. The organisation
 * is split off only when a name of at least two words remains, so a surname that is also a
 * municipality's name ("Anna Berg") is never read as one.
 */
export function splitNameAndOrganisation(s: string, orgs: Organisations, original: string): ListedPerson {
  const words = s.trim().split(/\s+/);
  for (const n of [2, 1]) {
    if (words.length - n < 2) continue;
    const tail = words.slice(-n).join(' ');
    const o = orgs.match(tail);
    if (o) {
      return { name: words.slice(0, -n).join(' '), organisation: o.name, ...(o.exact ? {} : { organisationRepaired: tail }), original };
    }
  }
  return { name: s.trim(), original };
}

/**
 * The people a protocol names, resolved to whom they are: a full name given as written, a first
 * name ("Jonas") to the one person of that first name among those in view, or undefined when
 * none or several fit.
 */
export function resolveName(written: string, people: readonly { name: string }[]): { name: string; unique: boolean } | undefined {
  const w = foldOcr(written);
  const full = people.filter((p) => foldOcr(p.name) === w);
  if (full.length >= 1) return { name: full[0]?.name ?? written, unique: true };
  const byFirst = [...new Set(people.filter((p) => foldOcr(p.name).split(' ')[0] === w).map((p) => p.name))];
  if (byFirst.length === 1) return { name: byFirst[0] ?? written, unique: true };
  if (byFirst.length > 1) return { name: written, unique: false };
  // Damaged beyond folding ("Jolsgérd"): the tolerant pattern of each known full name.
  const tolerant = makeLexicon(people.map((p) => p.name)).lookup(written);
  if (tolerant !== undefined) return { name: tolerant, unique: true };
  return undefined;
}
