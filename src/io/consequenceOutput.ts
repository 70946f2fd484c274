/**
 * `KP Konsekvenser <scenario>`: the consequence table of one scenario against the baseline, with
 * the scale and every threshold written beside it so that a council can check each grade.
 */
import type { CellValue, SheetSpec } from '../domain/sheets';
import {
  consequenceGrade,
  EXTENT_WORDS,
  gradeText,
  IMPORTANCE_WORDS,
  type ConsequenceDef,
  type ExtentLevel,
  type Importance,
} from '../scoring/consequences';
import type { ScenarioScore } from '../scoring/score';

export const CONSEQUENCE_PREFIX = 'KP Konsekvenser ';

const num = (x: number) => x.toLocaleString('nb-NO', { maximumFractionDigits: 3 }).replace(/\u00a0/g, ' ');

/** The thresholds of a row as text: `lite ≥ 1, middels ≥ 3, stort ≥ 10 årsverk` (relative ones in per cent). */
export function thresholdText(def: ConsequenceDef): string {
  const [a, b, c] = def.thresholds;
  const pctUnit = def.format.includes('%');
  const show = (t: number) =>
    def.scale === 'relative' ? `${num(t * 100)} %` : pctUnit ? `${num(t * 100)} prosentpoeng` : `${num(t)} ${def.unit.nb}`;
  const rel = def.scale === 'relative' ? ' av grunnlagets verdi' : '';
  return `endring lite ≥ ${show(a)}, middels ≥ ${show(b)}, stort ≥ ${show(c)}${rel}`;
}

const direction = (def: ConsequenceDef) => (def.better === 'higher' ? 'høyere' : def.better === 'lower' ? 'lavere' : '–');

function signedExtentText(extent: number): string {
  if (extent === 0) return EXTENT_WORDS[0].nb;
  const words = EXTENT_WORDS[Math.abs(extent) as ExtentLevel].nb;
  return `${words} ${extent > 0 ? 'positivt' : 'negativt'}`;
}

const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export function consequenceSheet(score: ScenarioScore, sheetName: string, index: number): SheetSpec {
  const rows: CellValue[][] = score.consequences.map((c) => [
    c.def.effect.nb,
    c.def.label.nb,
    c.def.unit.nb,
    direction(c.def),
    round(c.value),
    round(c.baseline),
    round(c.change),
    IMPORTANCE_WORDS[c.def.importance].nb,
    c.extent === null ? '–' : signedExtentText(c.extent),
    c.note ? c.note.nb : gradeText(c.grade),
    c.grade,
    thresholdText(c.def),
    c.def.thresholdSource.nb,
    c.def.source,
  ]);
  const importances: Importance[] = ['liten', 'middels', 'stor'];
  const extents = [3, 2, 1, 0, -1, -2, -3];
  const matrix: CellValue[][] = extents.map((e) => [
    e === 0 ? 'intet omfang' : `${signedExtentText(e)} omfang`,
    ...importances.map((i) => gradeText(consequenceGrade(i, e))),
  ]);
  const heading = [
    `Konsekvenser av «${score.name}» mot «${score.versus.baseline}». Laget av Kontorplan; arket erstattes ved neste kjøring.`,
    'Hver rad er en fordel eller ulempe forskningen nevner (000 L205). Konsekvens = betydning × omfang på DFØs skala fra − − − − til + + + + ' +
      '(utredningsinstruksen; DFØs veileder i samfunnsøkonomiske analyser, ikke-prissatte virkninger). Pluss er bedre enn grunnlaget, minus verre.',
    'Betydningen per rad og alle terskler for omfang er våre antakelser der kolonnen «Kilde for terskler» ikke sier annet; de står i docs/scoring.md og kan diskuteres.',
    'Omfanget regnes i den retningen raden sier er bedre («Bedre når»). Rader uten tall i dataene står som «ikke beregnet», ikke som 0.',
  ];
  const start = heading.length + 1;
  const matrixStart = start + rows.length + 3;
  return {
    name: sheetName,
    heading,
    freezeRows: start + 1,
    tables: [
      {
        name: `KP_Konsekvenser_${index + 1}`,
        startRow: start,
        title: `Konsekvenstabell mot ${score.versus.baseline}`,
        columns: [
          { header: 'Virkning', width: 30 },
          { header: 'Mål', width: 40 },
          { header: 'Enhet', width: 12 },
          { header: 'Bedre når', width: 9 },
          { header: 'Scenario', width: 12 },
          { header: 'Grunnlag', width: 12 },
          { header: 'Endring', width: 12 },
          { header: 'Betydning', width: 10 },
          { header: 'Omfang', width: 18 },
          { header: 'Konsekvens', width: 14 },
          { header: 'Konsekvens (−4 til +4)', format: '+0;-0;0', width: 10 },
          { header: 'Terskler for omfang', width: 50 },
          { header: 'Kilde for terskler', width: 40 },
          { header: 'Kilde for virkningen', width: 22 },
        ],
        rows,
        rowFormats: score.consequences.map((c) => c.def.format),
      },
      {
        name: `KP_Konsekvensskala_${index + 1}`,
        startRow: matrixStart,
        title: 'Skalaen: konsekvens for hver betydning og hvert omfang (DFØs form; cellene er vår antakelse)',
        columns: [
          { header: 'Omfang', width: 30 },
          ...importances.map((i) => ({ header: `${IMPORTANCE_WORDS[i].nb} betydning`, width: 14 })),
        ],
        rows: matrix,
      },
    ],
  };
}
