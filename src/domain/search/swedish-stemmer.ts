/**
 * The Snowball Swedish stemmer (snowballstem.org/algorithms/swedish), with the definite neuter
 * suffix -et that Snowball 3 added ("protokollet" → "protokoll", "beslutet" → "beslut"), kept
 * off words whose -et is part of the stem ("paket", "kvitt"). Pure; input is lower case.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'å', 'ö']);
const S_ENDING = new Set([...'bcdfghjklmnoprtvy']);
const OST_ENDING = new Set([...'iklnprtuv']);

/** Longest first, so the first match is the longest (step 1). */
const MAIN_SUFFIXES = [
  'heterna', 'hetens', 'anden', 'andes', 'andet', 'arens', 'arnas', 'ernas', 'heten', 'heter', 'ornas',
  'ande', 'arna', 'arne', 'aste', 'aren', 'ades', 'erna', 'erns', 'orna', 'ade', 'are', 'ern', 'ens', 'het', 'ast',
  'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at', 'et', 'a', 'e', 's',
].sort((a, b) => b.length - a.length);

/** Stems before -et where -et belongs to the word (Snowball 3's list, shortened). */
const ET_KEPT = ['fab', 'h', 'pak', 'rak', 'stak', 'kom', 'iet', 'cit', 'dit', 'alit', 'ilit', 'mit', 'nit', 'pit', 'rit', 'sit', 'tit', 'uit', 'ivit', 'kvit', 'xit'];

const DOUBLES = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

/** R1: after the first non-vowel that follows a vowel, but at least 3 letters in. */
function r1(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return Math.max(i + 1, 3);
  }
  return word.length;
}

/**
 * Snowball 3's condition (the stem ends in a vowel and a non-vowel, and is not on the kept list),
 * widened to a doubled consonant after a vowel ("protokoll|et", "kontroll|et"), which Snowball keeps.
 */
function etAllowed(stem: string): boolean {
  const last = stem.at(-1);
  if (last === undefined || isVowel(last)) return false;
  const before = stem.at(-2);
  const ok = isVowel(before) || (before === last && isVowel(stem.at(-3)));
  return ok && stem.length > 2 && !ET_KEPT.some((k) => stem.endsWith(k));
}

export function stemSwedish(input: string): string {
  let word = input;
  const p1 = r1(word);
  if (p1 >= word.length) return word;
  // Step 1: the longest main suffix within R1.
  for (const suffix of MAIN_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < p1) continue;
    const stem = word.slice(0, -suffix.length);
    if (suffix === 's') {
      if (S_ENDING.has(stem.at(-1) ?? '')) word = stem;
    } else if (suffix === 'et') {
      if (etAllowed(stem)) word = stem;
    } else {
      word = stem;
    }
    break;
  }
  // Step 2: a double consonant ending within R1 loses its last letter.
  if (DOUBLES.some((d) => word.endsWith(d) && word.length - 2 >= p1)) word = word.slice(0, -1);
  // Step 3.
  const inR1 = (suffix: string): boolean => word.endsWith(suffix) && word.length - suffix.length >= p1;
  if (inR1('fullt')) word = word.slice(0, -1);
  else if (inR1('öst') && OST_ENDING.has(word.at(-4) ?? '')) word = word.slice(0, -1);
  else if (inR1('lig')) word = word.slice(0, -3);
  else if (inR1('ig') || inR1('els')) word = word.slice(0, -(word.endsWith('ig') ? 2 : 3));
  return word;
}
