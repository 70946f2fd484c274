/**
 * The consequence table: one row per advantage or disadvantage the research names, each with the
 * scenario's value, the baseline's, the change and a grade on DFØ's consequence scale (importance ×
 * extent, − − − − … 0 … + + + +; Utredningsinstruksen's analysis of effects that carry no price).
 *
 * The importance of each effect and every extent threshold are our assumptions unless `thresholdSource`
 * says otherwise; the passage that names the effect is in `source`. docs/scoring.md lists them all.
 */
import { staffedOnSite, type OfficeScore, type ScenarioTotals } from './score';

type Words = Readonly<{ nb: string; en: string }>;

export type Importance = 'liten' | 'middels' | 'stor';
/** Extent on DFØ's scale: 0 none, 1 small, 2 medium, 3 large; the sign says positive or negative. */
export type ExtentLevel = 0 | 1 | 2 | 3;

export type ConsequenceId =
  | 'minOfficeFte'
  | 'ftePerOffice'
  | 'officesBelowMinFte'
  | 'vulnerability'
  | 'accessMinutes'
  | 'accessWithoutCar'
  | 'localDays'
  | 'staffTravel'
  | 'siteCost'
  | 'localJobs'
  | 'staffedMunicipalities'
  | 'maxOwners'
  | 'hostWeight'
  | 'partnerShare'
  | 'baRegionsSplit'
  | 'countyLines'
  | 'informalOffices'
  | 'cost';

/** What a row measures, and how its change is graded. */
export type ConsequenceDef = Readonly<{
  id: ConsequenceId;
  /** The advantage or disadvantage, as the research names it. */
  effect: Words;
  /** What is measured. */
  label: Words;
  unit: Words;
  /** Excel number format of the values (and the change). */
  format: string;
  /** Whether more is better or worse; null for a row that is not computed. */
  better: 'higher' | 'lower' | null;
  importance: Importance;
  /**
   * The smallest change (absolute, or relative to the baseline's value) that is a small, medium and
   * large extent. Below the first the extent is none.
   */
  scale: 'absolute' | 'relative';
  thresholds: readonly [number, number, number];
  /** Where the thresholds come from: `antakelse` (our assumption) unless a passage supports them. */
  thresholdSource: Words;
  /** The passage that names the effect. */
  source: string;
  /** Why a row is not computed (no data), shown instead of values. */
  notComputed?: Words;
}>;

const ASSUMPTION: Words = { nb: 'antakelse (vår)', en: 'assumption (ours)' };

