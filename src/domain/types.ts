/**
 * Domain types of the Kontorplan engine. Plain data only: no Office.js, no exceljs, no Node.
 * Everything here is what the io layer produces from a planner's sheets and what scoring reads.
 */
import type { MetricId, RatingRange } from './parameters';

/** A municipality number as a 4-digit string with leading zeros, e.g. "0301" (Oslo). */
export type MunicipalityNumber = string & { readonly __brand: 'MunicipalityNumber' };

/** Where a value came from: read from the planner's sheet, or estimated by Kontorplan. */
export type Provenance = 'given' | 'estimated';

/**
 * Where the travel of a municipality's inhabitants to its own centre comes from: the planner's
 * sheet, TØI's published own-region time (BA regions 2020), or Kontorplan's estimate from SSB's
 * population grid; unknown when there is nothing to estimate from (counted as 0 minutes).
 */
export type WithinSource = 'given' | 'toi' | 'estimated' | 'unknown';

export type WithinMunicipality = Readonly<{ minutes?: number; source?: 'given' | 'toi'; meanKmToCentre?: number }>;

export type Municipality = Readonly<{
  number: MunicipalityNumber;
  name: string;
  population: number;
  /** Two-digit county number, from the sheet or the first two digits of the number. */
  county: string;
  /** BA region (bo- og arbeidsmarkedsregion) id, or undefined when unknown. */
  baRegion?: string;
  baRegionName?: string;
  lat?: number;
  lon?: number;
  /**
   * How far the inhabitants are from a service point in their own municipality: minutes the
   * planner gives (the Kommuner sheet's «reisetid i kommunen»), TØI's own-region time, or the
   * population-weighted mean straight-line km from SSB's grid to the centre to estimate it from.
   */
  within?: WithinMunicipality;
  /** Social-assistance recipients (a cost-key driver). */
  users?: number;
  /** Social-assistance spending in NOK (a cost-key driver). */
  spending?: number;
  /** Other numeric columns of the sheet, by header (drivers a planner may name for a cost key). */
  columns?: Readonly<Record<string, number>>;
  /** Where the row was read, to address later problems at the planner's own cell. */
  row: number;
}>;

export type Staffing = Readonly<{
  stateFte: number;
  municipalFte: number;
  /** Municipal cost per FTE, NOK, when the sheet gives it. */
  costPerFte?: number;
  premisesCost?: number;
  provenance: Provenance;
  /** The sheet that gave only a total (Bemanning, Kontorer): the municipal part is the assumed share of it. */
  fromTotal?: string;
}>;

/** Travel times between municipalities, by index into `numbers`. Asymmetric allowed. */
export type TravelMatrix = Readonly<{
  numbers: readonly MunicipalityNumber[];
  /** minutes[i][j]: from numbers[i] to numbers[j]; NaN when unknown. */
  minutes: readonly Float64Array[];
  provenance: readonly (readonly (Provenance | undefined)[])[];
  /** viaFerry[i][j] is 1 when the time includes a ferry: given so, or on the estimated route. */
  viaFerry: readonly Uint8Array[];
  /**
   * within[i]: mean minutes from the inhabitants of numbers[i] to its own centre (where a
   * service point in the municipality is), and where that figure comes from.
   */
  within: Float64Array;
  withinSource: readonly WithinSource[];
}>;

/**
 * The local presence a member keeps in its own municipality.
 * - full: a full office (the host always has one);
 * - branch: an avdelingskontor open `days` days a week (1–5);
 * - meeting: a meeting room staff visit by appointment;
 * - none: users travel to the host.
 */
export type ServicePoint =
  Readonly<{ kind: 'full' }> | Readonly<{ kind: 'branch'; days: number }> | Readonly<{ kind: 'meeting' }> | Readonly<{ kind: 'none' }>;

export type Member = Readonly<{
  number: MunicipalityNumber;
  servicePoint: ServicePoint;
}>;

/**
 * How an office shared by several municipalities is set up in law: a host agreement
 * (kommuneloven ch. 20), a merger (one owner), a state-only service area (the state's part of
 * NAV shared, each municipality keeping its own municipal services: no case work shared between
 * municipalities), informal (no agreement: legally limited), or not known (never taken as an
 * agreement).
 */
export type LegalForm = 'vertskommune' | 'sammenslått' | 'statlig' | 'uformelt' | 'ukjent';

export type Office = Readonly<{
  host: MunicipalityNumber;
  /** Every member including the host, host first. */
  members: readonly Member[];
  /** False when the sheet says the municipalities share the office without a host agreement. */
  hostAgreement: boolean;
  /** The legal form, where the input states it (the Kontorer sheet); `hostAgreement` otherwise. */
  legalForm?: LegalForm;
  /** The office's name, where the input gives one. */
  name?: string;
}>;

export type Scenario = Readonly<{
  name: string;
  offices: readonly Office[];
}>;

/** Everything the engine needs, read from a workbook (or built from the embedded data). */
export type PlanningInput = Readonly<{
  municipalities: readonly Municipality[];
  travel: TravelMatrix;
  staffing: ReadonlyMap<MunicipalityNumber, Staffing>;
  scenarios: readonly Scenario[];
  /** The planner's own rating ranges and weights (the Vekter sheet), over the defaults. */
  ratings?: Partial<Record<MetricId, Partial<RatingRange>>>;
}>;

export function asMunicipalityNumber(s: string): MunicipalityNumber {
  return s as MunicipalityNumber;
}
