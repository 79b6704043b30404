import { readFileSync } from 'node:fs';
import path from 'node:path';
import { termPlanMessage } from '../../src/cards/agenda-strings';
import { parseTermPlan, type TermPlan } from '../../src/domain/term-plan';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/protocols');

/** The text of a protocol from the line matching `from` up to (not including) the one matching `to`. */
function section(file: string, from: RegExp, to?: RegExp): string {
  const lines = readFileSync(path.join(FIXTURES, file), 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l) => from.test(l));
  const end = to ? lines.findIndex((l, i) => i > start && to.test(l)) : lines.length;
  if (start < 0 || end < 0) throw new Error(`section ${from} not found in ${file}`);
  return lines.slice(start, end).join('\n');
}

const rows = (plan: TermPlan): (string | undefined)[][] => plan.meetings.map((m) => [m.date, m.start, m.end, m.place]);
const problems = (plan: TermPlan): string[][] => plan.problems.map((p) => [p.code, p.fragment]);

describe('term plans from the real protocols', () => {
  test('IM-nätverket 2021-12-03: a time line, then one date and place a line', () => {
    const text = section('im-natverket-2021-12-03.txt', /^8\. Datum för vårens möten/, /^9\. Övriga frågor/);
    const plan = parseTermPlan(text, { reference: '2021-12-03' });
    expect(rows(plan)).toEqual([
      ['2022-02-04', '13:00', '15:00', 'Falköping'],
      ['2022-04-08', '13:00', '15:00', 'Karlsborg'],
      ['2022-06-03', '13:00', '15:00', 'Mariestad'],
    ]);
    expect(plan.problems).toEqual([]);
  });

  test('IM-nätverket 2022-06-03: superscript minutes, a place after a comma, dates without a place', () => {
    const text = section('im-natverket-2022-06-03-mariestad.txt', /^7\. Nästkommande möte/, /Avslutning/);
    const plan = parseTermPlan(text, { reference: '2022-06-22' });
    expect(rows(plan)).toEqual([
      ['2022-09-02', '10:30', '12:00', 'Ällebergsgymnasiet Falköping'],
      ['2022-10-21', '10:30', '12:00', ''],
      ['2022-12-09', '10:30', '12:00', ''],
    ]);
    expect(problems(plan)).toEqual([
      ['unreadable', 'Uppdaterat 220622'],
      ['place_missing', '21/10'],
      ['place_missing', '9/12'],
    ]);
  });

  test('the upper-secondary network: a start time only, and a place broken over two lines', () => {
    const text = section('gymnasienatverk-dagordning-2022.txt', /^6\. Nästa möte/);
    const plan = parseTermPlan(text, { reference: '2022-01-20' });
    expect(rows(plan)).toEqual([['2022-03-18', '08:30', undefined, 'Rudbecksgymnasiet']]);
    expect(plan.meetings[0]?.mode).toBe('hybrid');
    expect(problems(plan)).toEqual([['end_missing', '18/3 kl 08.30 på Rudbecksgymnasiet eller via Teams']]);
    expect(termPlanMessage(plan.problems[0], 'sv')).toBe('"18/3 kl 08.30 på Rudbecksgymnasiet eller via Teams": sluttid saknas.');
  });
});

describe("a meeting's form is read out of its place", () => {
  test.each([
    ['4/2 Falköping digitalt', 'Falköping', 'online'],
    ['8/4 via Teams', '', 'online'],
    ['8/4 digitalt', '', 'online'],
    ['3/6 Mariestad (hybrid)', 'Mariestad', 'hybrid'],
    ['3/6 hybrid i Mariestad', 'Mariestad', 'hybrid'],
    ['18/3 på Rudbecksgymnasiet eller via Teams', 'Rudbecksgymnasiet', 'hybrid'],
    ['4/2 Falköping', 'Falköping', 'onsite'],
    ['4/2 Teamsgatan 3, Skövde', 'Teamsgatan 3, Skövde', 'onsite'],
  ])('"%s" is at "%s", %s', (line, place, mode) => {
    const plan = parseTermPlan(`Fredagar kl 13–15\n${line}`, { year: 2022 });
    expect(plan.meetings.map((m) => [m.place, m.mode])).toEqual([[place, mode]]);
    expect(plan.meetings[0]?.source).toBe(line);
  });

  test('in the one-line form, each date has its own form', () => {
    const plan = parseTermPlan('Fredagar kl 13–15: 4/2 Falköping digitalt, 8/4 via Teams, 3/6 Mariestad (hybrid), 7/10 Karlsborg', { year: 2022 });
    expect(plan.meetings.map((m) => [m.date, m.place, m.mode])).toEqual([
      ['2022-02-04', 'Falköping', 'online'],
      ['2022-04-08', '', 'online'],
      ['2022-06-03', 'Mariestad', 'hybrid'],
      ['2022-10-07', 'Karlsborg', 'onsite'],
    ]);
    expect(problems(plan)).toEqual([]);
  });
});

