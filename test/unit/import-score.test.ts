import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readProtocolText, type ReaderContext } from '../../src/domain/import/reader';
import type { ProtokollDocument } from '../../src/domain/import/protokoll';
import { SKARABORG_MUNICIPALITIES } from '../../src/domain/municipality';
import { readProtocol } from '../../src/importer/read-protocol';
import { FIXTURES, score, type ExpectedFacts, type Score } from './import-facts';
import { asDocx, asPdf, hyphenate, ocrDamage, replaceAttendance, runTogether, withHeaders, type ListedAttendee } from './import-variants';

/**
 * The reader scored on the three fixture protocols and on damaged variants derived from them:
 * facts found, missed and invented against the facts written by hand in import-facts.ts. The
 * floors below are what the reader reaches; the score is printed.
 */
const DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');

const ROLES: Record<number, string> = { 0: 'Skolchef', 3: 'Rektor', 8: 'Utvecklingsledare' };

/** The attendance with an organisation for everyone (the known ones where the protocol gives them) and a few roles. */
function listed(names: readonly string[], facts: ExpectedFacts): ListedAttendee[] {
  return names.map((name, k) => {
    const known = facts.attendees.find((a) => a.name === name)?.organisation;
    const role = k % 4 === 0 || k % 4 === 3 ? ROLES[k] : undefined;
    return { name, organisation: known ?? SKARABORG_MUNICIPALITIES[(k * 4) % 15] ?? 'Skara', ...(role ? { role } : {}) };
  });
}

interface Variant {
  name: string;
  read: () => Promise<ProtokollDocument>;
  facts: ExpectedFacts;
}

function variantsOf(key: string): Variant[] {
  const f = FIXTURES[key];
  if (!f) throw new Error(key);
  const text = readFileSync(path.join(DIR, f.file), 'utf8');
  // The network's members, as the tab would pass them: names only, so organisations must come from the text.
  const members = f.names.map((name, k) => ({ id: `m${k}`, name }));
  const ctx: ReaderContext = { fileName: f.file, members };
  const read = (t: string, c: ReaderContext = ctx) => async () => readProtocolText(t, c).document;
  const file = (bytes: () => Promise<Uint8Array>, name: string) => async () => {
    const r = await readProtocol({ name, bytes: await bytes() }, { members });
    if (!r.ok) throw new Error(r.error.en);
    return r.draft.document;
  };
  const out: Variant[] = [
    { name: 'clean, no context', read: read(text, { fileName: f.file }), facts: f.facts },
    { name: 'clean', read: read(text), facts: f.facts },
    { name: 'hyphenated', read: read(hyphenate(text)), facts: f.facts },
    { name: 'lost diacritics (OCR)', read: read(ocrDamage(text)), facts: f.facts },
    { name: 'page headers and footers', read: read(withHeaders(text, f.header)), facts: f.facts },
    { name: 'all damage', read: read(ocrDamage(hyphenate(withHeaders(text, f.header)))), facts: f.facts },
    { name: 'docx', read: file(() => asDocx(text), f.file.replace(/\.txt$/, '.docx')), facts: f.facts },
    { name: 'pdf (text layer)', read: file(() => asPdf(text, f.header), f.file.replace(/\.txt$/, '.pdf')), facts: f.facts },
  ];
  if (f.names.length > 0) {
    const people = listed(f.names, f.facts);
    const together = replaceAttendance(text, runTogether(people));
    const facts: ExpectedFacts = { ...f.facts, attendees: people.map((p) => ({ name: p.name, organisation: p.organisation, ...(p.role ? { role: p.role } : {}) })) };
    out.push(
      { name: 'attendance run together', read: read(together), facts },
      { name: 'attendance run together, OCR', read: read(ocrDamage(together)), facts },
      { name: 'attendance run together, no context', read: read(together, { fileName: f.file }), facts },
    );
  }
  return out;
}

const results: { fixture: string; variant: string; s: Score }[] = [];

describe.each(Object.keys(FIXTURES))('reader scored on %s', (key) => {
  test.each(variantsOf(key).map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const doc = await v.read();
    const s = score(doc, v.facts);
    results.push({ fixture: key, variant: v.name, s });
    // Nothing invented, ever; and no variant reads less than 90 % of its facts.
    expect(s.invented).toEqual([]);
    expect(s.found / s.total).toBeGreaterThanOrEqual(0.9);
  });
});

afterAll(() => {
  const found = results.reduce((n, r) => n + r.s.found, 0);
  const total = results.reduce((n, r) => n + r.s.total, 0);
  const invented = results.reduce((n, r) => n + r.s.invented.length, 0);
  const lines = results.map((r) => `${r.fixture.padEnd(9)} ${r.variant.padEnd(38)} ${r.s.found}/${r.s.total}${r.s.invented.length ? ` invented ${r.s.invented.length}` : ''}${r.s.missed.length ? `  missed: ${r.s.missed.join('; ')}` : ''}`);
  // eslint-disable-next-line no-console
  console.log(`Reader score: ${found}/${total} facts found (${((100 * found) / Math.max(1, total)).toFixed(1)} %), ${invented} invented\n${lines.join('\n')}`);
  if (results.length === Object.keys(FIXTURES).reduce((n, k) => n + variantsOf(k).length, 0)) {
    expect(found / total).toBeGreaterThanOrEqual(0.95);
    expect(invented).toBe(0);
  }
});
