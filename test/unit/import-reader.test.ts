import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findApproximateDate, findDates, findTimeRange } from '../../src/domain/import/dates';
import { repairText } from '../../src/domain/import/damage';
import { makeLexicon } from '../../src/domain/import/lexicon';
import { organisationsOf, readPeopleList } from '../../src/domain/import/people';
import { readProtocolText } from '../../src/domain/import/reader';
import { DEFAULT_MEMBER_ORGANISATIONS } from '../../src/domain/municipality';

const orgs = organisationsOf(DEFAULT_MEMBER_ORGANISATIONS);
const lexicon = makeLexicon([...orgs.lexicon.words, 'närvarande', 'kommunalförbund']);

describe('dates as protocols write them', () => {
  test.each([
    ['Protokoll för IM-nätverket 211203', '2021-12-03', 'yymmdd'],
    ['Protokoll för IM-nätverket 220603 Mariestad', '2022-06-03', 'yymmdd'],
    ['Nätverk Skaraborg 24-05-24', '2024-05-24', 'yy-mm-dd'],
    ['Datum: 2022-06-03', '2022-06-03', 'iso'],
    ['Möte den 3 december 2021 i Skövde', '2021-12-03', 'words'],
    ['Möte den 3 dec. 2021', '2021-12-03', 'words'],
  ])('%s → %s', (text, date, shape) => {
    const hit = findDates(text)[0];
    expect(hit?.date).toBe(date);
    expect(hit?.shape).toBe(shape);
    expect(hit?.yearFromContext).toBe(false);
  });

  test.each([
    ['Möte 03.12.2021', '2021-12-03'],
    ['Möte 3/12 2021', '2021-12-03'],
    ['Möte den 3:e december 2021', '2021-12-03'],
    ['Möte 2021-12-3', '2021-12-03'],
  ])('%s → %s', (text, date) => {
    expect(findDates(text)[0]?.date).toBe(date);
  });

  test('the network named before the record word', () => {
    expect(readProtocolText('IM-nätverket – protokoll från mötet 2021-12-03\n\n1. A\n\n2. B\n').document.network).toBe('IM-nätverket');
  });

  test('"Fredag 4/2" takes its year from context, and the weekday picks the year', () => {
    expect(findDates('Fredag 4/2 Falköping', 2022)[0]).toMatchObject({ date: '2022-02-04', yearFromContext: true, weekday: 4 });
    // 4 February was a Friday in 2022, not in 2021: the weekday corrects a context year one off.
    expect(findDates('Fredag 4/2', 2021)[0]?.date).toBe('2022-02-04');
  });

  test('a date without a year and without context has no date, only day and month', () => {
    const hit = findDates('Nästa möte 18/3')[0];
    expect(hit?.date).toBeUndefined();
    expect(hit).toMatchObject({ day: 18, month: 3 });
  });

  test('numbers that are not dates are not read as dates', () => {
    expect(findDates('ca 25-30% av 140 pers, kap 1 och 2, Gy11, 123456, 3h')).toEqual([]);
  });

  test('approximate periods', () => {
    expect(findApproximateDate('Nätverksträff hösten 2023')?.text).toBe('hösten 2023');
    expect(findApproximateDate('Träff VT 22')?.text).toBe('våren 2022');
    expect(findApproximateDate('Möte i december 2021')?.text).toBe('december 2021');
    expect(findApproximateDate('Inget här')).toBeUndefined();
  });

  test('times', () => {
    expect(findTimeRange('Fredagar kl 13-15')).toMatchObject({ start: '13:00', end: '15:00' });
    expect(findTimeRange('Fredagar 10³⁰-12⁰⁰')).toMatchObject({ start: '10:30', end: '12:00' });
    expect(findTimeRange('kl 08.30 på Rudbecksgymnasiet')).toMatchObject({ start: '08:30' });
  });

  test('a protocol without a date says so; one with a season gets it as approximate', () => {
    const none = readProtocolText('Dagordning:\n\n1. Inledning\n\nText.\n\n2. Avslutning\n').document;
    expect(none.date).toBeUndefined();
    expect(none.review?.some((m) => m.path === '/date' && m.level === 'missing')).toBe(true);
    const season = readProtocolText('Minnesanteckningar SKIS hösten 2023\n\n1. Inledning\n\nText.\n\n2. Avslutning\n').document;
    expect(season.date).toBeUndefined();
    expect(season.approximateDate).toBe('hösten 2023');
    expect(season.kind).toBe('minnesanteckningar');
  });
});