/** Every row of the table, in the order the sheet shows them. */
export const CONSEQUENCES: readonly ConsequenceDef[] = [
  {
    id: 'minOfficeFte',
    effect: { nb: 'Robusthet og fagmiljø', en: 'Robustness and professional environment' },
    label: { nb: 'Minste kontor', en: 'Smallest office' },
    unit: { nb: 'årsverk', en: 'FTE' },
    format: '0.0',
    better: 'higher',
    importance: 'stor',
    scale: 'absolute',
    thresholds: [1, 3, 10],
    thresholdSource: {
      nb: 'antakelse (vår); 3 = den avviklede statlige minstebemanningen (003 L141–145), 10 = standard minste årsverk',
      en: 'assumption (ours); 3 = the abolished state staffing guarantee (003 L141–145), 10 = the default minimum FTE',
    },
    source: '000 L205, L429',
  },
  {
    id: 'ftePerOffice',
    effect: { nb: 'Robusthet og fagmiljø', en: 'Robustness and professional environment' },
    label: { nb: 'Årsverk per kontor (snitt)', en: 'FTE per office (mean)' },
    unit: { nb: 'årsverk', en: 'FTE' },
    format: '0.0',
    better: 'higher',
    importance: 'middels',
    scale: 'relative',
    thresholds: [0.1, 0.5, 1],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L429',
  },
  {
    id: 'officesBelowMinFte',
    effect: { nb: 'Robusthet og fagmiljø', en: 'Robustness and professional environment' },
    label: { nb: 'Kontor under minste årsverk', en: 'Offices below the minimum FTE' },
    unit: { nb: 'kontor', en: 'offices' },
    format: '0',
    better: 'lower',
    importance: 'stor',
    scale: 'absolute',
    thresholds: [1, 3, 10],
    thresholdSource: ASSUMPTION,
    source: '000 L205; 003 L133',
  },
  {
    id: 'vulnerability',
    effect: { nb: 'Sårbarhet ved sykdom og ferie', en: 'Vulnerability to sickness and holidays' },
    label: { nb: 'Dager med færre enn k til stede (befolkningsvektet)', en: 'Days with fewer than k present (population-weighted)' },
    unit: { nb: 'andel dager', en: 'share of days' },
    format: '0.0%',
    better: 'lower',
    importance: 'stor',
    scale: 'absolute',
    thresholds: [0.005, 0.02, 0.05],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L429',
  },
  {
    id: 'accessMinutes',
    effect: { nb: 'Brukernes tilgang med bil', en: "Users' access by car" },
    label: { nb: 'Brukernes reisebyrde (befolkningsvektet)', en: "Users' travel burden (population-weighted)" },
    unit: { nb: 'min', en: 'min' },
    format: '0.0',
    better: 'lower',
    importance: 'stor',
    scale: 'absolute',
    thresholds: [1, 5, 15],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L939',
  },
  {
    id: 'accessWithoutCar',
    effect: { nb: 'Tilgang for brukere uten bil', en: 'Access for users without a car' },
    label: { nb: 'Reisetid med kollektivtransport', en: 'Travel time by public transport' },
    unit: { nb: 'min', en: 'min' },
    format: '0.0',
    better: null,
    importance: 'stor',
    scale: 'absolute',
    thresholds: [1, 5, 15],
    thresholdSource: ASSUMPTION,
    source: '000 L939',
    notComputed: {
      nb: 'ikke beregnet: dataene har bare bilreisetid, ingen kollektivtider',
      en: 'not computed: the data has car travel only, no public transport times',
    },
  },
  {
    id: 'localDays',
    effect: { nb: 'Lokal tjeneste (åpningsdager beholdt)', en: 'Local service (opening days kept)' },
    label: { nb: 'Lokale åpningsdager, sum over kommunene', en: 'Local opening days, summed over the municipalities' },
    unit: { nb: 'dager/uke', en: 'days/week' },
    format: '0.0',
    better: 'higher',
    importance: 'middels',
    scale: 'relative',
    thresholds: [0.05, 0.2, 0.5],
    thresholdSource: ASSUMPTION,
    source: '000 L1094',
  },
  {
    id: 'staffTravel',
    effect: { nb: 'Ansattes reisetid', en: 'Staff travel' },
    label: { nb: 'Ansattreiser mellom vert og lokasjoner', en: 'Staff trips between host and locations' },
    unit: { nb: 'min/uke', en: 'min/week' },
    format: '#,##0',
    better: 'lower',
    importance: 'middels',
    scale: 'absolute',
    thresholds: [60, 300, 600],
    thresholdSource: {
      nb: 'antakelse (vår); 600 min = ti timer, ratingens verste ende',
      en: "assumption (ours); 600 min = ten hours, the rating's worst end",
    },
    source: '000 L205, L997, L1001',
  },
  {
    id: 'siteCost',
    effect: { nb: 'Kostnad for lokale tjenestesteder', en: 'Cost of local service points' },
    label: {
      nb: 'Lokaler og ansattes reiser for samarbeidskommunenes tjenestesteder',
      en: "Premises and staff travel of the partners' service points",
    },
    unit: { nb: 'kr/år', en: 'NOK/year' },
    format: '#,##0',
    better: 'lower',
    importance: 'middels',
    scale: 'absolute',
    thresholds: [100_000, 500_000, 2_000_000],
    thresholdSource: ASSUMPTION,
    source: '000 L931–933, L997',
  },
  {
    id: 'localJobs',
    effect: { nb: 'Lokale arbeidsplasser', en: 'Local jobs' },
    label: { nb: 'Årsverk som blir i egen kommune (anslag)', en: 'FTE kept in their own municipality (estimate)' },
    unit: { nb: 'årsverk', en: 'FTE' },
    format: '0.0',
    better: 'higher',
    importance: 'middels',
    scale: 'absolute',
    thresholds: [1, 3, 10],
    thresholdSource: ASSUMPTION,
    source: '000 L1025–1037',
  },
  {
    id: 'staffedMunicipalities',
    effect: { nb: 'Lokale arbeidsplasser', en: 'Local jobs' },
    label: {
      nb: 'Kommuner med ansatte på stedet (vert, hovedkontor eller avdelingskontor 5 dager)',
      en: 'Municipalities with staff on site (host, full office or 5-day branch)',
    },
    unit: { nb: 'kommuner', en: 'municipalities' },
    format: '0',
    better: 'higher',
    importance: 'middels',
    scale: 'relative',
    thresholds: [0.05, 0.2, 0.5],
    thresholdSource: ASSUMPTION,
    source: '000 L1025–1037',
  },
  {
    id: 'maxOwners',
    effect: { nb: 'Eiere per kontor (styringslinjer for NAV-leder)', en: "Owners per office (the NAV leader's lines of governance)" },
    label: { nb: 'Flest eiere i ett kontor', en: 'Most owners in one office' },
    unit: { nb: 'kommuner', en: 'municipalities' },
    format: '0',
    better: 'lower',
    importance: 'middels',
    scale: 'absolute',
    thresholds: [1, 2, 4],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L1252',
  },
  {
    id: 'hostWeight',
    effect: { nb: 'Vertskommunens tyngde', en: "The host's weight" },
    label: { nb: 'Vertens andel av innbyggerne i delte kontor', en: "The host's share of the inhabitants of shared offices" },
    unit: { nb: 'andel', en: 'share' },
    format: '0.0%',
    better: 'lower',
    importance: 'liten',
    scale: 'absolute',
    thresholds: [0.05, 0.1, 0.2],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L1013',
  },
  {
    id: 'partnerShare',
    effect: { nb: 'Politisk innflytelse', en: 'Political influence' },
    label: { nb: 'Innbyggere i samarbeidskommuner (ikke vert)', en: 'Inhabitants of partner municipalities (not the host)' },
    unit: { nb: 'andel', en: 'share' },
    format: '0.0%',
    better: 'lower',
    importance: 'liten',
    scale: 'absolute',
    thresholds: [0.05, 0.2, 0.5],
    thresholdSource: ASSUMPTION,
    source: '000 L205, L1013',
  },
  {
    id: 'baRegionsSplit',
    effect: { nb: 'Sammenheng med arbeidsmarkedet', en: 'Labour-market coherence' },
    label: { nb: 'BA-regioner delt mellom kontor', en: 'BA regions split between offices' },
    unit: { nb: 'regioner', en: 'regions' },
    format: '0',
    better: 'lower',
    importance: 'middels',
    scale: 'absolute',
    thresholds: [1, 3, 6],
    thresholdSource: ASSUMPTION,
    source: '003 L131 (TØI 2019, BA-regioner)',
  },
  {
    id: 'countyLines',
    effect: { nb: 'Fylkesgrenser', en: 'County lines' },
    label: { nb: 'Kontor over fylkesgrense', en: 'Offices crossing a county line' },
    unit: { nb: 'kontor', en: 'offices' },
    format: '0',
    better: 'lower',
    importance: 'liten',
    scale: 'absolute',
    thresholds: [1, 2, 4],
    thresholdSource: ASSUMPTION,
    source: '004 L40, L141–169 (Narvik–Gratangen)',
  },
  {
    id: 'informalOffices',
    effect: { nb: 'Juridisk form', en: 'Legal form' },
    label: { nb: 'Uformelle samarbeid (ingen vertskommuneavtale)', en: 'Informal cooperations (no host agreement)' },
    unit: { nb: 'kontor', en: 'offices' },
    format: '0',
    better: 'lower',
    importance: 'stor',
    scale: 'absolute',
    thresholds: [1, 1, 1],
    thresholdSource: {
      nb: 'deling av saksbehandling uten avtale er ikke lovlig (kommuneloven kap. 20; 004 L624–651); at ett kontor er stort omfang, er vår antakelse',
      en: 'sharing case work without an agreement is not lawful (kommuneloven ch. 20; 004 L624–651); that one office is a large extent is our assumption',
    },
    source: '004 L325–333, L624–651',
  },
  {
    id: 'cost',
    effect: { nb: 'Kostnad (stordriftsfordeler)', en: 'Cost (economies of scale)' },
    label: { nb: 'Driftskostnad', en: 'Running cost' },
    unit: { nb: 'kr/år', en: 'NOK/year' },
    format: '#,##0',
    better: null,
    importance: 'middels',
    scale: 'relative',
    thresholds: [0.02, 0.05, 0.1],
    thresholdSource: ASSUMPTION,
    source: '000 L205; 001 L1335',
    notComputed: {
      nb: 'ikke beregnet: scenarioene har ingen kostnadsdata (lokaler, ansatte på stedet); fordelingen av ett kontors kostnader: kontorplan costs',
      en: "not computed: the scenarios carry no cost data (premises, staff on site); one office's cost split: kontorplan costs",
    },
  },
];

