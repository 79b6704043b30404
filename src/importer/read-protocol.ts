import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readProtocolText, READER_VERSION, type ImportDraft, type ReaderContext } from '../domain/import/reader';
import { docxText } from './docx-text';
import { ocrAvailable, ocrPdfPages } from './ocr';

/**
 * The reader's edge: a file's bytes → its text (.txt in UTF-8 or Windows-1252, .docx, .pdf with
 * a text layer, or a scan read by OCR where tesseract is installed: see ./ocr.ts) → the pure
 * reader (domain/import/reader.ts). What cannot be read gets a clear message in Swedish and
 * English, never an empty protocol.
 */

export type ImportErrorCode = 'no_text_layer' | 'unsupported_format' | 'unreadable_file' | 'empty_file';

export interface ImportError {
  code: ImportErrorCode;
  sv: string;
  en: string;
}

export type ImportResult =
  | { ok: true; file: string; sha256: string; mediaType: string; text: string; draft: ImportDraft }
  | { ok: false; file: string; sha256: string; error: ImportError };

export const IMPORT_ERRORS: Record<ImportErrorCode, Omit<ImportError, 'code'>> = {
  no_text_layer: {
    sv: 'PDF-filen har ingen text, bara bilder (troligen en inskannad sida som inte körts genom textigenkänning, OCR), och ingen text kunde läsas ur bilderna här. Kör den genom OCR eller ladda upp originalet som Word-fil.',
    en: 'The PDF has no text, only images (probably a scan never run through OCR), and no text could be read from the images here. Run it through OCR, or upload the original Word file.',
  },
  unsupported_format: {
    sv: 'Filtypen kan inte läsas. Ladda upp protokollet som .docx, .pdf med text eller .txt. (Gamla .doc-filer: spara dem som .docx i Word först.)',
    en: 'This file type cannot be read. Upload the minutes as .docx, .pdf with text, or .txt. (Old .doc files: save them as .docx in Word first.)',
  },
  unreadable_file: {
    sv: 'Filen kunde inte läsas; den kan vara skadad eller lösenordsskyddad.',
    en: 'The file could not be read; it may be damaged or password-protected.',
  },
  empty_file: { sv: 'Filen är tom.', en: 'The file is empty.' },
};

const MEDIA: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

function kindOf(name: string, bytes: Uint8Array): 'docx' | 'pdf' | 'txt' | 'doc' | 'other' {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'doc';
  if (/\.(txt|text|md)$/i.test(name) || !bytes.subarray(0, 4096).includes(0)) return 'txt';
  return 'other';
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (what older Swedish Windows wrote). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The repository's root (where package.json is), from this module or its compiled copy. */
function pdfWorkerPath(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'src', 'importer', 'pdf-text.cjs');
    if (existsSync(candidate)) return candidate;
    const beside = join(dir, 'pdf-text.cjs');
    if (existsSync(beside)) return beside;
    dir = dirname(dir);
  }
  throw new Error('pdf-text.cjs not found');
}

/** The text layer of a PDF, one string per page, read in a worker thread (see pdf-text.cjs). */
export function pdfPages(bytes: Uint8Array, timeoutMs = 60000): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(pdfWorkerPath(), { workerData: { bytes }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    let settled = false;
    // A PDF that never finishes (damaged, or built to) is given up on.
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new Error('pdf: timed out'));
    }, timeoutMs);
    worker.once('exit', () => clearTimeout(timer));
    worker.once('message', (msg: { pages?: string[]; error?: string }) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (msg.pages) resolve(msg.pages);
      else reject(new Error(msg.error ?? 'pdf'));
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`pdf worker exited with ${code}`));
    });
  });
}

/** Whether extracted text holds anything to read (a page number or two does not count). */
function hasText(text: string): boolean {
  return text.replace(/\s+/g, '').length >= 20;
}

/** What the review screen says of a protocol read by OCR: every part of it is to be checked against the scan. */
export const OCR_MARK = {
  path: '/source',
  level: 'uncertain',
  reason: 'ocr',
  message: 'Texten är läst med textigenkänning (OCR) ur en inskannad PDF och kan innehålla felläsningar. Jämför med originalet innan du sparar.',
} as const;

/** A file's text as the reader gets it, or why there is none. */
export async function extractText(
  file: { name: string; bytes: Uint8Array },
): Promise<{ ok: true; text: string; mediaType: string; ocr?: true } | { ok: false; error: ImportError }> {
  const fail = (code: ImportErrorCode): { ok: false; error: ImportError } => ({ ok: false, error: { code, ...IMPORT_ERRORS[code] } });
  if (file.bytes.length === 0) return fail('empty_file');
  const kind = kindOf(file.name, file.bytes);
  try {
    if (kind === 'docx') return { ok: true, text: docxText(file.bytes), mediaType: MEDIA.docx ?? '' };
    if (kind === 'pdf') {
      const text = (await pdfPages(file.bytes)).join('\n\f');
      if (hasText(text)) return { ok: true, text, mediaType: MEDIA.pdf ?? '' };
      // A scan without a text layer: read by OCR where it is installed.
      if (!(await ocrAvailable())) return fail('no_text_layer');
      const read = (await ocrPdfPages(file.bytes).catch(() => [])).join('\n\f');
      return hasText(read) ? { ok: true, text: read, mediaType: MEDIA.pdf ?? '', ocr: true } : fail('no_text_layer');
    }
    if (kind === 'txt') return { ok: true, text: decodeText(file.bytes), mediaType: MEDIA.txt ?? '' };
  } catch {
    return fail('unreadable_file');
  }
  return fail('unsupported_format');
}

/** One file → its draft in the interchange format, with the original's SHA-256 recorded. */
export async function readProtocol(file: { name: string; bytes: Uint8Array }, context: Omit<ReaderContext, 'fileName' | 'source'> = {}): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const extracted = await extractText(file);
  if (!extracted.ok) return { ok: false, file: file.name, sha256, error: extracted.error };
  const draft = readProtocolText(extracted.text, {
    ...context,
    fileName: file.name,
    source: { kind: 'import', file: file.name, sha256, mediaType: extracted.mediaType, reader: READER_VERSION },
  });
  if (extracted.ocr) draft.document.review = [{ ...OCR_MARK }, ...(draft.document.review ?? [])];
  return { ok: true, file: file.name, sha256, mediaType: extracted.mediaType, text: extracted.text, draft };
}