describe('damage repaired before reading', () => {
  test('words hyphenated at line ends are joined, across the blank lines a PDF puts between', () => {
    const { text, repairs } = repairText('Frågan kring sam-\n\nverkan lyfts.\nAnne-\nCathrine Gunnerek', lexicon);
    expect(text).toContain('Frågan kring samverkan');
    // The word moves up to its first half; the line that went on keeps the rest.
    expect(text).toContain('Anne-Cathrine\nGunnerek');
    expect(repairs.filter((r) => r.kind === 'hyphenation')).toHaveLength(2);
  });

  test('page headers and footers repeated on every page are dropped after the first, and page numbers', () => {
    const topics = ['', 'skolan', 'eleverna', 'budgeten'];
    const page = (n: number) =>
      `Utbildning Skaraborg IM-nätverket\nVi talade om ${topics[n]}.\nDet gällde ${topics[n]} i år.\nFler talade.\nText på sidan ${n}.\nDe andra lyssnade.\nSedan ${topics[n]} igen.\nOch till sist ${topics[n]}.\nSida ${n} av 3`;
    const { text } = repairText([page(1), page(2), page(3)].join('\n\f'), lexicon);
    expect(text.match(/Utbildning Skaraborg IM-nätverket/g)).toHaveLength(1);
    expect(text).not.toMatch(/Sida \d av/);
    expect(text).toContain('Text på sidan 3.');
  });

  test('å/ä/ö misread in known words are repaired and reported', () => {
    const { text, repairs } = repairText('Nérvarande från Gétene och Sk6vde, Kommunalforbund', lexicon);
    expect(text).toBe('Närvarande från Götene och Skövde, Kommunalförbund');
    expect(repairs.filter((r) => r.kind === 'letters').map((r) => r.original)).toEqual(['Nérvarande', 'Gétene', 'Sk6vde,', 'Kommunalforbund']);
  });

  test('a word that is another Swedish word with its accents lost is left alone ("vara", "våra")', () => {
    expect(repairText('Vi ska vara med, våra elever', lexicon).text).toBe('Vi ska vara med, våra elever');
  });

  test('"i" read as "1": inside words and alone between words, not where a number belongs', () => {
    const { text } = repairText('Mötet hölls 1 Skövde med 1nformation om fråga 1 och kap 1 och 2', lexicon);
    expect(text).toBe('Mötet hölls i Skövde med information om fråga 1 och kap 1 och 2');
  });

  test('letters read for digits in dates and numbers', () => {
    expect(repairText('Protokoll 2O22-O6-O3 och 22O6O3, inte Ola eller Olle', lexicon).text).toBe('Protokoll 2022-06-03 och 220603, inte Ola eller Olle');
  });

  test('an item number read as "l." is 1', () => {
    const d = readProtocolText('Protokoll X 2023-01-13\n\nl. Närvaro\n\nAnna Ek, Bo Lund\n\n2. Avslutning\n').document;
    expect(d.items.map((i) => i.number)).toEqual(['1', '2']);
    expect(d.attendees.map((a) => a.name)).toEqual(['Anna Ek', 'Bo Lund']);
  });

  test('bullets read as "e" or "o" become list items', () => {
    const { text } = repairText('Frågor:\ne Kan omdömet användas?\no Hur länge gäller det?\n• Tredje', lexicon);
    expect(text.split('\n')).toEqual(['Frågor:', '* Kan omdömet användas?', '* Hur länge gäller det?', '* Tredje']);
  });
});

