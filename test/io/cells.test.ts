import { a1, columnLetters, foldName, parseMunicipalityNumber, parseNumber, parseYesNo } from '../../src/io/cells';

describe('parseNumber', () => {
  test.each([
    [1234.5, 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234', 1234],
    ['1.234,5', 1234.5],
    ['1234.5', 1234.5],
    ['-12', -12],
    ['\u221212', -12],
    [' 42 ', 42],
    ["1'000", 1000],
  ])('reads %p as %p', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  test.each([['12 3x'], ['abc'], [''], ['1,2,3'], [null], [true], [{ error: '#REF!' }], [Number.NaN]])('rejects %p', (input) => {
    expect(parseNumber(input as never)).toBeUndefined();
  });
});

describe('parseMunicipalityNumber', () => {
  test.each([
    [301, '0301'],
    ['301', '0301'],
    ['0301', '0301'],
    ['0301 Oslo', '0301'],
    ['1841 Fauske - Fuossko', '1841'],
    ['K-1804', '1804'],
    [1804, '1804'],
  ])('reads %p as %p', (input, expected) => {
    expect(parseMunicipalityNumber(input)).toBe(expected);
  });

  test.each([['Oslo'], [12], [3.5], [''], ['12345'], [null]])('rejects %p', (input) => {
    expect(parseMunicipalityNumber(input as never)).toBeUndefined();
  });
});

describe('a1', () => {
  test.each([
    [0, 0, 'A1'],
    [13, 2, 'C14'],
    [0, 25, 'Z1'],
    [0, 26, 'AA1'],
    [9, 701, 'ZZ10'],
  ])('row %p col %p is %p', (r, c, expected) => {
    expect(a1(r, c)).toBe(expected);
  });
  it('names column 27 AB', () => expect(columnLetters(27)).toBe('AB'));
});

describe('foldName', () => {
  it('folds Norwegian letters, case and punctuation', () => {
    expect(foldName('Kommune-nr.')).toBe('kommunenr');
    expect(foldName('Statlige årsverk')).toBe('statligearsverk');
    expect(foldName('Møterom')).toBe('moterom');
    expect(foldName('Sæter')).toBe('saeter');
  });
});

describe('parseYesNo', () => {
  test.each([
    ['ja', true],
    ['Nei', false],
    ['x', true],
    [true, true],
    [0, false],
    ['kanskje', undefined],
  ])('reads %p as %p', (input, expected) => {
    expect(parseYesNo(input)).toBe(expected);
  });
});
