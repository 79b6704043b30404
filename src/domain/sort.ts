const collator = new Intl.Collator('sv');

/** Swedish order for names (Å, Ä, Ö after Z): the one comparator for every list of names. */
export function compareSv(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Compares things by their name, in Swedish order. */
export function byNameSv(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}