/** The matrix in DFØ's form: importance × extent → −4…+4 (none is 0 whatever the importance); the cells are our reading, not checked against the guide (docs/scoring.md). */
const IMPORTANCE_LEVEL: Readonly<Record<Importance, number>> = { liten: 1, middels: 2, stor: 3 };

/** The grade for an importance and a signed extent (−3…3): sign × max(0, |extent| + importance − 2). */
export function consequenceGrade(importance: Importance, extent: number): number {
  const size = Math.max(0, Math.abs(extent) + IMPORTANCE_LEVEL[importance] - 2);
  // No −0: a small negative extent of small importance is plain 0.
  return extent === 0 || size === 0 ? 0 : Math.sign(extent) * size;
}

/** `− − −`, `0`, `+ +`: the grade as DFØ writes it. */
export function gradeText(grade: number | null): string {
  if (grade === null) return '–';
  if (grade === 0) return '0';
  return Array.from({ length: Math.abs(grade) }, () => (grade < 0 ? '\u2212' : '+')).join(' ');
}

export const EXTENT_WORDS: Readonly<Record<ExtentLevel, Words>> = {
  0: { nb: 'intet', en: 'none' },
  1: { nb: 'lite', en: 'small' },
  2: { nb: 'middels', en: 'medium' },
  3: { nb: 'stort', en: 'large' },
};

