import { stemSwedish } from '../../src/domain/search/swedish-stemmer';
import { ocrVariants, termOf, tokens } from '../../src/domain/search/text';
import { parseQuery } from '../../src/domain/search/query';
import { matchDocument } from '../../src/domain/search/match';
import { documentTerms, type SearchDocument } from '../../src/domain/search/document';

describe('Swedish stemming', () => {
  it.each([
    ['protokollet', 'protokoll'],
    ['protokollen', 'protokoll'],
    ['kommunerna', 'kommun'],
    ['kommunernas', 'kommun'],
    ['kommuner', 'kommun'],
    ['beslutet', 'beslut'],
    ['besluten', 'beslut'],
    ['mötet', 'möt'],
    ['möten', 'möt'],
    ['skolornas', 'skol'],
    ['hopplöst', 'hopplös'],
    ['klokhet', 'klok'],
    ['budgeten', 'budget'],
    ['budget', 'budget'],
  ])('%s → %s', (word, stem) => expect(stemSwedish(word)).toBe(stem));

  it('finds an inflected form from its base form and back', () => {
    expect(termOf('Protokollet')).toBe(termOf('protokoll'));
    expect(termOf('kommunerna')).toBe(termOf('kommun'));
  });

  it('keeps -et that belongs to the word', () => {
    expect(stemSwedish('paket')).toBe('paket');
  });

  it('keeps å, ä and ö apart from a and o', () => {
    expect(termOf('få')).not.toBe(termOf('fa'));
    expect(termOf('år')).not.toBe(termOf('ar'));
    expect(termOf('öl')).not.toBe(termOf('ol'));
    expect(termOf('ÄR')).toBe('är');
    expect(termOf('idé')).toBe(termOf('ide'));
  });
});

describe('OCR variants', () => {
  it('offers the letters a scan mixes up, and the word without its marks', () => {
    expect(ocrVariants('möte')).toEqual(expect.arrayContaining(['rnöte', 'mote']));
    expect(ocrVariants('rnöte')).toEqual(expect.arrayContaining(['möte']));
    expect(ocrVariants('skolchef')).toEqual(expect.arrayContaining(['skolchcf', 'sko1chef']));
    expect(ocrVariants('möte')).not.toContain('möte');
  });
});

describe('queries', () => {
  it('reads quoted phrases apart from single words', () => {
    const q = parseQuery('budget "nästa möte" Skövde');
    expect(q.words.map((w) => w.word)).toEqual(['budget', 'skövde']);
    expect(q.phrases.map((p) => p.map((w) => w.word))).toEqual([['nästa', 'möte']]);
  });

  it('gives word positions in the original text', () => {
    expect(tokens('Ärende: Mötet').map((t) => [t.start, t.end])).toEqual([
      [0, 6],
      [8, 13],
    ]);
  });
});

describe('matching a protocol', () => {
  const doc: SearchDocument = {
    tenantId: 't',
    networkId: 'n',
    meetingId: 'm',
    version: 1,
    date: '2026-03-01',
    year: 2026,
    title: 'Protokoll',
    organisations: [],
    people: [],
    passages: [
      { field: 'notes', text: 'Kommunerna redovisade läget inför nästa möte.', itemId: 'i1', itemNumber: 2, itemTitle: 'Laget runt' },
      { field: 'decision', text: 'Mötet beslutade att anta budgeten.', itemId: 'i2', itemNumber: 3, itemTitle: 'Budget' },
      { field: 'action', text: 'Skicka protokollet till kommunen (Anna)', itemId: 'i2', itemNumber: 3, itemTitle: 'Budget', actionId: 'a1' },
    ],
  };
  const none = new Map<string, Set<string>>();

  it('finds inflections and highlights them in the passage, naming the item', () => {
    const hits = matchDocument(doc, parseQuery('kommun'), none, 'all');
    expect(hits?.map((h) => [h.itemNumber, h.text.slice(...h.highlights[0]!)])).toEqual([
      [2, 'Kommunerna'],
      [3, 'kommunen'],
    ]);
  });

  it('needs a phrase in order', () => {
    expect(matchDocument(doc, parseQuery('"nästa möte"'), none, 'all')).toHaveLength(1);
    expect(matchDocument(doc, parseQuery('"möte nästa"'), none, 'all')).toBeUndefined();
  });

  it('searches decisions or action items as such', () => {
    expect(matchDocument(doc, parseQuery('budget'), none, 'decisions')?.map((h) => h.field)).toEqual(['decision']);
    expect(matchDocument(doc, parseQuery('kommun'), none, 'decisions')).toBeUndefined();
    expect(matchDocument(doc, parseQuery('protokoll'), none, 'actions')?.[0]?.actionId).toBe('a1');
  });

  it('needs every word somewhere in the protocol', () => {
    expect(matchDocument(doc, parseQuery('kommun budget'), none, 'all')).toHaveLength(3);
    expect(matchDocument(doc, parseQuery('kommun skolchef'), none, 'all')).toBeUndefined();
  });

  it("indexes each distinct term once, and not a 'word' too long to be searched", () => {
    const terms = documentTerms({ ...doc, passages: [...doc.passages, { field: 'notes', text: `Kommunen ${'x'.repeat(200)}` }] });
    expect(terms.filter((t) => t === 'kommun')).toHaveLength(1);
    expect(terms).toEqual(expect.arrayContaining(['kommun', 'budget', 'protokoll', 'näst', 'möt']));
    expect(terms.some((t) => t.length > 64)).toBe(false);
  });

  it('counts an OCR variant the index accepted for a word', () => {
    const damaged: SearchDocument = { ...doc, passages: [{ field: 'notes', text: 'Nästa rnöte hålls i Skövde', itemNumber: 1 }] };
    expect(matchDocument(damaged, parseQuery('möte'), none, 'all')).toBeUndefined();
    const accepted = new Map([[termOf('möte'), new Set([termOf('rnöte')])]]);
    const hit = matchDocument(damaged, parseQuery('möte'), accepted, 'all')?.[0];
    expect(hit && hit.text.slice(...hit.highlights[0]!)).toBe('rnöte');
  });
});
