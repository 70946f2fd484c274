import { MESSAGES as PROBLEMS } from '../../src/io/problems';
import { MESSAGES, SAME_IN_BOTH, type Template } from '../../src/io/messages';
import { helpTemplates } from '../../src/cli/help';
import { STAFFING_ASSUMED } from '../../src/scoring/staffing';

// A parameter may have an English form of its own (`{better}` / `{betterEn}`).
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+?)(?:En)?\}/g)].map((m) => m[1]!).sort();

const catalogues: [string, [string, Template][]][] = [
  ['problems', Object.entries(PROBLEMS)],
  ['messages', Object.entries(MESSAGES)],
  ['scoring', [['staffingAssumed', STAFFING_ASSUMED]]],
  ['help', helpTemplates().map((t, i) => [`help#${i}:${t.nb.slice(0, 40)}`, t])],
];

describe.each(catalogues)('the %s catalogue', (_, entries) => {
  it('has an English text of its own for every entry, unless listed as the same in both', () => {
    const same = entries.filter(([code, t]) => t.en === t.nb && !SAME_IN_BOTH.has(code)).map(([code]) => code);
    expect(same).toEqual([]);
  });

  it('fills the same parameters in both languages', () => {
    const differ = entries.filter(([, t]) => placeholders(t.nb).join() !== placeholders(t.en).join()).map(([code]) => code);
    expect(differ).toEqual([]);
  });

  it('writes English in English: no Norwegian letters or quotes outside sheet and data names', () => {
    // «» are Norwegian quotes; æøå may appear only in names a planner's workbook uses (Kontorer, Årsverk...).
    const quoted = entries.filter(([, t]) => /[«»]/.test(t.en)).map(([code]) => code);
    expect(quoted).toEqual([]);
  });
});
