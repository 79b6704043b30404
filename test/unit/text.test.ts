import { cleanName, fits, hasUnsafeNameChars, intakeName, printable, shorten } from '../../src/domain/text';

describe('text from outside: one cleaning, one shortening', () => {
  // [raw, cleaned]
  const names: [string, string][] = [
    ['Anna\u202E gnidroceR', 'Anna gnidroceR'],
    ['\u2066Bo\u2069 Berg\u200F', 'Bo Berg'],
    ['Ce\u0000ci\u0007lia\tÅ\nB', 'Ce ci lia Å B'],
    ['  Dan \u0085 Ek  ', 'Dan Ek'],
    ['E\u0301va', 'Éva'],
    ['Zero\u200Bwidth\uFEFF', 'Zerowidth'],
  ];
  test.each(names)('cleanName(%j) is %j', (raw, clean) => {
    expect(cleanName(raw)).toBe(clean);
    expect(hasUnsafeNameChars(clean)).toBe(false);
  });

  test('hasUnsafeNameChars finds what cleanName removes, and nothing in ordinary names', () => {
    for (const [raw] of names.slice(0, 4)) expect(hasUnsafeNameChars(raw)).toBe(true);
    expect(hasUnsafeNameChars('Åsa Öberg-Ärlig (Skövde)')).toBe(false);
  });

  test('shorten keeps whole characters and marks the cut', () => {
    expect(shorten('kort', { units: 10 })).toBe('kort');
    expect(shorten('abcdefghij', { units: 5 })).toBe('abcd…');
    const emoji = shorten('👩‍👩‍👧'.repeat(5), { units: 20 });
    expect(emoji).toBe('👩‍👩‍👧👩‍👩‍👧…');
    const bytes = shorten('ö'.repeat(100), { units: 100, bytes: 11 });
    expect(bytes).toBe('öööö…');
    expect(fits(bytes, { units: 100, bytes: 11 })).toBe(true);
  });

  test('intakeName: a Teams name cleaned and at most 200 characters (or the given limit)', () => {
    const long = intakeName(`Anna ${'Lindqvist '.repeat(40)}\u202E`);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^Anna Lindqvist .*…$/);
    expect(intakeName('T'.repeat(256), 256)).toBe('T'.repeat(256));
    expect(intakeName(undefined)).toBe('');
  });

  test('printable keeps newlines and tabs, drops other controls and bidi overrides', () => {
    expect(printable('a\u0000b\u0007c\td\r\ne\u009bf\u202Eg\u2066h')).toBe('abc\td\nefgh');
  });
});
