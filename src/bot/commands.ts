/** What a member wrote to the bot, after the @mention is removed. */
export type Command =
  | { kind: 'newMeeting' }
  | { kind: 'help' }
  | { kind: 'municipality'; name: string }
  | { kind: 'unknown' };

export function parseCommand(raw: string): Command {
  const text = raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const lower = text.toLowerCase();
  if (/^(ny träff|ny traff|nytt möte|new meeting)$/.test(lower)) return { kind: 'newMeeting' };
  if (/^(hjälp|hjalp|help|\?)$/.test(lower)) return { kind: 'help' };
  const m = /^(kommun|municipality)\s+(.+)$/i.exec(text);
  if (m?.[2]) return { kind: 'municipality', name: m[2] };
  return lower === '' ? { kind: 'help' } : { kind: 'unknown' };
}
