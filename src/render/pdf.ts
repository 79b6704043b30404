import PDFDocument from 'pdfkit';
import type { HeadingLevel, Line, ProtocolBlock, ProtocolLayout } from './protocol-layout';
import type { ProtocolFonts } from './fonts';
import { pageLabelText, type PageLabel } from './protocol-strings';

/**
 * A protocol layout as a PDF through PDFKit: A4, DejaVu fonts embedded as subsets, page numbers
 * in the footer, declared PDF/A-2b (XMP metadata and an sRGB output intent). The document is
 * dated by the layout, and PDFKit derives the file identifier from the metadata, so the same
 * layout gives the same bytes.
 *
 * Tagged for screen readers (PDF/UA style): the catalog carries /Lang (sv-SE, or en-GB for English)
 * and a structure tree in reading order: Document > H1 (title), H2 (sections), H3 (items), H4
 * (sub-headings in an item), P (one a line), L > LI > Lbl + LBody, Table > TR > TH/TD. Links are
 * link annotations on their text (clickable). Page numbers and rules are artifacts. There are no
 * images, so no alternate text is needed.
 */

const PAGE_MARGIN = { top: 56, bottom: 64, left: 62, right: 62 };
const BODY_SIZE = 10.5;
const SMALL_SIZE = 8.5;
const HEADING_SIZE: Record<HeadingLevel, number> = { 1: 18, 2: 14, 3: 12, 4: 11 };
const BLOCK_GAP = 5;
const LIST_INDENT = 16;
const TABLE_SECOND_COLUMN = 0.55;
/** Room to keep with a heading so it is not left alone at the foot of a page. */
const KEEP_WITH_HEADING = 60;

const FONT = { regular: 'Body', bold: 'Body-Bold', monospace: 'Mono' } as const;

/** Characters XMP metadata (which PDFKit writes unescaped) cannot hold as they are. */
function metadataText(s: string): string {
  return s.replace(/&/g, '+').replace(/</g, '‹').replace(/>/g, '›');
}

export function renderPdf(layout: ProtocolLayout, fonts: ProtocolFonts): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    lang: layout.language,
    tagged: true,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    info: {
      Title: metadataText(layout.title),
      Author: layout.author,
      Subject: metadataText(layout.subject),
      Keywords: metadataText(layout.keywords),
      Creator: layout.author,
      CreationDate: layout.date,
      ModDate: layout.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.monospace, fonts.monospace);
  doc.addPage();
  doc.font(FONT.regular);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const writer = new PdfWriter(doc, root);
  for (const block of layout.blocks) writer.block(block);
  root.end();
  writer.pageNumbers(layout.pageLabel);
  doc.end();
  return done;
}