export const IMPORTANCE_WORDS: Readonly<Record<Importance, Words>> = {
  liten: { nb: 'liten', en: 'small' },
  middels: { nb: 'middels', en: 'medium' },
  stor: { nb: 'stor', en: 'large' },
};

/** The signed extent (−3…3) of a change: positive when it is for the better. */
export function extentOf(def: ConsequenceDef, value: number, baseline: number): number {
  if (def.better === null) return 0;
  const change = value - baseline;
  const size = def.scale === 'relative' ? (baseline === 0 ? (change === 0 ? 0 : Infinity) : Math.abs(change / baseline)) : Math.abs(change);
  // A hair of tolerance so that a change exactly on a threshold counts, whatever the rounding.
  const level = def.thresholds.filter((t) => size >= t - 1e-9).length;
  if (level === 0) return 0;
  const forTheBetter = def.better === 'higher' ? change > 0 : change < 0;
  return forTheBetter ? level : -level;
}

/** One row of the table for one scenario. */
export type Consequence = Readonly<{
  id: ConsequenceId;
  def: ConsequenceDef;
  /** The scenario's value; null when not computed or not applicable. */
  value: number | null;
  baseline: number | null;
  change: number | null;
  /** Signed extent −3…3; null when it cannot be graded. */
  extent: number | null;
  /** −4…+4 on DFØ's scale; null when it cannot be graded. */
  grade: number | null;
  /** Why there is no grade (not computed, not applicable); empty otherwise. */
  note: Words | null;
}>;