describe('attendance in every shape', () => {
  const names = (t: string) => readPeopleList(t, orgs)?.map((p) => [p.name, p.organisation ?? '', p.role ?? '']);

  test('"Name Municipality, Name Municipality och Name Municipality"', () => {
    expect(names('Anna Dahlson Skövde, Maria Bring Falköping och Jonas Wåhlberg Töreboda')).toEqual([
      ['Anna Dahlson', 'Skövde', ''],
      ['Maria Bring', 'Falköping', ''],
      ['Jonas Wåhlberg', 'Töreboda', ''],
    ]);
  });

  test('"Name (Municipality)", "Name, Municipality)", "Name (Municipality, Role)"', () => {
    expect(names('Anna Dahlson (Skövde), Maria Bring, Falköping), Jonas Wåhlberg (Töreboda, Skolchef)')).toEqual([
      ['Anna Dahlson', 'Skövde', ''],
      ['Maria Bring', 'Falköping', ''],
      ['Jonas Wåhlberg', 'Töreboda', 'Skolchef'],
    ]);
  });

  test('run together across lines, broken mid-name, with damaged organisations', () => {
    const got = readPeopleList('Anna Dahlson Gétene, Maria\nBring (Falkoping), Jonas Wåhlberg,\nTidaholm) och Ci Olofsson', orgs);
    expect(got?.map((p) => [p.name, p.organisation ?? ''])).toEqual([
      ['Anna Dahlson', 'Götene'],
      ['Maria Bring', 'Falköping'],
      ['Jonas Wåhlberg', 'Tidaholm'],
      ['Ci Olofsson', ''],
    ]);
    expect(got?.[1]?.organisationRepaired).toBe('Falkoping');
  });

  test('one person a line, "Name, Municipality"', () => {
    expect(names('Anna Andersson, Skövde\nBertil Berg, Tibro\nCecilia Ek, Utbildning Skaraborg')).toEqual([
      ['Anna Andersson', 'Skövde', ''],
      ['Bertil Berg', 'Tibro', ''],
      ['Cecilia Ek', 'Skaraborgs kommunalförbund', ''],
    ]);
  });

  test('a table as PDF extraction gives it: columns apart by gaps', () => {
    expect(names('Anna Andersson    Skövde    Rektor\nBertil Berg\tTibro\tSkolchef')).toEqual([
      ['Anna Andersson', 'Skövde', 'Rektor'],
      ['Bertil Berg', 'Tibro', 'Skolchef'],
    ]);
  });

  test('grouped by organisation: "Skövde: Anna Dahlson, Per Ek; Tibro: Maria Bring"', () => {
    expect(names('Skövde: Anna Dahlson, Per Ek; Tibro: Maria Bring\nUtbildning Skaraborg: Cia Dahl')).toEqual([
      ['Anna Dahlson', 'Skövde', ''],
      ['Per Ek', 'Skövde', ''],
      ['Maria Bring', 'Tibro', ''],
      ['Cia Dahl', 'Skaraborgs kommunalförbund', ''],
    ]);
  });

  test('a surname that is also a municipality stays a surname ("Anna Berg")', () => {
    expect(names('Anna Berg, Per Mark')).toEqual([
      ['Anna Berg', '', ''],
      ['Per Mark', '', ''],
    ]);
  });

  test('an unknown organisation in parentheses is kept and marked for review', () => {
    const d = readProtocolText('Protokoll SKIS 2023-09-15\n\nNärvarande: Anna Andersson (Skövde), Bo Ek (Friskolan Y)\n\n1. Inledning\n\nText.\n\n2. Avslutning\n').document;
    expect(d.attendees.map((a) => [a.name, a.organisation])).toEqual([
      ['Anna Andersson', 'Skövde'],
      ['Bo Ek', 'Friskolan Y'],
    ]);
    expect(d.review?.some((m) => m.path === '/attendees/1/organisation' && m.level === 'uncertain')).toBe(true);
  });

  test('a sentence is not a list of people', () => {
    expect(readPeopleList('Jonas justerar anteckningarna och skickar till Utbildning Skaraborg för publicering', orgs)).toBeUndefined();
  });
});

