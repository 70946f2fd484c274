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
import type { Language } from './problems';

export const CONSEQUENCE_PREFIX = 'KP Konsekvenser ';

const num = (x: number, lang: Language = 'nb') =>
  x.toLocaleString(lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 3 }).replace(/\u00a0/g, ' ');

/** The thresholds of a row as text: `lite ≥ 1, middels ≥ 3, stort ≥ 10 årsverk` (relative ones in per cent). */
export function thresholdText(def: ConsequenceDef, lang: Language = 'nb'): string {
  const [a, b, c] = def.thresholds;
  const pctUnit = def.format.includes('%');
  const en = lang === 'en';
  const show = (t: number) =>
    def.scale === 'relative'
      ? `${num(t * 100, lang)} %`
      : pctUnit
        ? `${num(t * 100, lang)} ${en ? 'percentage points' : 'prosentpoeng'}`
        : `${num(t, lang)} ${def.unit[lang]}`;
  const rel = def.scale === 'relative' ? (en ? " of the baseline's value" : ' av grunnlagets verdi') : '';
  return en
    ? `change small ≥ ${show(a)}, medium ≥ ${show(b)}, large ≥ ${show(c)}${rel}`
    : `endring lite ≥ ${show(a)}, middels ≥ ${show(b)}, stort ≥ ${show(c)}${rel}`;
}

const direction = (def: ConsequenceDef, lang: Language) =>
  def.better === 'higher' ? (lang === 'en' ? 'higher' : 'høyere') : def.better === 'lower' ? (lang === 'en' ? 'lower' : 'lavere') : '–';

function signedExtentText(extent: number, lang: Language): string {
  if (extent === 0) return EXTENT_WORDS[0][lang];
  const words = EXTENT_WORDS[Math.abs(extent) as ExtentLevel][lang];
  const sign = extent > 0 ? (lang === 'en' ? 'positive' : 'positivt') : lang === 'en' ? 'negative' : 'negativt';
  return `${words} ${sign}`;
}

const round = (x: number | null, d = 4) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

export function consequenceSheet(score: ScenarioScore, sheetName: string, index: number, lang: Language = 'nb'): SheetSpec {
  const en = lang === 'en';
  const rows: CellValue[][] = score.consequences.map((c) => [
    c.def.effect[lang],
    c.def.label[lang],
    c.def.unit[lang],
    direction(c.def, lang),
    round(c.value),
    round(c.baseline),
    round(c.change),
    IMPORTANCE_WORDS[c.def.importance][lang],
    c.extent === null ? '–' : signedExtentText(c.extent, lang),
    c.note ? c.note[lang] : gradeText(c.grade),
    c.grade,
    thresholdText(c.def, lang),
    c.def.thresholdSource[lang],
    c.def.source,
  ]);
  const importances: Importance[] = ['liten', 'middels', 'stor'];
  const extents = [3, 2, 1, 0, -1, -2, -3];
  const matrix: CellValue[][] = extents.map((e) => [
    e === 0 ? (en ? 'no extent' : 'intet omfang') : `${signedExtentText(e, lang)} ${en ? 'extent' : 'omfang'}`,
    ...importances.map((i) => gradeText(consequenceGrade(i, e))),
  ]);
  const heading = en
    ? [
        `Consequences of "${score.name}" against "${score.versus.baseline}". Made by Kontorplan; the sheet is replaced on the next run.`,
        "Each row is an advantage or disadvantage the research names (000 L205). Consequence = importance × extent on DFØ's scale from − − − − to + + + + " +
          "(the Instructions for Official Studies; DFØ's guide to cost-benefit analysis, non-priced effects). Plus is better than the baseline, minus worse.",
        'The importance of each row and every extent threshold are our assumptions unless the column "Source of thresholds" says otherwise; they are in docs/scoring.md and open to debate.',
        'The extent is counted in the direction the row says is better ("Better when"). Rows without figures in the data are "not computed", not 0.',
      ]
    : [
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
        title: en ? `Consequences against ${score.versus.baseline}` : `Konsekvenstabell mot ${score.versus.baseline}`,
        columns: [
          { header: en ? 'Effect' : 'Virkning', width: 30 },
          { header: en ? 'Measure' : 'Mål', width: 40 },
          { header: en ? 'Unit' : 'Enhet', width: 12 },
          { header: en ? 'Better when' : 'Bedre når', width: 9 },
          { header: 'Scenario', width: 12 },
          { header: en ? 'Baseline' : 'Grunnlag', width: 12 },
          { header: en ? 'Change' : 'Endring', width: 12 },
          { header: en ? 'Importance' : 'Betydning', width: 10 },
          { header: en ? 'Extent' : 'Omfang', width: 18 },
          { header: en ? 'Consequence' : 'Konsekvens', width: 14 },
          { header: en ? 'Consequence (−4 to +4)' : 'Konsekvens (−4 til +4)', format: '+0;-0;0', width: 10 },
          { header: en ? 'Extent thresholds' : 'Terskler for omfang', width: 50 },
          { header: en ? 'Source of thresholds' : 'Kilde for terskler', width: 40 },
          { header: en ? 'Source of the effect' : 'Kilde for virkningen', width: 22 },
        ],
        rows,
        rowFormats: score.consequences.map((c) => c.def.format),
      },
      {
        name: `KP_Konsekvensskala_${index + 1}`,
        startRow: matrixStart,
        title: en
          ? "The scale: the consequence for each importance and extent (DFØ's form; the cells are our assumption)"
          : 'Skalaen: konsekvens for hver betydning og hvert omfang (DFØs form; cellene er vår antakelse)',
        columns: [
          { header: en ? 'Extent' : 'Omfang', width: 30 },
          ...importances.map((i) => ({ header: `${IMPORTANCE_WORDS[i][lang]} ${en ? 'importance' : 'betydning'}`, width: 14 })),
        ],
        rows: matrix,
      },
    ],
  };
}