describe('reading a term plan', () => {
  test('the one-line form with an en dash', () => {
    const plan = parseTermPlan('Fredagar kl 13–15: 4/2 Falköping, 8/4 Karlsborg, 3/6 Mariestad', { year: 2022 });
    expect(rows(plan)).toEqual([
      ['2022-02-04', '13:00', '15:00', 'Falköping'],
      ['2022-04-08', '13:00', '15:00', 'Karlsborg'],
      ['2022-06-03', '13:00', '15:00', 'Mariestad'],
    ]);
    expect(plan.meetings[1]?.source).toBe('8/4 Karlsborg');
    expect(plan.problems).toEqual([]);
  });

  test.each([
    ['kl 13-15', '13:00', '15:00'],
    ['kl. 13.00–15.00', '13:00', '15:00'],
    ['13:00-15:30', '13:00', '15:30'],
    ['Kl 9 - 12', '09:00', '12:00'],
    ['10³⁰-12⁰⁰', '10:30', '12:00'],
  ])('reads the time "%s"', (time, start, end) => {
    const plan = parseTermPlan(`Fredagar ${time}: 4/2 Falköping`, { year: 2022 });
    expect(rows(plan)).toEqual([['2022-02-04', start, end, 'Falköping']]);
  });

  test('a time after a date holds for that date only', () => {
    const plan = parseTermPlan('Fredagar kl 13-15: 4/2 kl 9-12 i Skövde, 8/4 Karlsborg', { year: 2022 });
    expect(rows(plan)).toEqual([
      ['2022-02-04', '09:00', '12:00', 'Skövde'],
      ['2022-04-08', '13:00', '15:00', 'Karlsborg'],
    ]);
  });

  test('dates with a year, ISO dates and month names', () => {
    const plan = parseTermPlan('kl 13-15\n4/2/2023 Hjo\n2023-04-14 Vara\n2 juni Tibro och 1 sept. Skara', { reference: '2022-12-01' });
    expect(rows(plan).map((r) => [r[0], r[3]])).toEqual([
      ['2023-02-04', 'Hjo'],
      ['2023-04-14', 'Vara'],
      ['2023-06-02', 'Tibro'],
      ['2023-09-01', 'Skara'],
    ]);
  });

  test('without a year, a date falls within twelve months from the reference date', () => {
    const text = 'kl 13-15: 3/12 Hjo, 4/2 Falköping, 2/12 Tibro';
    expect(parseTermPlan(text, { reference: '2021-12-03' }).meetings.map((m) => m.date)).toEqual(['2021-12-03', '2022-02-04', '2022-12-02']);
    expect(parseTermPlan(text, { year: 2030 }).meetings.map((m) => m.date)).toEqual(['2030-12-03', '2030-02-04', '2030-12-02']);
  });

  test('a date on the wrong weekday is kept, with a warning that names both days', () => {
    const plan = parseTermPlan('Fredagar kl 13-15: 5/2 Falköping', { year: 2022 });
    expect(rows(plan)).toEqual([['2022-02-05', '13:00', '15:00', 'Falköping']]);
    expect(plan.problems).toEqual([
      { code: 'weekday_mismatch', severity: 'warning', fragment: '5/2 Falköping', expectedWeekday: 4, actualWeekday: 5 },
    ]);
    expect(termPlanMessage(plan.problems[0], 'sv')).toBe('"5/2 Falköping": datumet är en lördag, inte en fredag.');
    expect(termPlanMessage(plan.problems[0], 'en')).toBe('"5/2 Falköping": the date is a Saturday, not a Friday.');
  });

  test('what cannot be read is reported with the fragment, and the rest is still read', () => {
    const plan = parseTermPlan('Fredagar kl 13-15\n31/2 Hjo\nvecka 7 kanske\n8/4 Karlsborg kl 14-13\n3/6 Mariestad', { year: 2022 });
    expect(rows(plan)).toEqual([
      ['2022-04-08', undefined, undefined, 'Karlsborg'],
      ['2022-06-03', '13:00', '15:00', 'Mariestad'],
    ]);
    expect(plan.problems.map((p) => [p.code, p.severity, p.fragment])).toEqual([
      ['invalid_date', 'error', '31/2'],
      ['unreadable', 'error', 'vecka 7 kanske'],
      ['invalid_time', 'error', 'kl 14-13'],
      ['time_missing', 'warning', '8/4 Karlsborg kl 14-13'],
    ]);
    expect(plan.problems.map((p) => termPlanMessage(p, 'sv')).slice(0, 2)).toEqual(['"31/2" är inget giltigt datum.', 'Kunde inte läsa "vecka 7 kanske".']);
  });

  test('prose without numbers is passed over silently', () => {
    const plan = parseTermPlan('Presidiet tar ett beslut om datum.', { year: 2022 });
    expect(plan).toEqual({ meetings: [], problems: [] });
  });
});