describe('a protocol in shapes the fixtures do not have', () => {
  const text = [
    'PROTOKOLL',
    'Protokoll fört vid möte med SKIS-nätverket',
    'Datum: 2023-09-15',
    'Tid: 13.00–15.30',
    'Plats: Stadshuset, Skövde',
    '',
    'Närvarande:',
    'Anna Andersson, Skövde (ordförande)',
    'Bertil Berg, Tibro',
    'Cecilia Ek, Hjo',
    'Via Teams: David Falk, Vara',
    'Anmält förhinder: Eva Gran, Skara',
    'Övriga närvarande: Fredrik Holm, Skolverket',
    'Sekreterare: Bertil Berg',
    'Justerare: Cecilia Ek',
    '',
    '§ 12 Mötets öppnande',
    'Ordföranden öppnade mötet.',
    '',
    '§ 13 Föregående protokoll',
    'Beslut: Protokollet godkändes och lades till handlingarna.',
    '',
    '§ 14 Kompetensförsörjning',
    'Fredrik Holm presenterar Skolverkets stöd, se https://www.skolverket.se/kompetens.',
    'Sammanställ kommunernas behov till nästa möte.',
    'Ansvarig: David Falk',
    'Cecilia återkommer med underlag senast 2023-10-01.',
    '',
    '§ 15 Övriga frågor',
    'Frågan om gemensam fortbildning bordläggs.',
    'Nästa möte: 2023-11-10 kl 13-15 i Tidaholm.',
    '',
    '§ 16 Mötets avslutande',
  ].join('\n');
  const d = readProtocolText(text).document;

  test('head: network, date, time, place', () => {
    expect(d).toMatchObject({ network: 'SKIS-nätverket', date: '2023-09-15', start: '13:00', end: '15:30', place: 'Stadshuset, Skövde', kind: 'protokoll' });
  });

  test('labelled attendance, online, apologies, others present and roles', () => {
    expect(d.attendees.map((a) => [a.name, a.organisation, a.attendance])).toEqual([
      ['Anna Andersson', 'Skövde', 'present'],
      ['Bertil Berg', 'Tibro', 'present'],
      ['Cecilia Ek', 'Hjo', 'present'],
      ['David Falk', 'Vara', 'online'],
      ['Eva Gran', 'Skara', 'apologies'],
    ]);
    expect(d.othersPresent.map((a) => [a.name, a.organisation ?? ''])).toEqual([['Fredrik Holm', 'Skolverket']]);
    expect(d.chair?.name).toBe('Anna Andersson');
    expect(d.secretary?.name).toBe('Bertil Berg');
    expect(d.justerare.map((j) => j.name)).toEqual(['Cecilia Ek']);
  });

  test('§ items, decisions, action items with owners and due dates, tabling, links, next meeting', () => {
    expect(d.items.map((i) => `${i.number} ${i.title}`)).toEqual(['12 Mötets öppnande', '13 Föregående protokoll', '14 Kompetensförsörjning', '15 Övriga frågor', '16 Mötets avslutande']);
    expect(d.items[1]?.decisions).toEqual(['Beslut: Protokollet godkändes och lades till handlingarna.']);
    expect(d.items[2]?.presenters.map((p) => p.name)).toEqual(['Fredrik Holm']);
    expect(d.items[2]?.actions.map((a) => [a.owners.map((o) => o.name).join(', '), a.text, a.due ?? ''])).toEqual([
      ['David Falk', 'Sammanställ kommunernas behov till nästa möte.', ''],
      ['Cecilia Ek', 'Cecilia återkommer med underlag senast 2023-10-01.', '2023-10-01'],
    ]);
    expect(d.items[3]?.tabled).toBe(true);
    expect(d.links).toEqual([{ item: '14', text: 'https://www.skolverket.se/kompetens', url: 'https://www.skolverket.se/kompetens' }]);
    expect(d.nextMeetings).toEqual([{ date: '2023-11-10', start: '13:00', end: '15:00', place: 'Tidaholm' }]);
  });

  test('members given as context: names matched through damage, ids carried, strangers marked', () => {
    const members = [
      { id: 'a', name: 'Anna Andersson', organisation: 'Skövde' },
      { id: 'c', name: 'Cecilia Ek', organisation: 'Hjo' },
    ];
    const got = readProtocolText(text.replace('Anna Andersson, Skövde', 'Anna Anderss0n, Skövde'), { members }).document;
    expect(got.attendees[0]).toMatchObject({ name: 'Anna Andersson', memberId: 'a' });
    expect(got.justerare).toEqual([{ name: 'Cecilia Ek', memberId: 'c' }]);
    expect(got.review?.some((m) => m.reason === 'not_a_member' && m.original?.includes('Bertil Berg'))).toBe(true);
  });

  test('a first name two attendees share is not guessed', () => {
    const got = readProtocolText('Protokoll X 2023-01-13\n\nNärvarande: Anna Ek, Anna Berg, Bo Lund\n\n1. Punkt\n\nAnna återkommer med förslag.\n\n2. Slut\n').document;
    const action = got.items[0]?.actions[0];
    expect(action?.owners).toEqual([{ kind: 'person', name: 'Anna' }]);
    expect(got.review?.some((m) => m.path === '/items/0/actions/0/owners' && m.level === 'uncertain')).toBe(true);
  });
});

