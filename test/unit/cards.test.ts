import { checkinViewOf } from '../../src/app/meetings';
import { cardBytes, checkinCard, CHECKIN_CARD_BUDGET_BYTES, errorCard, helpCard, meetingCreatedCard, meetingFormCard, noticeCard } from '../../src/cards';
import type { AttendanceRecord } from '../../src/domain/attendance';
import type { ErrorCode } from '../../src/domain/errors';
import { SKARABORG_MUNICIPALITIES } from '../../src/domain/municipality';
import type { Meeting } from '../../src/domain/meeting';
import { withinBytes } from '../../src/cards/elements';
import { cardProblems } from '../harness/validate-card';

const meeting: Meeting = {
  id: 'm-1',
  tenantId: 't',
  networkId: 'n',
  networkName: 'IM-nätverket',
  channelId: 'c',
  date: '2022-02-04',
  start: '13:00',
  end: '15:00',
  place: 'Falköping',
  mode: 'hybrid',
  teamsLink: 'https://teams.microsoft.com/l/meetup-join/x',
  createdBy: { id: 'creator', name: 'Karin' },
  locale: 'sv',
  attendanceClosed: false,
  createdAt: '2022-01-01T00:00:00Z',
};

function record(i: number, over: Partial<AttendanceRecord> = {}): AttendanceRecord {
  const statuses = ['onsite', 'online', 'apologies'] as const;
  return {
    tenantId: 't',
    meetingId: 'm-1',
    personId: `p${i}`,
    name: `Annie-Christine Gunnerek-Lindqvist ${i}`,
    municipality: SKARABORG_MUNICIPALITIES[i % 15] ?? 'Vara',
    guest: i % 20 === 0,
    status: statuses[i % 3] ?? 'onsite',
    updatedAt: '2022-02-04T12:00:00Z',
    ...over,
  };
}

const text = (card: unknown): string => JSON.stringify(card);

