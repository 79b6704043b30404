import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  LevelFormat,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { HeadingLevel as LayoutHeadingLevel, Line, ProtocolBlock, ProtocolLayout } from './protocol-layout';

/**
 * A protocol layout as a Word document through the docx package: Heading 1–3 styles, bulleted
 * lists, a table for the justering, page numbers in the footer. docx stamps the package with
 * the current time (core properties and zip entries); those are set to the layout's date
 * afterwards, so the same layout gives the same bytes.
 */

const BODY_FONT = 'Calibri';
const MONOSPACE_FONT = 'Consolas';
/** Half-points. */
const BODY_SIZE = 22;
const SMALL_SIZE = 17;

const HEADING: Record<LayoutHeadingLevel, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
};

/** Word's numbering for numbered lists; each list is an instance of its own, so each starts at 1. */
const NUMBERED = 'numbered-list';

export async function renderDocx(layout: ProtocolLayout): Promise<Uint8Array> {
  const document = new Document({
    creator: layout.author,
    lastModifiedBy: layout.author,
    title: layout.title,
    subject: layout.subject,
    keywords: layout.keywords,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE, language: { value: layout.language } } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: SMALL_SIZE, children: [layout.pageLabel.prefix, PageNumber.CURRENT, layout.pageLabel.separator, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: layout.blocks.flatMap((block, index) => docxBlock(block, index)),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return datedPackage(new Uint8Array(packed), layout.date);
}

function runs(lines: readonly Line[], small: boolean): (TextRun | ExternalHyperlink)[] {
  return lines.flatMap((line, lineIndex) =>
    line.map((run, runIndex) => {
      const text = new TextRun({
        text: run.text,
        ...(run.bold ? { bold: true } : {}),
        ...(run.monospace ? { font: MONOSPACE_FONT } : {}),
        ...(run.href ? { style: 'Hyperlink' } : {}),
        ...(small ? { size: SMALL_SIZE } : {}),
        ...(lineIndex > 0 && runIndex === 0 ? { break: 1 } : {}),
      });
      // A link is a real hyperlink (a relationship to its https target), clickable in Word.
      return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
    }),
  );
}

function docxBlock(block: ProtocolBlock, index: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.lines, block.small ?? false) })];
    case 'list':
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({ numbering: { reference: NUMBERED, level: 0, instance: index }, children: runs([item], false) })
          : new Paragraph({ bullet: { level: 0 }, children: runs([item], false) }),
      );
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            tableRow(block.header, true),
            ...block.rows.map((row) => tableRow(row, false)),
          ],
        }),
      ];
  }
}

function tableRow(cells: readonly string[], header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    children: cells.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun(header ? { text, bold: true } : text)] })] })),
  });
}

/**
 * The package with its creation and modification times, and every zip entry's time, set to
 * `date`. Zip times are local wall-clock fields; built from the UTC fields they read the same
 * on any machine whatever its time zone.
 */
function datedPackage(bytes: Uint8Array, date: Date): Uint8Array {
  const files = unzipSync(bytes);
  const iso = `${date.toISOString().slice(0, 19)}Z`;
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
    );
  }
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  const entries: Zippable = {};
  for (const [path, data] of Object.entries(files)) entries[path] = [data, { mtime }];
  return zipSync(entries, { level: 6 });
}
