import { cleanMarkup, isSafeHref, parseInline, parseMarkup, unsafeLinks } from '../../src/domain/markup';

/** The protocol markup: one small, safe language for an item's body, parsed into the tree every surface renders. */
describe('the protocol markup', () => {
  test('paragraphs, line breaks, sub-headings, bulleted and numbered lists', () => {
    const tree = parseMarkup('Första raden\nandra raden\n\n## Planering K-dag\n* en\n- två\n\n1. ett\n2) två\nSlut');
    expect(tree).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Första raden' }], [{ kind: 'text', text: 'andra raden' }]] },
      { kind: 'heading', line: [{ kind: 'text', text: 'Planering K-dag' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'en' }], [{ kind: 'text', text: 'två' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'ett' }], [{ kind: 'text', text: 'två' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Slut' }]] },
    ]);
  });

  test('notes written before the markup (plain text with "* " bullets) read as they always did', () => {
    expect(parseMarkup('Följande frågor:\n* Kan omdömet användas? (Ja)\n* Hur länge?\n\nSittande möte säger ja.')).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Följande frågor:' }]] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'Kan omdömet användas? (Ja)' }], [{ kind: 'text', text: 'Hur länge?' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Sittande möte säger ja.' }]] },
    ]);
  });

  test('links: [text](https://…) and a bare https address; the sentence\'s full stop is not part of it', () => {
    expect(parseInline('Se [rapporten](https://skaraborg.se/rapport) eller https://skolverket.se/im.')).toEqual([
      { kind: 'text', text: 'Se ' },
      { kind: 'link', text: 'rapporten', href: 'https://skaraborg.se/rapport' },
      { kind: 'text', text: ' eller ' },
      { kind: 'link', text: 'https://skolverket.se/im', href: 'https://skolverket.se/im' },
      { kind: 'text', text: '.' },
    ]);
  });

  test('attacks: HTML stays text, javascript:, data: and http: links are no links, and the save refuses them', () => {
    const html = '<script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>';
    expect(parseMarkup(html)).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: html }]] }]);
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'http://example.se', 'vbscript:x', '//evil.se', 'https:']) {
      const line = parseInline(`[klicka](${href})`);
      expect(line.every((i) => i.kind === 'text')).toBe(true);
      expect(isSafeHref(href)).toBe(false);
    }
    expect(unsafeLinks('[a](javascript:alert(1)) [b](https://ok.se)')).toEqual(['javascript:alert(1']);
    expect(unsafeLinks('[b](https://ok.se) https://ok.se/x')).toEqual([]);
  });

  test('control, bidi-override and invisible characters are removed; CR LF is a line break', () => {
    expect(cleanMarkup('a\u0000b\u202Ec\u200Bd\u0007e\r\nf\rg')).toBe('abcde\nf\ng');
    const tree = parseMarkup('## Rubrik\u202E\u0000');
    expect(tree).toEqual([{ kind: 'heading', line: [{ kind: 'text', text: 'Rubrik' }] }]);
  });

  test('a link label cannot smuggle a link target; empty text gives no blocks', () => {
    expect(parseInline('[https://evil.se](https://ok.se)')).toEqual([{ kind: 'link', text: 'https://evil.se', href: 'https://ok.se' }]);
    expect(parseMarkup('   \n\n  ')).toEqual([]);
  });
});
