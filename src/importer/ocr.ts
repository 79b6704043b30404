import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Optional OCR for scanned PDFs without a text layer: Debian's tesseract with its Swedish data
 * (tesseract-ocr, tesseract-ocr-swe), each page rendered by poppler's pdftoppm. Both run as
 * processes, never on the event loop. Where either is missing, `ocrAvailable` says no and the
 * importer answers with its message about scans instead.
 */

/** At most this many pages are read: an archive's protocols are a few pages; a 300-page scan is not a protocol. */
export const OCR_MAX_PAGES = 40;
/** 300 dpi: what tesseract reads best at; less loses å/ä/ö dots. */
const DPI = '300';

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });
}

let available: Promise<boolean> | undefined;

/** Whether tesseract with Swedish, and pdftoppm, are installed here (asked once). */
export function ocrAvailable(): Promise<boolean> {
  // JUSTERA_OCR=off: never, even where it is installed (and how tests see a machine without it).
  if (process.env.JUSTERA_OCR === 'off') return Promise.resolve(false);
  available ??= (async () => {
    try {
      const langs = await run('tesseract', ['--list-langs'], 10_000);
      await run('pdftoppm', ['-v'], 10_000).catch((err: { code?: unknown }) => {
        // pdftoppm -v exits 0 on new poppler, 99 on old ones; only a missing binary counts.
        if (err.code === 'ENOENT') throw err;
        return '';
      });
      return /^swe$/m.test(langs);
    } catch {
      return false;
    }
  })();
  return available;
}

/** The text of a scanned PDF, one string per page, read by OCR; rejects when OCR is not installed or fails. */
export async function ocrPdfPages(bytes: Uint8Array, timeoutMs = 120_000): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'justera-ocr-'));
  const started = Date.now();
  const left = (): number => Math.max(1000, timeoutMs - (Date.now() - started));
  try {
    const pdf = join(dir, 'scan.pdf');
    await writeFile(pdf, bytes);
    await run('pdftoppm', ['-r', DPI, '-gray', '-png', '-l', String(OCR_MAX_PAGES), pdf, join(dir, 'page')], left());
    const pages = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort((a, b) => pageNumber(a) - pageNumber(b));
    const texts: string[] = [];
    for (const page of pages) texts.push(await run('tesseract', [join(dir, page), 'stdout', '-l', 'swe'], left()));
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pageNumber(file: string): number {
  return Number(/(\d+)\.png$/.exec(file)?.[1] ?? 0);
}