type Scored = Readonly<{ offices: readonly OfficeScore[]; totals: ScenarioTotals }>;

/** The raw values of a scenario, by row; null where not computed or not applicable. */
export function consequenceValues(s: Scored, minFte: number): Readonly<Record<ConsequenceId, number | null>> {
  const members = s.offices.flatMap((o) => o.members);
  const population = members.reduce((a, m) => a + m.population, 0);
  const shared = s.offices.filter((o) => o.owners > 1);
  const sharedPopulation = shared.reduce((a, o) => a + o.population, 0);
  const hostPopulation = shared.reduce((a, o) => a + (o.members.find((m) => m.isHost)?.population ?? 0), 0);
  const partners = members.filter((m) => !m.isHost);
  const onSite = (m: (typeof members)[number]) => m.isHost || staffedOnSite(m.servicePoint);
  return {
    minOfficeFte: s.totals.minOfficeFte,
    ftePerOffice: s.offices.length === 0 ? 0 : s.totals.fte / s.offices.length,
    officesBelowMinFte: s.offices.filter((o) => o.fte < minFte).length,
    vulnerability: s.totals.vulnerability,
    accessMinutes: s.totals.weightedTravelMinutes,
    accessWithoutCar: null,
    localDays: members.reduce((a, m) => a + m.localDays, 0),
    staffTravel: s.totals.staffTravelMinutesPerWeek,
    siteCost: s.totals.siteCostKr,
    // Each municipality's own staff that still work in it (MemberScore.localFte, capped at its own).
    localJobs: members.reduce((a, m) => a + Math.min(m.localFte, m.fte), 0),
    staffedMunicipalities: members.filter(onSite).length,
    maxOwners: s.totals.maxOwners,
    hostWeight: sharedPopulation === 0 ? null : hostPopulation / sharedPopulation,
    partnerShare: population === 0 ? 0 : partners.reduce((a, m) => a + m.population, 0) / population,
    baRegionsSplit: s.totals.baRegionsSplit,
    countyLines: s.totals.officesCrossingCounty,
    informalOffices: s.totals.informalOffices,
    cost: null,
  };
}

const NOT_APPLICABLE: Words = {
  nb: 'ikke aktuelt: ingen delte kontor i det ene av scenarioene',
  en: 'not applicable: no shared offices in one of the scenarios',
};

/** The consequence table of a scenario against the baseline. */
export function consequences(scenario: Scored, baseline: Scored, minFte: number): Consequence[] {
  const now = consequenceValues(scenario, minFte);
  const before = consequenceValues(baseline, minFte);
  return CONSEQUENCES.map((def) => {
    const value = now[def.id];
    const was = before[def.id];
    if (def.notComputed)
      return { id: def.id, def, value: null, baseline: null, change: null, extent: null, grade: null, note: def.notComputed };
    if (value === null || was === null)
      return { id: def.id, def, value, baseline: was, change: null, extent: null, grade: null, note: NOT_APPLICABLE };
    const extent = extentOf(def, value, was);
    return {
      id: def.id,
      def,
      value,
      baseline: was,
      change: value - was,
      extent,
      grade: consequenceGrade(def.importance, extent),
      note: null,
    };
  });
}
