import { strFromU8, unzipSync } from 'fflate';

/**
 * The text of a .docx in reading order: paragraphs as lines, Word's headings as "## Rubrik"
 * (or "3. Rubrik" when numbered), list paragraphs with their number ("3. ") or a bullet ("* "),
 * table rows as their cells joined by " | ", links as [text](https://…). Word keeps the numbers
 * of numbered lists in numbering.xml, not in the text, so they are counted here.
 */
export function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const doc = files['word/document.xml'];
  if (!doc) throw new Error('word/document.xml saknas');
  const xml = strFromU8(doc);
  const rels = relationships(files['word/_rels/document.xml.rels'] ? strFromU8(files['word/_rels/document.xml.rels']) : '');
  const formats = numberingFormats(files['word/numbering.xml'] ? strFromU8(files['word/numbering.xml']) : '');
  const headingStyles = headingStyleIds(files['word/styles.xml'] ? strFromU8(files['word/styles.xml']) : '');
  const counters = new Map<string, number[]>();
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const out: string[] = [];
  for (const block of topLevelBlocks(body)) {
    if (block.startsWith('<w:tbl')) {
      for (const row of block.match(/<w:tr[\s>][\s\S]*?<\/w:tr>/g) ?? []) {
        const cells = (row.match(/<w:tc[\s>][\s\S]*?<\/w:tc>/g) ?? []).map((c) => (c.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []).map((p) => runsText(p, rels)).join(' ').trim());
        // The header of an attendance table says nothing; other headers ("Åtgärd | Ansvarig | Klart") tell the reader what the columns are.
        if (cells.every((c) => /^(namn|name|kommun|organisation|roll|funktion|närvaro|titel|befattning|)$/i.test(c))) continue;
        out.push(cells.join(' | ').replace(/(?:\s\|\s*)+$/, ''));
      }
      out.push('');
      continue;
    }
    const style = /<w:pStyle w:val="([^"]+)"/.exec(block)?.[1] ?? '';
    const numId = /<w:numId w:val="(\d+)"/.exec(block)?.[1];
    const ilvl = Number(/<w:ilvl w:val="(\d+)"/.exec(block)?.[1] ?? '0');
    const text = runsText(block, rels).trim();
    let prefix = '';
    if (numId !== undefined && numId !== '0') {
      const fmt = formats.get(`${numId}:${ilvl}`) ?? { format: 'bullet', start: 1 };
      const levels = counters.get(numId) ?? [];
      levels[ilvl] = (levels[ilvl] ?? fmt.start - 1) + 1;
      levels.length = ilvl + 1;
      counters.set(numId, levels);
      prefix = fmt.format === 'bullet' || fmt.format === 'none' ? '* ' : `${levels[ilvl]}. `;
    } else if (headingStyles.has(style) || /^(heading|rubrik)\d/i.test(style)) prefix = '## ';
    if (text === '') {
      out.push('');
      continue;
    }
    if (prefix === '## ' && /^\d{1,2}[.)]\s/.test(text)) prefix = '';
    out.push(`${prefix}${text}`);
    // Word separates paragraphs by their spacing; a blank line keeps headings and lists apart from the text.
    if (prefix === '## ' || prefix === '') out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

function topLevelBlocks(body: string): string[] {
  const blocks: string[] = [];
  const re = /<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const m of body.matchAll(re)) blocks.push(m[0]);
  return blocks;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

/** A link as Word's HYPERLINK field writes it (instead of a w:hyperlink element): the field's display text with its address. */
function fieldLinks(p: string): string {
  const simple = p.replace(/<w:fldSimple\b[^>]*w:instr="\s*HYPERLINK\s+&quot;([^&]*)&quot;[^"]*"[^>]*>([\s\S]*?)<\/w:fldSimple>/g, (_m, url: string, inner: string) => linkRun(url, inner));
  return simple.replace(
    /<w:instrText[^>]*>\s*HYPERLINK\s+"([^"]+)"[^<]*<\/w:instrText>([\s\S]*?)<w:fldChar w:fldCharType="separate"\/>([\s\S]*?)<w:fldChar w:fldCharType="end"\/>/g,
    (_m, url: string, _between: string, shown: string) => `<w:fldChar/>${linkRun(url, shown)}`,
  );
}

function linkRun(url: string, inner: string): string {
  const text = [...inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1] ?? '').join('');
  const href = decode(url).trim();
  const shown = /^https:\/\//.test(href) ? (decode(text) === href ? href : `[${text}](${href})`) : text;
  return `<w:t>${shown.replace(/</g, '&lt;')}</w:t>`;
}

function runsText(raw: string, rels: Map<string, string>): string {
  let out = '';
  const p = raw.includes('HYPERLINK') ? fieldLinks(raw) : raw;
  const re = /<w:hyperlink\b([^>]*)>([\s\S]*?)<\/w:hyperlink>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g;
  for (const m of p.matchAll(re)) {
    if (m[1] !== undefined) {
      const id = /r:id="([^"]+)"/.exec(m[1])?.[1];
      const url = id ? rels.get(id) : undefined;
      const text = [...(m[2] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join('');
      out += url && /^https:\/\//.test(url) ? (text === url ? url : `[${text}](${url})`) : text;
    } else if (m[3] !== undefined) out += decode(m[3]);
    else if (m[0] === '<w:tab/>') out += ' ';
    else out += '\n';
  }
  return out;
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) map.set(id, decode(target));
  }
  return map;
}

function numberingFormats(xml: string): Map<string, { format: string; start: number }> {
  const abstract = new Map<string, Map<number, { format: string; start: number }>>();
  for (const a of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, { format: string; start: number }>();
    for (const l of (a[2] ?? '').matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: /<w:numFmt w:val="([^"]+)"/.exec(l[2] ?? '')?.[1] ?? 'decimal', start: Number(/<w:start w:val="(\d+)"/.exec(l[2] ?? '')?.[1] ?? '1') });
    }
    abstract.set(a[1] ?? '', levels);
  }
  const map = new Map<string, { format: string; start: number }>();
  for (const n of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abs = /<w:abstractNumId w:val="(\d+)"/.exec(n[2] ?? '')?.[1] ?? '';
    for (const [lvl, f] of abstract.get(abs) ?? []) map.set(`${n[1]}:${lvl}`, f);
  }
  return map;
}

function headingStyleIds(xml: string): Set<string> {
  const ids = new Set<string>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const name = /<w:name w:val="([^"]+)"/.exec(m[2] ?? '')?.[1] ?? '';
    if (/^(heading|rubrik)\s*\d|^title$|^rubrik$/i.test(name)) ids.add(m[1] ?? '');
  }
  return ids;
}
