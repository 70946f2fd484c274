/**
 * Custom functions for the add-in's shared runtime (namespace KONTORPLAN in manifest.xml):
 * one-line wrappers over the engine, with the JSDoc that custom-functions-metadata reads.
 * Pure: they run in Excel, in the task pane's runtime and in tests alike.
 */
import { allocate } from '../costkeys/keys';
import { computeVulnerability } from '../scoring/vulnerability';

/**
 * Fordeler et beløp på kommunene etter driverne (for eksempel folketall), i hele kroner som
 * summerer seg nøyaktig til totalen (største rest). Med fast andel fordeles den andelen likt
 * først; med flere driverkolonner blandes de etter vektene.
 * @customfunction FORDEL
 * @param drivers Driverne, én rad per kommune (én eller flere kolonner).
 * @param total Beløpet som skal fordeles, i kroner.
 * @param [fixedShare] Andel (0–1) som fordeles likt før resten fordeles etter driverne.
 * @param [weights] Vekt per driverkolonne (én rad), når driverne har flere kolonner.
 * @returns Én kolonne med beløp, én rad per kommune.
 */
export function fordel(drivers: number[][], total: number, fixedShare?: number | null, weights?: number[][] | null): number[][] {
  return allocate(drivers, total, fixedShare ?? 0, weights?.[0]).map((x) => [x]);
}

/**
 * Andelen arbeidsdager et kontor med gitte årsverk har færre enn k ansatte til stede, når hver
 * ansatt er borte uavhengig med sannsynlighet a (binomisk; årsverk avrundes til hele personer).
 * @customfunction VULNERABILITY
 * @param fte Årsverk i kontoret.
 * @param [k] Færre enn så mange til stede regnes som sårbart (standard 2).
 * @param [a] Sannsynligheten for at en ansatt er borte en dag (standard 0,15).
 * @returns Andel dager (0–1).
 */
export function vulnerability(fte: number, k?: number | null, a?: number | null): number {
  return computeVulnerability(fte, k ?? 2, a ?? 0.15);
}
