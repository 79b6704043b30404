import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parseProtokollDocument } from '../../src/contract/protokoll';
import { docxText } from '../../src/importer/docx-text';
import { decodeText, readProtocol } from '../../src/importer/read-protocol';
import { asPdf, imageOnlyPdf } from './import-variants';

/** The reader's edge: each kind of file to text, what cannot be read to a clear message, and the command line. */

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.resolve(ROOT, '..', 'shared', 'fixtures', 'protocols');

test('.txt in Windows-1252 (older Swedish Windows) and in UTF-8 with a BOM', () => {
  const cp1252 = new Uint8Array([0x4e, 0xe4, 0x72, 0x76, 0x61, 0x72, 0x6f, 0x3a, 0x20, 0x47, 0xf6, 0x74, 0x65, 0x6e, 0x65, 0x2c, 0x20, 0xc5, 0x73, 0x61]);
  expect(decodeText(cp1252)).toBe('Närvaro: Götene, Åsa');
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Närvaro')]);
  expect(decodeText(bom)).toBe('Närvaro');
});

async function docxWithTable(): Promise<Uint8Array> {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Protokoll för SKIS 2023-09-15')] }),
          new Paragraph('Närvarande:'),
          new Table({
            rows: [
              new TableRow({ children: [cell('Namn'), cell('Kommun'), cell('Roll')] }),
              new TableRow({ children: [cell('Anna Andersson'), cell('Skövde'), cell('Skolchef')] }),
              new TableRow({ children: [cell('Bertil Berg'), cell('Gétene'), cell('')] }),
            ],
          }),
          new Paragraph('1. Inledning'),
          new Paragraph({ children: [new TextRun('Se '), new ExternalHyperlink({ link: 'https://www.skaraborg.se/skis', children: [new TextRun('sidan')] }), new TextRun('.')] }),
          new Paragraph('Anna återkommer med förslag.'),
          new Paragraph('2. Avslutning'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test('.docx: paragraphs, a table of attendance (header row skipped), links as markup', async () => {
  const bytes = await docxWithTable();
  expect(docxText(bytes)).toContain('Anna Andersson | Skövde | Skolchef');
  expect(docxText(bytes)).toContain('Se [sidan](https://www.skaraborg.se/skis).');
  const r = await readProtocol({ name: 'skis.docx', bytes });
  if (!r.ok) throw new Error(r.error.en);
  const doc = r.draft.document;
  expect(doc.attendees.map((a) => [a.name, a.organisation, a.role ?? ''])).toEqual([
    ['Anna Andersson', 'Skövde', 'Skolchef'],
    ['Bertil Berg', 'Götene', ''],
  ]);
  expect(doc.links).toEqual([{ item: '1', text: 'sidan', url: 'https://www.skaraborg.se/skis' }]);
  expect(doc.items[0]?.actions[0]?.owners).toEqual([{ kind: 'person', name: 'Anna Andersson' }]);
  expect(doc.source).toMatchObject({ kind: 'import', file: 'skis.docx', sha256: r.sha256, reader: 'justera-reader/1' });
});

test('.docx: links written as HYPERLINK fields, tracked deletions left out, Word numbering counted', () => {
  const body = [
    '<w:p><w:r><w:t>Se </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.skaraborg.se/a" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>sidan</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> och </w:t></w:r><w:fldSimple w:instr=" HYPERLINK &quot;https://www.skaraborg.se/b&quot; "><w:r><w:t>den andra</w:t></w:r></w:fldSimple><w:r><w:t>.</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>Kvar</w:t></w:r><w:del><w:r><w:delText>struket</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve"> tillagt</w:t></w:r></w:ins></w:p>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Närvaro</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Föregående protokoll</w:t></w:r></w:p>',
  ].join('');
  const numbering =
    '<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>';
  const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`), 'word/numbering.xml': strToU8(numbering) });
  const text = docxText(bytes);
  expect(text).toContain('Se [sidan](https://www.skaraborg.se/a) och [den andra](https://www.skaraborg.se/b).');
  expect(text).toContain('Kvar tillagt');
  expect(text).not.toContain('struket');
  expect(text).toContain('1. Närvaro\n2. Föregående protokoll');
});

test('.docx: a table of action items (what, who, when) in an item', async () => {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('Protokoll för SKIS 2023-09-15'),
          new Paragraph('1. Närvaro'),
          new Paragraph('Anna Andersson, Bertil Berg'),
          new Paragraph('2. Uppföljning'),
          new Table({
            rows: [
              new TableRow({ children: [cell('Åtgärd'), cell('Ansvarig'), cell('Klart')] }),
              new TableRow({ children: [cell('Sammanställa svaren, per kommun'), cell('Anna'), cell('2023-10-01')] }),
              new TableRow({ children: [cell('Boka lokal'), cell('Bertil Berg och Anna Andersson'), cell('')] }),
            ],
          }),
          new Paragraph('3. Avslutning'),
        ],
      },
    ],
  });
  const r = await readProtocol({ name: 'a.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
  if (!r.ok) throw new Error(r.error.en);
  expect(r.draft.document.items[1]?.actions.map((a) => [a.text, a.owners.map((o) => o.name).join(' + '), a.due ?? ''])).toEqual([
    ['Sammanställa svaren, per kommun', 'Anna Andersson', '2023-10-01'],
    ['Boka lokal', 'Bertil Berg + Anna Andersson', ''],
  ]);
});

test('a PDF with a text layer is read in a worker; one without gets a clear Swedish message, not an empty protocol', async () => {
  const withText = await readProtocol({ name: 'p.pdf', bytes: await asPdf('Protokoll för SKIS 2023-09-15\n\n1. Inledning\n\nText.\n\n2. Avslutning', 'SKIS') });
  expect(withText.ok && withText.draft.document.date).toBe('2023-09-15');
  const scan = await readProtocol({ name: 'scan.pdf', bytes: await imageOnlyPdf() });
  expect(scan).toMatchObject({ ok: false, error: { code: 'no_text_layer' } });
  expect(!scan.ok && scan.error.sv).toMatch(/PDF-filen har ingen text/);
});

test('old .doc files and other binaries are refused with a message; an empty file too', async () => {
  const doc = await readProtocol({ name: 'gammal.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
  expect(doc).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
  expect(await readProtocol({ name: 'tom.txt', bytes: new Uint8Array() })).toMatchObject({ ok: false, error: { code: 'empty_file' } });
});

test('npm run import -- --dry-run --json prints one JSON array, an entry per file, in the interchange format', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'justera-import-'));
  try {
    const pdf = path.join(dir, 'protokoll.pdf');
    writeFileSync(pdf, await asPdf('Protokoll för SKIS 2023-09-15\n\n1. Inledning\n\nText.\n\n2. Avslutning', 'SKIS'));
    const scan = path.join(dir, 'scan.pdf');
    writeFileSync(scan, await imageOnlyPdf());
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.scripts.json')], { cwd: ROOT });
    const files = ['im-natverket-2021-12-03.txt', 'im-natverket-2022-06-03-mariestad.txt', 'gymnasienatverk-dagordning-2022.txt'].map((f) => path.join(FIXTURES, f));
    const run = (args: string[]): { stdout: string; status: number } => {
      try {
        return { stdout: execFileSync(process.execPath, [path.join(ROOT, 'dist-bench', 'scripts', 'import.js'), ...args], { cwd: ROOT, encoding: 'utf8' }), status: 0 };
      } catch (e) {
        const err = e as { stdout: string; status: number };
        return { stdout: err.stdout, status: err.status };
      }
    };
    const ok = run(['--dry-run', '--json', ...files, pdf]);
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as unknown[];
    expect(out).toHaveLength(4);
    for (const entry of out) expect(parseProtokollDocument(entry)).toMatchObject({ ok: true });
    expect(out.map((d) => (d as { date?: string }).date)).toEqual(['2021-12-03', '2022-06-03', undefined, '2023-09-15']);
    const failed = run(['--dry-run', '--json', scan]);
    expect(failed.status).toBe(2);
    expect(JSON.parse(failed.stdout)).toEqual([expect.objectContaining({ file: 'scan.pdf', error: expect.objectContaining({ code: 'no_text_layer' }) })]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120000);