test('substitutes, presenters named in a title or a "Föredragande:" line', () => {
  const d = readProtocolText(
    [
      'Protokoll X 2023-01-13',
      '',
      'Närvarande: Anna Ek (Hjo), Per Lund (Hjo, ersättare för Eva Berg), Bo Sten (Vara)',
      '',
      '1. Budget (Bo Sten)',
      'Text om budgeten.',
      '',
      '2. Fortbildning',
      'Föredragande: Anna Ek',
      'Text.',
      '',
      '3. Avslutning',
    ].join('\n'),
  ).document;
  expect(d.attendees[1]).toMatchObject({ name: 'Per Lund', organisation: 'Hjo', substituteFor: 'Eva Berg' });
  expect(d.attendees[1]?.role).toBeUndefined();
  expect(d.items[0]?.presenters.map((p) => p.name)).toEqual(['Bo Sten']);
  expect(d.items[1]?.presenters.map((p) => p.name)).toEqual(['Anna Ek']);
});

test('what bodies outside the meeting decide or will do is reported, not recorded as decisions or action items', () => {
  const d = readProtocolText(
    'Protokoll X 2023-01-13\n\n1. Information\n\nRegeringen beslutade i december om nya kursplaner. Skolverket ska ta fram stöd. Vi antar att det kommer i vår. Vi beslutar att bjuda in Skolverket.\n\n2. Avslutning\n',
  ).document;
  expect(d.items[0]?.decisions).toEqual(['Vi beslutar att bjuda in Skolverket.']);
  expect(d.items[0]?.actions).toEqual([]);
});

test.each([
  ['Anna Ek och Bo Lund justerar protokollet.', ['Anna Ek', 'Bo Lund']],
  ['Protokollet justeras av Bo Lund.', ['Bo Lund']],
  ['Bo valdes att justera protokollet.', ['Bo Lund']],
])('justerare from "%s"', (sentence, want) => {
  const d = readProtocolText(`Protokoll X 2023-01-13\n\n1. Närvaro\n\nAnna Ek, Bo Lund, Cia Berg\n\n${sentence}\n\n2. Avslutning\n`).document;
  expect(d.justerare.map((j) => j.name)).toEqual(want);
});

test('an unlabelled list of full names in the head is read as those present, and marked', () => {
  const d = readProtocolText('Protokoll IM 2023-01-13\n\nAnna Ek, Bo Lund, Cia Berg (Hjo)\n\n1. Inledning\n\nText.\n\n2. Avslutning\n').document;
  expect(d.attendees.map((a) => [a.name, a.organisation ?? ''])).toEqual([
    ['Anna Ek', ''],
    ['Bo Lund', ''],
    ['Cia Berg', 'Hjo'],
  ]);
  expect(d.review?.some((m) => m.reason === 'attendance_unlabelled')).toBe(true);
});

