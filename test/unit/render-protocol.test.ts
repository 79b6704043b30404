import AdmZip from 'adm-zip';
import { currentContent, type MinutesContent, type MinutesVersion } from '../../src/domain/minutes';
import { docxParagraphs, expectedTexts, normalise, pdfStructure, pdfStructureText, poppler, readableText } from '../harness/protocol-text';
import { PdfKitProtocolRenderer } from '../../src/render/protocol-renderer';
import { FIXTURE_PROTOCOLS, approvedVersion, imNatverket20211203 } from '../fixtures/minutes';

/**
 * The rendered protocols, read back the way a reader's tools read them: the PDF's text through
 * pdftotext and its fonts through pdffonts (Debian's poppler-utils), the DOCX's word/document.xml.
 */

const renderer = new PdfKitProtocolRenderer();

interface Case {
  source: string;
  version: MinutesVersion;
  /** Next meeting dates as the document writes them, and the justerare's approval in Stockholm time. */
  dates: string[];
  approvals: string[];
}

const expectations: Record<string, Pick<Case, 'dates' | 'approvals'>> = {
  'im-natverket-2021-12-03.txt': {
    dates: ['Fredag 4 februari 2022, 13:00–15:00, Falköping', 'Fredag 8 april 2022, 13:00–15:00, Karlsborg', 'Fredag 3 juni 2022, 13:00–15:00, Mariestad'],
    approvals: ['Jonas Wåhlberg 2021-12-07 10:12'],
  },
  'im-natverket-2022-06-03-mariestad.txt': {
    dates: ['Fredag 2 september 2022, 10:30–12:00, Ällebergsgymnasiet Falköping', 'Fredag 21 oktober 2022, 10:30–12:00', 'Fredag 9 december 2022, 10:30–12:00'],
    approvals: ['Jonas Wåhlberg 2022-06-23 14:30'],
  },
  'gymnasienatverk-dagordning-2022.txt': {
    dates: ['Fredag 18 mars 2022, 08:30, Rudbecksgymnasiet eller via Teams'],
    approvals: ['Andre 2022-02-01 08:45'],
  },
};

const cases: Case[] = FIXTURE_PROTOCOLS.map((f) => {
  const expected = expectations[f.source];
  if (!expected) throw new Error(`no expectations for ${f.source}`);
  return { source: f.source, version: approvedVersion(f.content, f.approvedAt), ...expected };
});

