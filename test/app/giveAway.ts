/**
 * Norwegian give-away words, for tests that an English run says and writes no Norwegian: whole
 * words, any case, found in a text once the names a workbook holds (municipalities, offices,
 * scenarios, sheets) are taken out of it.
 */

/** Words only Norwegian has (whole words, any case). */
export const GIVE_AWAY = [
  'kommune',
  'kommuner',
  'kommunen',
  'kontor',
  'kontoret',
  'kontorer',
  'vertskommune',
  'ansatte',
  'reisetid',
  'reisetiden',
  'må',
  'ikke',
  'og',
  'er',
  'med',
  'fra',
  'til',
  'årsverk',
  'folketall',
  'innbyggere',
  'kilde',
  'estimert',
  'oppgitt',
  'beløp',
  'andel',
  'nøkkel',
  'nøkkelen',
  'fordeles',
  'betaler',
  'kostnad',
  'ingen',
  'ingenting',
  'feil',
  'skrevet',
  'tjenestested',
  'sosialhjelp',
  'dagens',
];
const WORD = new RegExp(`(?<!\\p{L})(${GIVE_AWAY.join('|')})(?!\\p{L})`, 'iu');

/** The Norwegian give-away words left in `texts` once every name is taken out. */
export function norwegian(texts: readonly string[], names: readonly string[]): string[] {
  const byLength = [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const text of texts) {
    let rest = text;
    for (const n of byLength) rest = rest.split(n).join(' ');
    const hit = WORD.exec(rest);
    if (hit) out.push(`${hit[1]} in: ${text}`);
  }
  return out;
}