describe('check-in card', () => {
  test('shows the meeting, the counts, people by municipality and who is missing', () => {
    const records = [
      record(1, { name: 'Jonas Wåhlberg', municipality: 'Skövde', status: 'onsite', guest: false }),
      record(2, { name: 'Maria Bring', municipality: 'Skövde', status: 'online', guest: false }),
      record(3, { name: 'Daniel Ekman', municipality: 'Lidköping', status: 'apologies', guest: false }),
      record(4, { name: 'Gäst Gästsson', municipality: 'okänd', status: 'onsite', guest: true }),
    ];
    const card = checkinCard(checkinViewOf(meeting, records), 'sv');
    const t = text(card);
    expect(t).toContain('IM-nätverket');
    expect(t).toContain('Fredag 4 februari 2022 · 13:00–15:00');
    expect(t).toContain('Falköping');
    expect(t).toContain('Hybrid (på plats och Teams)');
    expect(t).toContain('2 på plats · 1 digitalt · 1 förhinder');
    expect(t).toContain('"text":"Skövde: "');
    expect(t).toContain('Jonas Wåhlberg, Maria Bring (digitalt)');
    expect(t).toContain('Gäst Gästsson');
    expect(t).toContain('Daniel Ekman (Lidköping)');
    expect(t).toMatch(/Inte representerade:\*\* Essunga, Falköping, Grästorp/);
    expect(t).not.toMatch(/Inte representerade[^"]*Skövde/);
    expect(cardProblems(card)).toEqual([]);
  });

  test('has the four attendance buttons, the Teams link and close, all carrying the meeting id', () => {
    const t = text(checkinCard(checkinViewOf(meeting, []), 'sv'));
    for (const title of ['På plats', 'Digitalt', 'Förhinder', 'Ångra', 'Stäng närvaro', 'Anslut till Teams-mötet']) {
      expect(t).toContain(`"title":"${title}"`);
    }
    expect(t).toContain('"data":{"action":"checkin","meetingId":"m-1","status":"onsite"}');
    expect(t).toContain('Ingen har checkat in ännu.');
  });

  test("the clicker's copy shows their own status", () => {
    const view = checkinViewOf(meeting, [record(1, { personId: 'me', status: 'online' })], 'me');
    expect(text(checkinCard(view, 'sv'))).toContain('Din närvaro: Digitalt');
    expect(text(checkinCard(checkinViewOf(meeting, [], 'me'), 'en'))).toContain('Your attendance: Not checked in');
  });

  test('a closed card has no check-in buttons, says so, and offers reopening', () => {
    const card = checkinCard(checkinViewOf({ ...meeting, attendanceClosed: true }, []), 'sv');
    const t = text(card);
    expect(t).toContain('Närvaron är stängd.');
    expect(t).not.toContain('"action":"checkin"');
    expect(t).toContain('"title":"Öppna närvaro igen"');
    expect(cardProblems(card)).toEqual([]);
  });

  test('is English when the locale is English', () => {
    const t = text(checkinCard(checkinViewOf(meeting, [record(1, { status: 'onsite' })]), 'en'));
    expect(t).toContain('Friday 4 February 2022');
    expect(t).toContain('1 on site · 0 online · 0 apologies');
    expect(t).toContain('"title":"Apologies"');
  });

  test('stays valid and under 28 KB with 200 people checked in', () => {
    const records = Array.from({ length: 200 }, (_, i) => record(i));
    for (const locale of ['sv', 'en'] as const) {
      const card = checkinCard(checkinViewOf(meeting, records, 'p1'), locale, 'attendance_closed');
      expect(cardProblems(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(CHECKIN_CARD_BUDGET_BYTES);
    }
  });

  test('a meeting too large to list by name shows numbers per municipality and stays in budget', () => {
    const records = Array.from({ length: 1000 }, (_, i) => record(i));
    const card = checkinCard(checkinViewOf(meeting, records, 'p1'), 'sv');
    expect(cardBytes(card)).toBeLessThan(CHECKIN_CARD_BUDGET_BYTES);
    expect(cardProblems(card)).toEqual([]);
    const t = text(card);
    expect(t).toContain('Fler deltagare än vad som får plats med namn på kortet.');
    expect(t).toMatch(/Essunga \d+ · Falköping \d+/);
    expect(t).not.toContain('Gunnerek-Lindqvist 5');
    // 200 people still fit by name.
    expect(text(checkinCard(checkinViewOf(meeting, records.slice(0, 200)), 'sv'))).toContain('Gunnerek-Lindqvist 5');
  });

  test('shows what people typed as text, never as markup', () => {
    const evil = '**fet** [länk](https://evil.example) {{DATE(2030-01-01T00:00:00Z)}} <at>x</at>';
    const card = checkinCard(checkinViewOf({ ...meeting, place: evil, networkName: evil }, [record(1, { name: evil, status: 'onsite' })]), 'sv');
    const runs: string[] = [];
    JSON.stringify(card, (k, v: unknown) => {
      if (k === 'text' && typeof v === 'string' && v.includes('fet')) runs.push(v);
      return v;
    });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const blocks = JSON.stringify(card.body);
    // Every occurrence sits in a TextRun (plain text), none in a markdown TextBlock.
    expect(blocks.match(/"type":"TextBlock","text":"[^"]*fet/g)).toBeNull();
    expect(runs.every((r) => !r.includes('{{'))).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('other cards', () => {
  test('the form is valid, labelled, and carries its form id', () => {
    const card = meetingFormCard({ formId: 'f-1' }, 'sv');
    const t = text(card);
    expect(cardProblems(card)).toEqual([]);
    for (const label of ['Datum', 'Starttid', 'Sluttid', 'Plats', 'Form']) expect(t).toContain(`"label":"${label}`);
    expect(t).toContain('"associatedInputs":"auto"');
    expect(t).toContain('"data":{"action":"createMeeting","formId":"f-1"}');
  });

  test('the form comes back filled in, with a message at each bad field', () => {
    const card = meetingFormCard(
      {
        formId: 'f-1',
        values: { date: '2020-01-01', start: '15:00', end: '13:00', place: '', mode: 'onsite', teamsLink: '' },
        errors: { date: 'date_in_past', end: 'end_before_start', place: 'required' },
      },
      'sv',
    );
    const t = text(card);
    expect(cardProblems(card)).toEqual([]);
    expect(t).toContain('Datumet har redan passerat.');
    expect(t).toContain('Sluttiden måste vara efter starttiden.');
    expect(t).toContain('Fältet måste fyllas i.');
    expect(t).toContain('"value":"2020-01-01"');
    expect(t).toContain('Inget har sparats.');
    // The message sits right after its field.
    const body = card.body.map((e) => e.id ?? e.text);
    expect(body[body.indexOf('end') + 1]).toBe('Sluttiden måste vara efter starttiden.');
  });

  test('help, error, notice and confirmation cards are valid in both languages', () => {
    const codes: ErrorCode[] = ['bad_request', 'meeting_not_found', 'inputs_missing', 'other_network', 'internal'];
    for (const locale of ['sv', 'en'] as const) {
      for (const c of [helpCard(locale), meetingCreatedCard(meeting, locale), noticeCard('Hej'), ...codes.map((code) => errorCard(code, locale))]) {
        expect(cardProblems(c)).toEqual([]);
      }
    }
    expect(text(helpCard('sv'))).toContain('ny träff');
    expect(text(errorCard('inputs_missing', 'sv'))).toContain('Fälten i formuläret kom inte fram från Teams');
  });
});

describe('check-in card parts shared by the clicks of a burst', () => {
  test('the summary is made once per change of the answers, not once per click', () => {
    const records = Array.from({ length: 140 }, (_, i) => record(i));
    const first = checkinViewOf(meeting, records, 'p1').summary;
    // The same answers read again (a new list, new objects): the same summary.
    expect(checkinViewOf(meeting, records.map((r) => ({ ...r })), 'p2').summary).toBe(first);
    // Any change a card shows makes a new one.
    const renamed = records.map((r, i) => (i === 7 ? { ...r, name: 'Ny Namnsson' } : r));
    expect(checkinViewOf(meeting, renamed).summary).not.toBe(first);
    expect(checkinViewOf(meeting, renamed).summary.groups.flatMap((g) => g.people.map((p) => p.name))).toContain('Ny Namnsson');
    const moved = renamed.map((r, i) => (i === 7 ? { ...r, status: 'apologies' as const } : r));
    expect(checkinViewOf(meeting, moved).summary.apologies.map((a) => a.name)).toContain('Ny Namnsson');
    // Another meeting with the same answers has its own.
    expect(checkinViewOf({ ...meeting, id: 'm-2' }, moved).summary).toEqual(checkinViewOf(meeting, moved).summary);
  });

  test('each clicker gets their own status on the shared parts; the parts follow every change', () => {
    const records = Array.from({ length: 30 }, (_, i) => record(i));
    const a = text(checkinCard(checkinViewOf(meeting, records, 'p1'), 'sv'));
    const b = text(checkinCard(checkinViewOf(meeting, records, 'p2'), 'sv'));
    const none = text(checkinCard(checkinViewOf(meeting, records, 'nobody'), 'en'));
    expect(a).toContain('Din närvaro: Digitalt');
    expect(b).toContain('Din närvaro: Förhinder');
    expect(b).not.toContain('Din närvaro: Digitalt');
    expect(none).toContain('Your attendance: Not checked in');
    const after = text(checkinCard(checkinViewOf(meeting, [...records, record(30, { name: 'Sist Sistsson', status: 'onsite', guest: false })], 'p1'), 'sv'));
    expect(after).toContain('Sist Sistsson');
    expect(a).not.toContain('Sist Sistsson');
  });

  test('a card with shared parts is measured to the byte, and switches to numbers where the whole card would pass the budget', () => {
    for (const n of [1, 40, 140, 300, 1000]) {
      const c = checkinCard(checkinViewOf(meeting, Array.from({ length: n }, (_, i) => record(i)), 'p1'), 'sv', 'attendance_closed');
      const bytes = cardBytes(c);
      expect(withinBytes(c, bytes)).toBe(true);
      expect(withinBytes(c, bytes - 1)).toBe(false);
      expect(bytes).toBeLessThanOrEqual(CHECKIN_CARD_BUDGET_BYTES);
      expect(cardProblems(c)).toEqual([]);
    }
    // Names with characters of several UTF-8 bytes are counted as bytes, not characters.
    const wide = checkinCard(checkinViewOf(meeting, Array.from({ length: 50 }, (_, i) => record(i, { name: `Åsa Öberg-Ärlig ${i} ✓` })), 'p1'), 'sv');
    expect(withinBytes(wide, cardBytes(wide))).toBe(true);
    expect(withinBytes(wide, cardBytes(wide) - 1)).toBe(false);
  });
});
