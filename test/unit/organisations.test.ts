import { summarizeAttendance } from '../../src/domain/attendance';
import { SWEDISH_MUNICIPALITIES } from '../../src/domain/municipalities-se';
import {
  DEFAULT_MUNICIPALITY_DOMAINS,
  knownMunicipalities,
  matchMunicipality,
  memberOrganisationsFrom,
  municipalityFromEmail,
} from '../../src/domain/municipality';
import { compareSv } from '../../src/domain/sort';
import { groupByMunicipality } from '../../src/render/protocol-layout';
import { loadConfig } from '../../src/config';

const map = DEFAULT_MUNICIPALITY_DOMAINS;

describe('the register of Swedish municipalities', () => {
  test('holds 290 names, each once', () => {
    expect(SWEDISH_MUNICIPALITIES).toHaveLength(290);
    expect(new Set(SWEDISH_MUNICIPALITIES).size).toBe(290);
  });

  test.each(['Lund', 'Ängelholm', 'Upplands Väsby', 'Upplands-Bro', 'Malung-Sälen', 'Håbo', 'Habo', 'Övertorneå', 'Essunga', 'Töreboda', 'Gotland', 'Dals-Ed', 'Östra Göinge'])(
    'knows %s',
    (name) => {
      expect(SWEDISH_MUNICIPALITIES).toContain(name);
    },
  );

  test('every Skaraborg default is in the register', () => {
    for (const name of Object.values(map).filter((n) => n !== 'Skaraborgs kommunalförbund')) expect(SWEDISH_MUNICIPALITIES).toContain(name);
  });
});

describe('e-mail domains', () => {
  test.each([
    ['anna@lund.se', 'Lund'],
    ['x@angelholm.se', 'Ängelholm'],
    ['x@edu.upplandsvasby.se', 'Upplands Väsby'],
    ['x@malung-salen.se', 'Malung-Sälen'],
    ['x@overtornea.se', 'Övertorneå'],
    ['x@habo.se', 'Håbo'],
    ['x@habokommun.se', 'Habo'],
    ['x@lundkommun.se', 'Lund'],
    ['x@skovde.se', 'Skövde'],
    ['x@skaraborg.se', 'Skaraborgs kommunalförbund'],
    ['x@lund.com', 'okänd'],
  ])('%s → %s', (email, expected) => {
    expect(municipalityFromEmail(email, map)).toBe(expected);
  });

  test('the explicit map wins over the derived <name>.se', () => {
    expect(municipalityFromEmail('x@lund.se', { ...map, 'lund.se': 'Region Skåne' })).toBe('Region Skåne');
  });
});

describe('typed organisation names', () => {
  test.each([
    ['Ängelholm', 'Ängelholm'],
    ['angelholm', 'Ängelholm'],
    ['LUND', 'Lund'],
    ['Lunds kommun', 'Lund'],
    ['Borås kommun', 'Borås'],
    ['upplands väsby', 'Upplands Väsby'],
    ['Håbo', 'Håbo'],
    ['Habo', 'Habo'],
    ['Skaraborgs kommunalförbund', 'Skaraborgs kommunalförbund'],
  ])('%s → %s', (typed, expected) => {
    expect(matchMunicipality(typed, map)).toBe(expected);
  });

  test('a configured regional body is known; an unknown name is not', () => {
    expect(matchMunicipality('skolverket', map, ['Skolverket'])).toBe('Skolverket');
    expect(matchMunicipality('Skolverket', map)).toBeUndefined();
    expect(matchMunicipality('Atlantis', map)).toBeUndefined();
    expect(knownMunicipalities(map, ['Skolverket'])[0]).toBe('Skolverket');
  });
});

describe('member organisations setting', () => {
  test('municipalities by their official names, bodies as written, each once', () => {
    expect(memberOrganisationsFrom(' lund ; Ängelholms kommun;Göteborgsregionens kommunalförbund; Skolverket; Lund ')).toEqual([
      'Lund',
      'Ängelholm',
      'Göteborgsregionens kommunalförbund',
      'Skolverket',
    ]);
  });

  test('config: Skaraborg by default, the setting otherwise', () => {
    expect(loadConfig({}).memberOrganisations).toHaveLength(16);
    expect(loadConfig({}).memberOrganisations).toContain('Skaraborgs kommunalförbund');
    expect(loadConfig({ MEMBER_ORGANISATIONS: 'Lund;Skolverket' }).memberOrganisations).toEqual(['Lund', 'Skolverket']);
    expect(() => loadConfig({ MEMBER_ORGANISATIONS: 'Lund;skolverket.se=Skolverket' })).toThrow(/MEMBER_ORGANISATIONS/);
  });

  test('the unrepresented are the cooperation’s members, in Swedish order', () => {
    const s = summarizeAttendance(
      [{ name: 'Anna', municipality: 'Lund', guest: false, status: 'onsite' }],
      ['Örebro', 'Lund', 'Åre', 'Ängelholm', 'Skolverket'],
    );
    expect(s.missingMunicipalities).toEqual(['Skolverket', 'Åre', 'Ängelholm', 'Örebro']);
  });
});

describe('Swedish collation', () => {
  test('Å, Ä, Ö after Z', () => {
    expect(['Östen', 'Ärla', 'Zakrisson', 'Åsa', 'Anna'].sort(compareSv)).toEqual(['Anna', 'Zakrisson', 'Åsa', 'Ärla', 'Östen']);
    expect(['Ängelholm', 'Åre', 'Örebro', 'Ale'].sort(compareSv)).toEqual(['Ale', 'Åre', 'Ängelholm', 'Örebro']);
  });

  test('attendance groups and people on cards', () => {
    const s = summarizeAttendance([
      { name: 'Östen', municipality: 'Örebro', guest: false, status: 'onsite' },
      { name: 'Åsa', municipality: 'Ängelholm', guest: false, status: 'onsite' },
      { name: 'Zakrisson', municipality: 'Ängelholm', guest: false, status: 'online' },
      { name: 'Ärla', municipality: 'Åre', guest: false, status: 'onsite' },
      { name: 'Bo', municipality: 'Zinkgruvan', guest: false, status: 'onsite' },
    ]);
    expect(s.groups.map((g) => g.municipality)).toEqual(['Zinkgruvan', 'Åre', 'Ängelholm', 'Örebro']);
    expect(s.groups[2]?.people.map((p) => p.name)).toEqual(['Zakrisson', 'Åsa']);
  });

  test("the documents' attendance: people within an organisation", () => {
    const a = (name: string) => ({ name, organisation: 'Skövde' }) as Parameters<typeof groupByMunicipality>[0][number];
    expect(groupByMunicipality([a('Östen'), a('Zakrisson'), a('Åsa'), a('Ärla'), a('Anna')])[0]?.attendees.map((x) => x.name)).toEqual([
      'Anna',
      'Zakrisson',
      'Åsa',
      'Ärla',
      'Östen',
    ]);
  });

  test("the documents' attendance groups", () => {
    const a = (municipality: string) => ({ name: 'X', organisation: municipality }) as Parameters<typeof groupByMunicipality>[0][number];
    expect(groupByMunicipality([a('Örebro'), a('Åre'), a('Ängelholm'), a('Zinkgruvan'), a('Skövde')]).map((g) => g.municipality)).toEqual([
      'Skövde',
      'Zinkgruvan',
      'Åre',
      'Ängelholm',
      'Örebro',
    ]);
  });
});