describe.each(cases)('the protocol of $source', ({ version, dates, approvals }) => {
  const content = currentContent(version.content);
  const title = `Protokoll för ${content.networkName} ${content.meeting.date}`;
  let pdf: Uint8Array;
  let docx: Uint8Array;

  beforeAll(async () => {
    pdf = await renderer.pdf(version, 'sv');
    docx = await renderer.docx(version, 'sv');
  });

  it('PDF: pdftotext finds the title, attendees, items, notes, decisions, action items, next meetings, justering and hash', () => {
    const raw = poppler('pdftotext', pdf, ['-layout']);
    const text = readableText(raw);
    expect(raw).toContain(title);
    for (const needle of [...expectedTexts(content), ...dates.map(normalise), ...approvals.map(normalise)]) expect(text).toContain(needle);
    // The hash whole, on a line of its own.
    expect(raw).toMatch(new RegExp(`^\\s*${version.hash}\\s*$`, 'm'));
    expect(version.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(`Version: ${version.number}`);
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
    expect(raw).toContain(`Sida 1 av ${pages}`);
    expect(raw).toContain(`Sida ${pages} av ${pages}`);
  });

  it('PDF: every font is embedded', () => {
    const rows = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name type encoding emb sub uni object ID
      const columns = row.trim().split(/\s+/);
      expect(columns[0]).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(columns.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('PDF: tagged for screen readers (issue 10): Tagged yes, /Lang sv-SE, headings, lists and the justering table in the structure tree', () => {
    expect(poppler('pdfinfo', pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (sv-SE)');
    const tree = pdfStructure(pdf);
    expect(tree[0]).toEqual({ type: 'Document', depth: 0, text: '' });
    const sections = (...names: string[]): string[] => names.map((name) => `H2 ${name}`);
    expect(tree.filter((e) => /^H\d$/.test(e.type)).map((e) => `${e.type} ${e.text}`)).toEqual([
      `H1 ${title}`,
      ...sections(...(content.attendees.length > 0 ? ['Närvarande'] : []), 'Punkter'),
      ...content.items.map((item, i) => `H3 ${i + 1}. ${item.title}`),
      ...sections('Nästa möte', 'Justering'),
    ]);
    // Each next meeting is a list item: a bullet label and a body.
    const bodies = tree.filter((e) => e.type === 'LBody').map((e) => e.text);
    expect(bodies).toEqual(expect.arrayContaining(dates));
    for (const [i, e] of tree.entries()) {
      if (e.type === 'LI') expect([tree[i - 1]?.type, tree[i + 1]?.type, tree[i + 2]?.type]).toEqual([expect.stringMatching(/^(L|LBody)$/), 'Lbl', 'LBody']);
    }
    const table = tree.slice(tree.findIndex((e) => e.type === 'Table'));
    expect(table.slice(0, 4).map((e) => `${e.type} ${e.text}`)).toEqual(['Table ', 'TR ', 'TH Justerare', 'TH Justerat']);
    expect(table.slice(4, 7).map((e) => e.type)).toEqual(['TR', 'TD', 'TD']);
  });

  it('PDF: the structure tree holds all the text in reading order, page numbers left out as artifacts', () => {
    const tagged = pdfStructureText(pdf);
    expect(tagged).toBe(readableText(poppler('pdftotext', pdf)));
    expect(tagged).not.toContain('Sida ');
  });

  it('PDF: metadata dated by the approval, Author Justera, declared PDF/A-2b', () => {
    const info = poppler('pdfinfo', pdf, ['-isodates']);
    expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
    expect(info).toMatch(/^Author:\s+Justera$/m);
    expect(info).toMatch(/^Subject:\s+Justerat protokoll, version 1$/m);
    expect(info).toMatch(new RegExp(`^CreationDate:\\s+${version.approvedAt?.slice(0, 19)}`, 'm'));
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const bytes = Buffer.from(pdf).toString('latin1');
    expect(bytes).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(bytes).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(bytes).toContain('/OutputIntents');
  });

  it('DOCX: word/document.xml holds the same content, with headings, lists and the justering table', () => {
    const paragraphs = docxParagraphs(docx);
    const text = normalise(paragraphs.map((p) => p.text).join(' '));
    for (const needle of [...expectedTexts(content), ...dates.map(normalise), version.hash]) expect(text).toContain(needle);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([title]);
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual(content.items.map((item, i) => `${i + 1}. ${item.title}`));
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(
      [content.attendees.length > 0 ? 'Närvarande' : undefined, 'Punkter', 'Nästa möte', 'Justering'].filter((h) => h !== undefined),
    );
    expect(paragraphs.filter((p) => p.bullet).map((p) => p.text)).toEqual(expect.arrayContaining(dates));
    const xml = new AdmZip(Buffer.from(docx)).readAsText('word/document.xml');
    expect(xml).toContain('<w:tbl>');
    for (const approval of approvals) {
      const [name, when] = [approval.slice(0, -17), approval.slice(-16)];
      expect(xml).toContain(`<w:t xml:space="preserve">${name}</w:t>`);
      expect(xml).toContain(`<w:t xml:space="preserve">${when}</w:t>`);
    }
    const core = new AdmZip(Buffer.from(docx)).readAsText('docProps/core.xml');
    expect(core).toContain(`<dc:title>${title}</dc:title>`);
    expect(core).toContain(`>${version.approvedAt?.slice(0, 19)}Z</dcterms:created>`);
  });

  it('renders the same bytes every time, from any renderer', async () => {
    const other = new PdfKitProtocolRenderer();
    expect(Buffer.from(await other.pdf(version, 'sv')).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(await renderer.pdf(version, 'sv')).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(await other.docx(version, 'sv')).equals(Buffer.from(docx))).toBe(true);
  });
});

describe('what the fixtures must show', () => {
  it('Swedish letters come through pdftotext intact', async () => {
    const text = readableText(poppler('pdftotext', await renderer.pdf(cases[1]?.version ?? fail(), 'sv'), ['-layout']));
    for (const word of ['Wåhlberg', 'Ällebergsgymnasiet', 'Åsa Hirsch', 'Övriga frågor', 'Töreboda', 'ämnepplaner', 'Jolsgård']) expect(text).toContain(word);
  });

  it('the tabled item is marked Bordlagd', async () => {
    const version = cases[1]?.version ?? fail();
    const text = readableText(poppler('pdftotext', await renderer.pdf(version, 'sv'), ['-layout']));
    expect(text).toContain('5. Uppdatering av uppdragsbeskrivningen Bordlagd');
    expect(text.match(/Bordlagd/g)).toHaveLength(1);
  });
});

function fail(): never {
  throw new Error('missing fixture');
}

describe('attendance details and English', () => {
  const content: MinutesContent = {
    ...imNatverket20211203,
    meeting: { ...imNatverket20211203.meeting, mode: 'hybrid', place: 'Stadshuset, Skövde', teamsLink: 'https://teams.microsoft.com/l/meetup-join/abc' },
    attendees: [
      { id: 'a1', name: 'Renée Sjöström', organisation: 'Skövde', status: 'onsite', guest: false, arrivedAt: '13:20' },
      { id: 'a2', name: 'Åke Öberg', organisation: 'Götene', status: 'online', guest: false, substituteFor: 'Ärla Ek' },
      { id: 'a3', name: 'Élise Ågren', organisation: 'Skaraborgs kommunalförbund', status: 'onsite', guest: true },
      { id: 'a4', name: 'Örjan Ängel', organisation: 'Essunga', status: 'apologies', guest: false },
    ],
  };
  const version = approvedVersion(content, '2021-12-07T09:12:00.000Z');

  /** The PDF's text through pdftotext and the DOCX's, each folded. */
  async function bothTexts(locale: 'sv' | 'en'): Promise<string[]> {
    const pdfText = readableText(poppler('pdftotext', await renderer.pdf(version, locale), ['-layout']));
    const docText = normalise(docxParagraphs(await renderer.docx(version, locale)).map((p) => p.text).join(' '));
    return [pdfText, docText];
  }

  it('groups members by organisation with online, substitute and late arrival; others present and apologies apart; no Teams link (Swedish)', async () => {
    const expected = [
      'Form: hybrid (på plats och digitalt)',
      'Närvarande Götene: Åke Öberg (digitalt, ersättare för Ärla Ek) Skövde: Renée Sjöström (anlände 13:20) Övriga närvarande Skaraborgs kommunalförbund: Élise Ågren',
      'Anmält förhinder Essunga: Örjan Ängel',
    ];
    for (const text of await bothTexts('sv')) {
      for (const needle of expected) expect(text).toContain(needle);
      // The join link is no record of the meeting: it is never printed in the archived document.
      expect(text).not.toContain('teams.microsoft.com');
      expect(text).not.toContain('Teamslänk');
    }
  });

  it("labels the document in English for locale 'en'", async () => {
    const expected = [
      'Minutes of IM-nätverket 2021-12-03',
      'Date: Friday 3 December 2021',
      'Götene: Åke Öberg (online, substitute for Ärla Ek)',
      'Apologies Essunga: Örjan Ängel',
      'Decision: Sittande möte säger ja till fråga 1 och stryker fråga 2.',
      'Action: Svar till Camilla på frågorna om skriftligt omdöme och bedömning vid överlämning — IM-nätverket, by 2022-01-14',
      'Next meeting',
      'Friday 4 February 2022, 13:00–15:00, Falköping',
      'Approval Approvers Approved Jonas Wåhlberg 2021-12-07 10:12',
      `Content hash (SHA-256): ${version.hash}`,
    ];
    for (const text of await bothTexts('en')) {
      for (const needle of expected) expect(text).toContain(needle);
      for (const swedish of ['Beslut:', 'Uppdrag:', 'Närvarande', 'Anmält förhinder', 'Justering', 'Sida ']) expect(text).not.toContain(swedish);
    }
    const pdf = await renderer.pdf(version, 'en');
    expect(poppler('pdftotext', pdf, ['-layout'])).toContain('Page 1 of');
    expect(poppler('pdfinfo', pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Lang (en-GB)');
    expect(pdfStructure(pdf).filter((e) => e.type === 'H2').map((e) => e.text)).toEqual(['Present', 'Also present', 'Apologies', 'Items', 'Next meeting', 'Approval']);
    expect(poppler('pdfinfo', pdf)).toMatch(/^Subject:\s+Approved minutes, version 1$/m);
  });
});

describe('control characters in the text (issue 9, problem 8)', () => {
  // Content saved before names were checked, or notes pasted from elsewhere: C0/C1 controls and bidi overrides.
  const dirty: MinutesContent = {
    ...imNatverket20211203,
    attendees: imNatverket20211203.attendees.map((a, i) => (i === 0 ? { ...a, name: `Klocka\u0007${a.name}\u0085` } : a)),
    items: imNatverket20211203.items.map((item, i) =>
      i === 0 ? { ...item, notes: `Före\u0000\u0001\u001b[31mefter\u009b\ttab\nny rad`, decisions: [`Beslut\u202Efdp\u202C\u000b klart`] } : item,
    ),
  };
  const version = approvedVersion(dirty, '2021-12-07T09:12:00.000Z');
  const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('print as nothing in the PDF (no boxes) and are left out of the DOCX, the text around them kept', async () => {
    const pdfText = poppler('pdftotext', await renderer.pdf(version, 'sv'), ['-layout']).replace(/\f/g, '');
    expect(pdfText).not.toMatch(CONTROL);
    expect(readableText(pdfText)).toContain('Före[31mefter');
    expect(readableText(pdfText)).toContain('Beslutfdp klart');
    const docx = await renderer.docx(version, 'sv');
    const xml = new AdmZip(Buffer.from(docx)).readAsText('word/document.xml');
    expect(xml).not.toMatch(CONTROL);
    expect(xml).toContain('Klocka');
  });
});
