/**
 * The pane's two catalogues: English has every word Norwegian has, its own (never falling back
 * to Norwegian), and none of it Norwegian: no æ, ø or å and none of the common Norwegian words,
 * but for the names of the planner's sheets, which stay as Excel shows them.
 */
import { WORDS } from '../../src/taskpane/i18n';

/** Every string a catalogue entry gives: functions called with sample arguments. */
function texts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'function') {
    const f = v as (...a: unknown[]) => unknown;
    const calls: unknown[][] = [['x', 'y'], [3, 5], ['x', 2, ['A', 'B']], [['A', 'B']], [['A']], ['']];
    return calls.flatMap((args) => {
      try {
        return texts(f(...args));
      } catch {
        return []; // arguments of another shape
      }
    });
  }
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(texts);
  return [];
}

const SHEET_NAMES = /\b(Kommuner|Reisetid|Bemanning|Scenarier|Kontorer|Ferjer|Kostnader|Kontorplan)\b/g;
const NORWEGIAN = /[æøåÆØÅ]|\b(og|ikke|eller|arket|arkene|kontor|kommune|kommuner|skriv|les|velg|antall|fylke|feil|merk)\b/i;

describe('the English catalogue', () => {
  it('has every entry of the Norwegian one, as its own', () => {
    expect(Object.keys(WORDS.en).sort()).toEqual(Object.keys(WORDS.nb).sort());
  });

  it('says nothing in Norwegian', () => {
    // The language button names the other language in that language: "Språk: norsk".
    const norwegian = Object.entries(WORDS.en)
      .filter(([k]) => k !== 'language')
      .flatMap(([k, v]) =>
        texts(v)
          .map((t) => t.replace(SHEET_NAMES, ''))
          .filter((t) => NORWEGIAN.test(t))
          .map((t) => `${k}: ${t}`),
      );
    expect(norwegian).toEqual([]);
  });

  it('differs from the Norwegian wherever the words are not the same in both languages', () => {
    const same = Object.keys(WORDS.nb).filter(
      (k) => JSON.stringify(texts(WORDS.nb[k as keyof typeof WORDS.nb])) === JSON.stringify(texts(WORDS.en[k as keyof typeof WORDS.en])),
    );
    // Words the two languages share (names, units, abbreviations).
    expect(same.sort()).toEqual(['appTitle', 'gap', 'minutes', 'ok', 'scenario', 'seconds', 'tabData'].sort());
  });

  it('finds Norwegian where there is some (the check can fail)', () => {
    expect(texts(WORDS.nb).some((t) => NORWEGIAN.test(t.replace(SHEET_NAMES, '')))).toBe(true);
  });
});
