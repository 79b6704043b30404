import { importedFileNames } from '../../src/domain/archive-names';
import { yearOfPeriod } from '../../src/domain/import/dates';
import type { ReviewMark } from '../../src/domain/import/protokoll';
import { fieldLabel, highlightSegments, marksAt, removedAt, reviewedAt } from '../../src/tab/features/import/review';
import { importStrings } from '../../src/tab/features/import/strings';

/** The import review screen's pure parts, the period an undated protocol is filed under, and its archive names. */

const mark = (path: string, original?: string, start?: number): ReviewMark => ({
  path,
  level: 'uncertain',
  reason: 'test',
  message: `osäker: ${path}`,
  ...(original !== undefined ? { original } : {}),
  ...(start !== undefined ? { start, end: start + (original ?? '').length } : {}),
});

describe('the original text cut at the review marks', () => {
  const text = 'Närvarande: Anna Dahlson Gétene, Per Ek Tibro. Gétene igen.';

  test('a mark whose offsets hold its original is marked there; the rest of the text stays, in order', () => {
    const at = text.lastIndexOf('Gétene');
    const segs = highlightSegments(text, [mark('/attendees/0/organisation', 'Gétene', at)]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    const marked = segs.filter((s) => s.mark);
    expect(marked).toHaveLength(1);
    expect(segs.findIndex((s) => s.mark)).toBe(1);
    expect(segs[0]?.text).toBe(text.slice(0, at));
  });

  test('offsets that do not hold the original: found in the text instead, the first place not taken', () => {
    const segs = highlightSegments(text, [mark('/a', 'Gétene', 0), mark('/b', 'Gétene', 3)]);
    const marked = segs.filter((s) => s.mark).map((s) => [s.mark?.path, text.indexOf(s.text) >= 0]);
    expect(marked).toEqual([
      ['/a', true],
      ['/b', true],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  test('a mark without an original or not in the text is left out; no marks: the whole text', () => {
    expect(highlightSegments(text, [mark('/date'), mark('/x', 'finns inte')])).toEqual([{ text }]);
    expect(highlightSegments('', [])).toEqual([]);
  });
});

test('the marks at a field hold those inside it; a pointer reads as words', () => {
  const marks = [mark('/attendees/2/organisation'), mark('/attendees/20/name'), mark('/date')];
  expect(marksAt(marks, '/attendees/2').map((m) => m.path)).toEqual(['/attendees/2/organisation']);
  expect(fieldLabel('/attendees/2/organisation', importStrings.sv)).toBe('Deltagare 3 · Organisation');
  expect(fieldLabel('/items/0/decisions/1', importStrings.en)).toBe('Items 1 · Decisions 2');
});

test('a corrected field is reviewed: its marks go; a row taken out takes its marks, and the later rows\' marks follow', () => {
  const marks = [mark('/date'), mark('/attendees/0/name'), mark('/attendees/1/organisation'), mark('/attendees/2/role'), mark('/attendees/12/name'), mark('/items/2/title')];
  expect(reviewedAt('/date')(marks).map((m) => m.path)).not.toContain('/date');
  expect(reviewedAt('/attendees/1/organisation')(marks)).toHaveLength(marks.length - 1);
  expect(removedAt('/attendees', 1)(marks).map((m) => m.path)).toEqual(['/date', '/attendees/0/name', '/attendees/1/role', '/attendees/11/name', '/items/2/title']);
});

test.each([
  ['hösten 2023', '2023'],
  ['VT 22', '2022'],
  ['vt-22', '2022'],
  ['december 2021', '2021'],
  ['2019', '2019'],
  ['hösten', undefined],
  ['punkt 12345', undefined],
  [undefined, undefined],
])('the year of the period %p: %p', (period, year) => {
  expect(yearOfPeriod(period)).toBe(year);
});

test("an imported protocol's files are named beside its rendered documents, the original under its own extension", () => {
  const names = { file: 'Protokoll för IM-nätverket 2021-12-03' };
  expect(importedFileNames(names, 'gammalt protokoll.DOCX')).toEqual({
    original: 'Protokoll för IM-nätverket 2021-12-03 importerat original.docx',
    json: 'Protokoll för IM-nätverket 2021-12-03 importerat.json',
    pdf: 'Protokoll för IM-nätverket 2021-12-03 importerat.pdf',
    docx: 'Protokoll för IM-nätverket 2021-12-03 importerat.docx',
  });
  expect(importedFileNames(names, 'utan-filändelse').original).toBe('Protokoll för IM-nätverket 2021-12-03 importerat original.bin');
});
