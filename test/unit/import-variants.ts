import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Damaged variants of the fixture protocols, made the way PDF extraction and OCR damage text,
 * and the fixtures as .docx and as a text-layer .pdf. Used by the reader's tests; never by the reader.
 */

/** Lines re-wrapped at `width` characters, long words hyphenated at the break ("sam-" / "verkan"). */
export function hyphenate(text: string, width = 58): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    let cur = '';
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const room = width - cur.length - (cur ? 1 : 0);
      if (word.length <= room) {
        cur = cur ? `${cur} ${word}` : word;
        continue;
      }
      if (word.length >= 7 && room >= 4 && /^[\p{L}]+$/u.test(word.slice(0, room - 1))) {
        const cut = Math.min(room - 1, word.length - 3);
        out.push(`${cur ? `${cur} ` : ''}${word.slice(0, cut)}-`);
        cur = word.slice(cut);
      } else {
        out.push(cur);
        cur = word;
      }
    }
    if (cur) out.push(cur);
  }
  return out.join('\n');
}

/**
 * OCR's damage: ä read as é, ö as o or é, å as a, a standalone "i" as "1", bullets as "e".
 * Deterministic: every other ö becomes o, the others é; every third "i" standalone becomes "1".
 */
export function ocrDamage(text: string): string {
  let o = 0;
  let i = 0;
  return text
    .replace(/^(\s*)\* /gm, '$1e ')
    .replace(/ä/g, 'é')
    .replace(/Ä/g, 'É')
    .replace(/ö/g, () => (o++ % 2 === 0 ? 'o' : 'é'))
    .replace(/Ö/g, 'O')
    .replace(/å/g, 'a')
    .replace(/Å/g, 'A')
    .replace(/ i /g, (m) => (i++ % 3 === 0 ? ' 1 ' : m));
}

/** Pages of `lines` lines with a repeated header and a "Sida n av m" footer, pages split by form feeds. */
export function withHeaders(text: string, header: string, lines = 22): string {
  const all = text.split('\n');
  const pages: string[][] = [];
  for (let k = 0; k < all.length; k += lines) pages.push(all.slice(k, k + lines));
  return pages.map((p, n) => [header, '', ...p, '', `Sida ${n + 1} av ${pages.length}`].join('\n')).join('\n\f');
}

export interface ListedAttendee {
  name: string;
  organisation: string;
  role?: string;
}

/** The attendance run together in the shapes OCR'd protocols show, wrapped across lines. */
export function runTogether(people: readonly ListedAttendee[], width = 64): string {
  const shapes = people.map((p, k) => {
    switch (k % 4) {
      case 0:
        return p.role ? `${p.name} (${p.organisation}, ${p.role})` : `${p.name} ${p.organisation}`;
      case 1:
        return `${p.name} (${p.organisation})`;
      case 2:
        return `${p.name}, ${p.organisation})`;
      default:
        return p.role ? `${p.name} (${p.organisation}, ${p.role})` : `${p.name} ${p.organisation}`;
    }
  });
  const joined = `${shapes.slice(0, -1).join(', ')} och ${shapes[shapes.length - 1] ?? ''}`;
  // Wrapped mid-entry, as a PDF's lines fall.
  const out: string[] = [];
  let cur = '';
  for (const word of joined.split(' ')) {
    if (cur.length + word.length + 1 > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  out.push(cur);
  return out.join('\n');
}

/** The fixture's attendance paragraph (the lines between "1. Närvaro…" and the justerare's sentence) replaced. */
export function replaceAttendance(text: string, replacement: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*1\.\s*Närvaro/.test(l));
  const end = lines.findIndex((l, k) => k > start && /justerar/.test(l));
  if (start < 0 || end < 0) throw new Error('no attendance in fixture');
  return [...lines.slice(0, start + 1), '', replacement, '', ...lines.slice(end)].join('\n');
}

const NUMBERED = /^\s*(\d{1,2})\.\s+(.*)$/;

/** The protocol as Word writes it: the title as a heading, items as a real numbered list, bullets as a bulleted list. */
export async function asDocx(text: string): Promise<Uint8Array> {
  const paragraphs: Paragraph[] = [];
  let first = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const numbered = NUMBERED.exec(line);
    if (first) {
      paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(line)] }));
      first = false;
    } else if (numbered) {
      paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: 'items', level: 0 }, children: [new TextRun((numbered[2] ?? '').replace(/\*/g, ''))] }));
    } else if (/^\* /.test(line)) {
      paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(line.slice(2))] }));
    } else paragraphs.push(new Paragraph({ children: [new TextRun(line)] }));
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children: paragraphs }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const FONT = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** The protocol as a text-layer PDF: pdfkit wraps the lines to the page, with a header and page numbers on every page. */
export function asPdf(text: string, header: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, bufferPages: true });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font(FONT).fontSize(11);
    for (const line of text.split('\n')) {
      if (line.trim() === '') doc.moveDown(0.5);
      else doc.text(line.trim(), { width: 420 });
    }
    const range = doc.bufferedPageRange();
    for (let k = range.start; k < range.start + range.count; k++) {
      doc.switchToPage(k);
      // Text in the margins would otherwise start a new page.
      doc.page.margins.top = 0;
      doc.page.margins.bottom = 0;
      doc.text(header, 72, 30, { lineBreak: false });
      doc.text(`Sida ${k + 1} av ${range.count}`, 72, doc.page.height - 50, { lineBreak: false });
    }
    doc.end();
  });
}

/** A PDF with no text layer: only a drawn shape, as a scan is only an image. */
export function imageOnlyPdf(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.rect(100, 100, 300, 400).fill('#888888');
    doc.end();
  });
}

/**
 * A scan: the text's PDF printed to images (poppler's pdftoppm at 200 dpi, grey) and each page put
 * in a new PDF as a picture, with no text layer, as a scanner without OCR makes it.
 */
export async function scannedPdf(text: string, header: string): Promise<Uint8Array> {
  const dir = mkdtempSync(path.join(tmpdir(), 'justera-scan-'));
  try {
    writeFileSync(path.join(dir, 'text.pdf'), await asPdf(text, header));
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', path.join(dir, 'text.pdf'), path.join(dir, 'p')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    return await new Promise((resolve, reject) => {
      const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
      for (const page of pages) {
        doc.addPage({ size: 'A4', margin: 0 });
        doc.image(path.join(dir, page), 0, 0, { width: doc.page.width, height: doc.page.height });
      }
      doc.end();
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
