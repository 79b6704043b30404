/**
 * Text from people or from Teams (a team name, a person's name) placed inside a message that
 * Teams renders as markdown: shown as the letters it is, never as formatting, a link or HTML.
 * HTML-ish tags are dropped, line breaks and control characters become spaces, and each
 * character markdown gives a meaning (emphasis, links, code, tables, headings, and the `:` and
 * `.` of a bare address Teams would turn into a link) is escaped with a backslash.
 */
export function markdownText(text: string): string {
  return text
    .replace(/<\/?[A-Za-z!][^<>]*>/g, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .trim()
    .replace(/[\\`*_~[\]()<>|#!:.{}]|^[-+=]/g, (c) => `\\${c}`);
}
