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

/** Municipality from an e-mail address; subdomains count (edu.skovde.se → Skövde). */
export function municipalityFromEmail(email: string | undefined, map: MunicipalityMap): string {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return UNKNOWN_MUNICIPALITY;
  let domain = email.slice(at + 1).trim().toLowerCase();
  while (domain.includes('.')) {
    const hit = map[domain];
    if (hit) return hit;
    domain = domain.slice(domain.indexOf('.') + 1);
  }
  return UNKNOWN_MUNICIPALITY;
}

/** Known municipality names for corrections: the fifteen, the kommunalförbund and the map's values. */
export function knownMunicipalities(map: MunicipalityMap): string[] {
  return [...new Set<string>([...SKARABORG_MUNICIPALITIES, KOMMUNALFORBUNDET, ...Object.values(map)])];
}

/** Matches what a member typed ("skovde", "Skövde ") to a known name, or undefined. */
export function matchMunicipality(input: string, map: MunicipalityMap): string | undefined {
  const wanted = fold(input);
  if (!wanted) return undefined;
  return knownMunicipalities(map).find((name) => fold(name) === wanted);
}

function fold(s: string): string {
  return s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
}
