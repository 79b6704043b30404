import AdmZip from 'adm-zip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownersText, type MinutesContent } from '../../src/domain/minutes';
import { lineText, parseMarkup } from '../../src/domain/markup';

/** Reading rendered protocols back the way a reader's tools do: poppler for the PDF, the DOCX's XML. */

/** Runs a poppler tool (Debian's poppler-utils) on the PDF, from a temp file removed afterwards. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'justera-pdf-'));
  try {
    const file = join(dir, 'protocol.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext -layout without the page footers, and whitespace folded; a break after a hyphen or slash joins. */
export function readableText(raw: string): string {
  return normalise(raw.replace(/^\s*(Sida|Page) \d+ (av|of) \d+\s*$/gm, ' ').replace(/\f/g, ' '));
}

export function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').replace(/([-/]) /g, '$1').trim();
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of word/document.xml, paragraph by paragraph; a line break is a space. */
export function docxParagraphs(docx: Uint8Array): { style?: string; text: string; bullet: boolean }[] {
  const xml = new AdmZip(Buffer.from(docx)).readAsText('word/document.xml');
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
    const text = [...body.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => (t[0] === '<w:br/>' ? ' ' : decodeXml(t[1] ?? ''))).join('');
    return { ...(style ? { style } : {}), text, bullet: body.includes('<w:numPr>') };
  });
}

/** Everything a reader must find in the protocol of `content`. */
export function expectedTexts(content: MinutesContent): string[] {
  return [
    ...content.attendees.map((a) => a.name),
    ...content.items.map((item, i) => (content.numbering === 'numbered' ? `${i + 1}. ${item.title}` : item.title)),
    ...content.items.flatMap((item) =>
      parseMarkup(item.notes).flatMap((b) => (b.kind === 'heading' ? [lineText(b.line)] : b.kind === 'paragraph' ? b.lines.map(lineText) : b.items.map(lineText))),
    ),
    ...content.items.flatMap((item) => [...item.questions.map((q) => `Fråga: ${q}`), ...item.responses.map((r) => (r.speaker ? `${r.speaker}: ${r.text}` : r.text))]),
    ...content.items.flatMap((item) => item.presenters.map((p) => p.name)),
    ...(content.chair ? [`Ordförande: ${content.chair.name}`] : []),
    ...(content.secretary ? [`Sekreterare: ${content.secretary.name}`] : []),
    ...content.items.flatMap((item) => item.decisions.map((d) => `Beslut: ${d}`)),
    ...content.items.flatMap((item) =>
      item.actions.map((a) => `Uppdrag: ${a.text} — ${ownersText(a.owners)}${a.due ? `, senast ${a.due}` : ''}`),
    ),
    ...content.nextMeetings.flatMap((m) => [m.date.slice(0, 4), ...(m.place ? [m.place] : [])]),
    ...(content.nextMeetingNote ? [content.nextMeetingNote] : []),
    ...content.justerare.map((j) => j.name),
  ].map(normalise);
}

/** One element of a tagged PDF's structure tree, as `pdfinfo -struct-text` prints it, with the text directly inside it. */
export interface PdfStructureElement {
  type: string;
  depth: number;
  text: string;
}

/** A tagged PDF's structure tree in reading order (depth-first), read with `pdfinfo -struct-text`; empty when untagged. */
export function pdfStructure(pdf: Uint8Array): PdfStructureElement[] {
  const elements: PdfStructureElement[] = [];
  for (const line of poppler('pdfinfo', pdf, ['-struct-text']).split('\n')) {
    const text = /^\s*"(.*)"$/.exec(line);
    const element = /^(\s*)([A-Za-z][A-Za-z0-9]*)(?: \(\w+\))?$/.exec(line);
    const last = elements[elements.length - 1];
    if (text && last) last.text += text[1] ?? '';
    else if (element) elements.push({ type: element[2] ?? '', depth: (element[1] ?? '').length / 2, text: '' });
  }
  return elements;
}

/** The text of a tagged PDF's structure tree in reading order, whitespace folded: what a screen reader reads. */
export function pdfStructureText(pdf: Uint8Array): string {
  return normalise(pdfStructure(pdf).map((e) => e.text).filter((t) => t !== '').join(' '));
}
