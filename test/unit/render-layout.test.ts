import { sendProblems, type MinutesAttendee } from '../../src/domain/minutes';
import { groupByMunicipality, localDateTime, nextMeetingText, noteBlocks, protocolLayout, type ProtocolBlock } from '../../src/render/protocol-layout';
import { FIXTURE_PROTOCOLS, approvedVersion, gymnasienatverk2022 } from '../fixtures/minutes';

const plain = (blocks: ProtocolBlock[]): unknown[] =>
  blocks.map((b) => (b.kind === 'paragraph' ? { p: b.lines.map((l) => l.map((r) => r.text).join('')) } : b.kind === 'list' ? { list: b.items.map((l) => l.map((r) => r.text).join('')) } : b));

describe('notes as blocks', () => {
  it('keeps paragraphs and line breaks, and makes "* " and "- " lines a list', () => {
    const notes = 'Första stycket\nmed radbrytning\n\nAndra stycket:\n* ett\n- två\nefter listan\r\n\r\n\n  \nSista';
    expect(plain(noteBlocks(notes))).toEqual([
      { p: ['Första stycket', 'med radbrytning'] },
      { p: ['Andra stycket:'] },
      { list: ['ett', 'två'] },
      { p: ['efter listan'] },
      { p: ['Sista'] },
    ]);
  });

  it('does not take a hyphen inside a line, or one without a space after it, for a bullet', () => {
    expect(plain(noteBlocks('Metodik/didaktik - hands-on\n-5 grader'))).toEqual([{ p: ['Metodik/didaktik - hands-on', '-5 grader'] }]);
  });

  it('gives nothing for empty notes', () => {
    expect(noteBlocks('')).toEqual([]);
    expect(noteBlocks('\n \n')).toEqual([]);
  });
});

describe('attendance', () => {
  const person = (name: string, organisation: string): MinutesAttendee => ({ id: name, name, organisation, status: 'onsite', guest: false });

  it('groups by municipality in Skaraborg order, then the kommunalförbund, others, and unknown last', () => {
    const groups = groupByMunicipality([
      person('A', 'okänd'),
      person('B', 'Vara'),
      person('C', 'Skaraborgs kommunalförbund'),
      person('D', 'Borås'),
      person('E', 'Essunga'),
      person('F', ''),
      person('G', 'Vara'),
    ]);
    expect(groups.map((g) => [g.municipality, g.attendees.map((a) => a.name)])).toEqual([
      ['Essunga', ['E']],
      ['Vara', ['B', 'G']],
      ['Skaraborgs kommunalförbund', ['C']],
      ['Borås', ['D']],
      ['', ['A', 'F']],
    ]);
  });
});

describe('dates and times', () => {
  it('shows approval instants in Stockholm time, winter and summer', () => {
    expect(localDateTime('2021-12-07T09:12:00.000Z', 'Europe/Stockholm')).toBe('2021-12-07 10:12');
    expect(localDateTime('2022-06-23T22:30:00.000Z', 'Europe/Stockholm')).toBe('2022-06-24 00:30');
  });

  it('writes a next meeting with what it has', () => {
    expect(nextMeetingText({ date: '2022-03-18', start: '08:30', place: 'Rudbecksgymnasiet' }, 'sv')).toBe('Fredag 18 mars 2022, 08:30, Rudbecksgymnasiet');
    expect(nextMeetingText({ date: '2022-10-21' }, 'en')).toBe('Friday 21 October 2022');
  });
});

describe('the layout of a version', () => {
  it('has no attendance section when the minutes list no one', () => {
    const layout = protocolLayout(approvedVersion(gymnasienatverk2022, '2022-02-01T07:45:00.000Z'), 'sv');
    const headings = layout.blocks.filter((b) => b.kind === 'heading' && b.level < 3).map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(['Protokoll för Gymnasienätverket 2022-01-28', 'Punkter', 'Nästa möte', 'Justering']);
  });

  it('is dated by the approval and carries the hash', () => {
    for (const f of FIXTURE_PROTOCOLS) {
      const version = approvedVersion(f.content, f.approvedAt);
      const layout = protocolLayout(version, 'sv');
      expect(layout.date.toISOString()).toBe(f.approvedAt);
      expect(layout.author).toBe('Justera');
      expect(layout.keywords).toContain(version.hash);
      expect(JSON.stringify(layout.blocks)).toContain(`"text":"${version.hash}","monospace":true`);
    }
  });

  it('says when a justerare has not approved', () => {
    const f = FIXTURE_PROTOCOLS[0];
    if (!f) throw new Error('no fixture');
    const version = { ...approvedVersion(f.content, f.approvedAt), approvals: [] };
    const table = protocolLayout(version, 'sv').blocks.find((b) => b.kind === 'table');
    expect(table).toEqual({ kind: 'table', header: ['Justerare', 'Justerat'], rows: [['Jonas Wåhlberg', 'ej justerat']] });
  });
});

describe('the fixtures', () => {
  it('are valid minutes that can be sent for justering', () => {
    for (const f of FIXTURE_PROTOCOLS) expect(sendProblems(f.content)).toEqual([]);
  });
});
