import { SWEDISH_MUNICIPALITIES } from './municipalities-se';
import { compareSv } from './sort';

/** Skaraborg's fifteen municipalities, in the order people expect (alphabetical, Swedish). */
export const SKARABORG_MUNICIPALITIES = [
  'Essunga', 'Falköping', 'Grästorp', 'Gullspång', 'Götene', 'Hjo', 'Karlsborg', 'Lidköping',
  'Mariestad', 'Skara', 'Skövde', 'Tibro', 'Tidaholm', 'Töreboda', 'Vara',
] as const;

export const KOMMUNALFORBUNDET = 'Skaraborgs kommunalförbund';
/** Shown when an e-mail domain is not in the map; the member can correct it. */
export const UNKNOWN_MUNICIPALITY = 'okänd';

export const DEFAULT_MUNICIPALITY_DOMAINS: Readonly<Record<string, string>> = {
  'essunga.se': 'Essunga',
  'falkoping.se': 'Falköping',
  'grastorp.se': 'Grästorp',
  'gullspang.se': 'Gullspång',
  'gotene.se': 'Götene',
  'hjo.se': 'Hjo',
  'karlsborg.se': 'Karlsborg',
  'lidkoping.se': 'Lidköping',
  'mariestad.se': 'Mariestad',
  'skara.se': 'Skara',
  'skovde.se': 'Skövde',
  'tibro.se': 'Tibro',
  'tidaholm.se': 'Tidaholm',
  'toreboda.se': 'Töreboda',
  'vara.se': 'Vara',
  'skaraborg.se': KOMMUNALFORBUNDET,
};

export type MunicipalityMap = Readonly<Record<string, string>>;

/** The cooperation's member organisations unless MEMBER_ORGANISATIONS says otherwise. */
export const DEFAULT_MEMBER_ORGANISATIONS: readonly string[] = [...SKARABORG_MUNICIPALITIES, KOMMUNALFORBUNDET];

/** "Malung-Sälen" → "malung-salen": lower case, å/ä → a, ö → o, spaces dropped (as in municipal domains). */
function domainLabel(name: string): string {
  return fold(name).replace(/\s+/g, '');
}

/**
 * `<name>.se` for every Swedish municipality (angelholm.se → Ängelholm). Håbo and Habo fold to
 * the same label: habo.se is Håbo's, Habo has habokommun.se.
 */
const DERIVED_DOMAINS: MunicipalityMap = {
  ...Object.fromEntries(SWEDISH_MUNICIPALITIES.map((name) => [`${domainLabel(name)}.se`, name])),
  'habo.se': 'Håbo',
  'habokommun.se': 'Habo',
};


/**
 * Organisation from an e-mail address: the explicit map, then `<municipality>.se`; subdomains
 * count (edu.skovde.se → Skövde) and so does a "kommun" in the name (lundkommun.se → Lund).
 */
export function municipalityFromEmail(email: string | undefined, map: MunicipalityMap): string {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return UNKNOWN_MUNICIPALITY;
  let domain = email.slice(at + 1).trim().toLowerCase();
  while (domain.includes('.')) {
    const hit = map[domain] ?? DERIVED_DOMAINS[domain] ?? DERIVED_DOMAINS[domain.replace(/-?kommun(?=\.se$)/, '')];
    if (hit) return hit;
    domain = domain.slice(domain.indexOf('.') + 1);
  }
  return UNKNOWN_MUNICIPALITY;
}

/**
 * Known organisation names for corrections: the cooperation's members and the domain map's
 * names first, then every Swedish municipality.
 */
export function knownMunicipalities(map: MunicipalityMap, members: readonly string[] = DEFAULT_MEMBER_ORGANISATIONS): string[] {
  return [...new Set<string>([...members, ...Object.values(map), ...SWEDISH_MUNICIPALITIES])];
}

/** What an unrecognised correction suggests: the cooperation's members and the domain map's names, in Swedish order. */
export function suggestedOrganisations(map: MunicipalityMap, members: readonly string[] = DEFAULT_MEMBER_ORGANISATIONS): string[] {
  return [...new Set<string>([...members, ...Object.values(map)])].sort(compareSv);
}

/**
 * Matches what a member typed ("skovde", "Skövde ", "Lunds kommun") to a known name, or undefined.
 * Case and accents do not matter, nor a trailing "kommun".
 */
export function matchMunicipality(input: string, map: MunicipalityMap, members: readonly string[] = DEFAULT_MEMBER_ORGANISATIONS): string | undefined {
  if (!fold(input)) return undefined;
  const known = knownMunicipalities(map, members);
  const lower = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
  // Accents count first (Habo is not Håbo), then they may be left out ("skovde").
  for (const key of [lower, fold]) {
    const typed = key(input);
    const bare = typed.replace(/\s+kommun$/, '');
    // "Lunds kommun" → Lund, but "Borås kommun" stays Borås.
    const hit =
      known.find((name) => key(name) === typed) ??
      (bare !== typed ? known.find((name) => key(name) === bare) ?? known.find((name) => `${key(name)}s` === bare) : undefined);
    if (hit) return hit;
  }
  return undefined;
}

function fold(s: string): string {
  return s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
}

/**
 * MEMBER_ORGANISATIONS ("Lund; Ängelholm kommun; Skolverket") → names: a Swedish municipality by
 * its official name (however it was typed), anything else as a regional body's name as written.
 * Each once, in the order given.
 */
export function memberOrganisationsFrom(setting: string): string[] {
  const names = setting
    .split(';')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
    .map((name) => matchMunicipality(name, {}, []) ?? name);
  return [...new Set(names)];
}