describe('two more protocols written the way other networks write', () => {
  const read = (file: string) => readProtocolText(readFileSync(path.join(__dirname, '..', 'fixtures', 'import', file), 'utf8'), { fileName: file }).document;

  test('minnesanteckningar with run-together attendance, a Teams "place", a round, a link and a next meeting', () => {
    const d = read('natverk-skaraborg-minnesanteckningar.txt');
    expect(d).toMatchObject({ kind: 'minnesanteckningar', network: 'Nätverk Skaraborg', date: '2024-05-24', form: 'online' });
    expect(d.place).toBeUndefined();
    expect(d.attendees.map((a) => [a.name, a.organisation, a.role ?? '', a.attendance])).toEqual([
      ['Lisa Holm', 'Skara', '', 'present'],
      ['Per Ek', 'Vara', '', 'present'],
      ['Eva Lind', 'Hjo', 'rektor', 'present'],
      ['Stina Berg', 'Tidaholm', '', 'present'],
      ['Olle Nyman', 'Gullspång', '', 'present'],
      ['Karin Svensson', 'Essunga', '', 'apologies'],
    ]);
    expect(d.items[0]?.round).toBeDefined();
    expect(d.items[2]?.decisions).toEqual(['Nätverket beslutar att bilda en arbetsgrupp.']);
    expect(d.items[3]?.actions.map((a) => a.owners.map((o) => o.name))).toEqual([['Olle Nyman']]);
    expect(d.links.map((l) => l.url)).toEqual(['https://www.skolverket.se/rad']);
    expect(d.nextMeetings).toEqual([{ date: '2024-09-13', start: '09:00', end: '12:00', place: 'Skara' }]);
  });

  test('headed sections without numbers, labelled blocks without colons, a round by municipality', () => {
    const d = read('rektorsnatverket-sektioner.txt');
    expect(d).toMatchObject({ network: 'Rektorsnätverket', date: '2023-02-10', numbering: 'sections' });
    expect(d.attendees.map((a) => [a.name, a.organisation, a.attendance])).toEqual([
      ['Anna Andersson', 'Skövde', 'present'],
      ['Bertil Berg', 'Tibro', 'present'],
      ['Cia Dahl', 'Hjo', 'present'],
      ['David Ek', 'Vara', 'apologies'],
    ]);
    expect(d.items.map((i) => i.title)).toEqual(['Föregående anteckningar', 'Skolverkets lägesbild', 'Laget runt', 'Nästa möte']);
    expect(d.items[1]?.actions.map((a) => a.owners.map((o) => o.name))).toEqual([['Anna Andersson', 'Cia Dahl']]);
    expect(d.items[2]?.round?.responses.map((r) => r.speaker)).toEqual(['Skövde', 'Tibro', 'Hjo']);
    expect(d.nextMeetings).toEqual([{ date: '2023-05-12', start: '13:00', end: '15:00', place: 'Tibro' }]);
  });

  test('an OCR-damaged § protocol: the network under a bare heading, roles in parentheses, a justerare chosen in an item', () => {
    const d = read('skis-protokoll-ocr.txt');
    expect(d).toMatchObject({ network: 'SKIS - Skolutveckling i Skaraborg', date: '2023-03-15', start: '09:00', end: '12:00' });
    expect(d.review?.some((m) => m.path === '/network' && m.level === 'uncertain')).toBe(true);
    expect(d.attendees.map((a) => [a.name, a.organisation, a.attendance])).toEqual([
      ['Anna Karlsson', 'Falköping', 'present'],
      ['Johan Persson', 'Lidköping', 'present'],
      ['Maria Nilsson', 'Mariestad', 'present'],
      ['Erik Johansson', 'Skaraborgs kommunalförbund', 'present'],
      ['Sofia Andersson', 'Grästorp', 'absent'],
    ]);
    expect([d.chair?.name, d.secretary?.name, d.justerare.map((j) => j.name)]).toEqual(['Johan Persson', 'Erik Johansson', ['Maria Nilsson']]);
    expect(d.items[2]?.presenters.map((p) => p.name)).toEqual(['Anna Karlsson']);
    expect(d.items[3]?.decisions).toEqual(['Mötet beslutade att anta handlingsplanen.']);
    expect(d.items[3]?.actions.map((a) => [a.owners.map((o) => o.name).join(), a.due])).toEqual([['Erik Johansson', '2023-03-31']]);
    expect(d.review?.filter((m) => m.reason === 'letters_repaired').map((m) => m.original)).toEqual(expect.arrayContaining(['Falképing', 'Lidk6ping', 'Kommunalforbund']));
  });
});

test('a numbered list inside an item is not read as items', () => {
  const d = readProtocolText(
    ['Protokoll X 2023-01-13', '', '1. Inledning', 'Frågor att besvara:', '1. Vilka kurser?', '2. Vilka lärare?', '3. Vilka lokaler?', '', '2. Budget', '', 'Text.', '', '3. Övriga frågor', '', '4. Avslutning'].join('\n'),
  ).document;
  expect(d.items.map((i) => `${i.number} ${i.title}`)).toEqual(['1 Inledning', '2 Budget', '3 Övriga frågor', '4 Avslutning']);
  expect(d.items[0]?.body).toContain('1. Vilka kurser?');
});

test('any text gives a draft, never an exception: empty, one long line, noise, only numbers', () => {
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzåäöÅÄÖABC 0123456789.,:;()-–/\n\n\f\t*§•é6|';
  const noise = Array.from({ length: 20 }, () => Array.from({ length: 2000 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
  // Long lines once cost their length squared (a 200,000-letter word took a minute); the test would time out.
  for (const text of ['', '\n\n\n', 'x'.repeat(200000), '12/3 '.repeat(20000), 'Anna '.repeat(30000), '1. 2. 3. 4.', '1.\n2.\n3.', ...noise]) {
    const d = readProtocolText(text).document;
    expect(d.format).toBe('justera-protokoll/1');
    expect(d.items.length).toBeGreaterThan(0);
  }
});