class PdfWriter {
  private readonly left: number;
  private readonly width: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    /** The structure element the blocks are tagged under, in reading order. */
    private readonly root: PDFKit.PDFStructureElement,
  ) {
    this.left = PAGE_MARGIN.left;
    this.width = doc.page.width - PAGE_MARGIN.left - PAGE_MARGIN.right;
  }

  block(block: ProtocolBlock): void {
    switch (block.kind) {
      case 'heading':
        return this.heading(block.level, block.text);
      case 'paragraph':
        // A line of its own is a paragraph of its own to a screen reader, which would run the lines of one P together.
        for (const line of block.lines) this.tagged(this.root, 'P', () => this.line(line, this.left, this.width, block.small ? SMALL_SIZE : BODY_SIZE));
        return this.gap();
      case 'list': {
        const list = this.open(this.root, 'L');
        block.items.forEach((item, index) => {
          this.ensureRoom(BODY_SIZE * 1.5);
          const y = this.doc.y;
          const li = this.open(list, 'LI');
          const label = block.ordered ? `${index + 1}.` : '•';
          this.tagged(li, 'Lbl', () => this.doc.font(FONT.regular).fontSize(BODY_SIZE).text(label, this.left + 4, y, { width: LIST_INDENT, lineBreak: false }));
          this.doc.y = y;
          this.tagged(li, 'LBody', () => this.line(item, this.left + LIST_INDENT, this.width - LIST_INDENT, BODY_SIZE));
          li.end();
        });
        list.end();
        return this.gap();
      }
      case 'table': {
        const table = this.open(this.root, 'Table');
        this.row(table, block.header, true);
        block.rows.forEach((row) => this.row(table, row, false));
        table.end();
        return this.gap();
      }
    }
  }

  /** A structure element of the type under the parent, whose children follow. */
  private open(parent: PDFKit.PDFStructureElement, type: string): PDFKit.PDFStructureElement {
    const element = this.doc.struct(type);
    parent.add(element);
    return element;
  }

  /** A structure element of the type under the parent, holding what draw() puts on the page. */
  private tagged(parent: PDFKit.PDFStructureElement, type: string, draw: () => void): void {
    const element = this.doc.struct(type, {}, [draw]);
    parent.add(element);
    element.end();
  }

  /** Drawing that is not content (rules, page numbers): marked as an artifact, outside the structure tree. */
  private artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private heading(level: HeadingLevel, text: string): void {
    const size = HEADING_SIZE[level];
    if (level > 1) this.doc.moveDown(0.4);
    this.ensureRoom(KEEP_WITH_HEADING);
    this.tagged(this.root, `H${level}`, () => this.doc.font(FONT.bold).fontSize(size).text(text, this.left, this.doc.y, { width: this.width }));
    this.doc.moveDown(level === 1 ? 0.6 : 0.25);
  }

  /** One line of runs, wrapped to the width; the next line starts below it. */
  private line(runs: Line, x: number, width: number, size: number): void {
    const y = this.doc.y;
    const parts = runs.length > 0 ? runs : [{ text: '' }];
    parts.forEach((run, i) => {
      const font = run.monospace ? FONT.monospace : run.bold ? FONT.bold : FONT.regular;
      // A link is underlined and clickable (a URI link annotation on its text); `link: null` ends it for the next run.
      const options = { width, continued: i < parts.length - 1, link: run.href ?? null, underline: run.href !== undefined };
      this.doc.font(font).fontSize(run.monospace ? Math.min(size, SMALL_SIZE) : size);
      if (i === 0) this.doc.text(run.text, x, y, options);
      else this.doc.text(run.text, options);
    });
    this.doc.x = this.left;
  }

  private row(table: PDFKit.PDFStructureElement, cells: readonly string[], header: boolean): void {
    this.ensureRoom(BODY_SIZE * 2);
    const y = this.doc.y;
    const secondX = this.left + this.width * TABLE_SECOND_COLUMN;
    const cell = header ? 'TH' : 'TD';
    const tr = this.open(table, 'TR');
    this.doc.font(header ? FONT.bold : FONT.regular).fontSize(BODY_SIZE);
    this.tagged(tr, cell, () => this.doc.text(cells[0] ?? '', this.left, y, { width: secondX - this.left - 8 }));
    const firstBottom = this.doc.y;
    this.tagged(tr, cell, () => this.doc.text(cells[1] ?? '', secondX, y, { width: this.left + this.width - secondX }));
    tr.end();
    const bottom = Math.max(firstBottom, this.doc.y);
    if (header) {
      this.artifact('Layout', () => this.doc.moveTo(this.left, bottom + 1).lineTo(this.left + this.width, bottom + 1).lineWidth(0.5).stroke());
    }
    this.doc.x = this.left;
    this.doc.y = bottom + (header ? 4 : 2);
  }

  private gap(): void {
    this.doc.y += BLOCK_GAP;
  }

  private ensureRoom(height: number): void {
    if (this.doc.y + height > this.doc.page.height - PAGE_MARGIN.bottom) this.doc.addPage();
  }

  /** "Sida 1 av 3" at the foot of every page. */
  pageNumbers(label: PageLabel): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      this.artifact('Pagination', () =>
        this.doc
          .font(FONT.regular)
          .fontSize(SMALL_SIZE)
          .text(pageLabelText(label, i - range.start + 1, range.count), this.left, page.height - PAGE_MARGIN.bottom / 2, { width: this.width, align: 'center', lineBreak: false }),
      );
      page.margins.bottom = bottom;
    }
  }
}
