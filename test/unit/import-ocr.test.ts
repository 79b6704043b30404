import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ocrAvailable } from '../../src/importer/ocr';
import { OCR_MARK, readProtocol } from '../../src/importer/read-protocol';
import { scannedPdf } from './import-variants';

/** Scanned protocols (no text layer) are read by OCR where tesseract with Swedish is installed (CI installs it: .ci/run). */

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'protocols');
const FILE = 'im-natverket-2021-12-03.txt';

jest.setTimeout(180_000);

test('tesseract with its Swedish data and pdftoppm are installed (CI installs them)', async () => {
  expect(await ocrAvailable()).toBe(true);
});

test('a scan of a real protocol is read by OCR into the same date, attendees and items as its text, and marked for review', async () => {
  const text = readFileSync(path.join(FIXTURES, FILE), 'utf8');
  const fromText = await readProtocol({ name: FILE, bytes: new TextEncoder().encode(text) });
  const fromScan = await readProtocol({ name: 'skannat.pdf', bytes: await scannedPdf(text, 'IM-nätverket') });
  if (!fromText.ok || !fromScan.ok) throw new Error(`not read: ${JSON.stringify(fromScan.ok ? fromText : fromScan)}`);
  const textDoc = fromText.draft.document;
  const scanDoc = fromScan.draft.document;
  expect(scanDoc.date).toBe(textDoc.date);
  const names = (d: typeof textDoc): string[] => d.attendees.map((a) => a.name);
  const found = names(scanDoc).filter((n) => names(textDoc).includes(n));
  expect(found.length).toBeGreaterThanOrEqual(Math.ceil(0.9 * names(textDoc).length));
  expect(scanDoc.items.map((i) => i.title)).toHaveLength(textDoc.items.length);
  expect(scanDoc.review?.[0]).toEqual(OCR_MARK);
  expect(textDoc.review?.some((m) => m.reason === 'ocr')).toBe(false);
});

test('with OCR turned off (or not installed) a scan gets the Swedish message about scans, not an empty protocol', async () => {
  process.env.JUSTERA_OCR = 'off';
  try {
    const text = readFileSync(path.join(FIXTURES, FILE), 'utf8');
    const r = await readProtocol({ name: 'skannat.pdf', bytes: await scannedPdf(text, 'IM-nätverket') });
    expect(r).toMatchObject({ ok: false, error: { code: 'no_text_layer' } });
    expect(!r.ok && r.error.sv).toMatch(/PDF-filen har ingen text/);
  } finally {
    delete process.env.JUSTERA_OCR;
  }
});
