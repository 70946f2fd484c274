/**
 * Custom functions for the add-in's shared runtime (namespace KONTORPLAN in manifest.xml):
 * one-line wrappers over the engine (through src/app, as every shell), with the JSDoc that custom-functions-metadata reads.
 * Every parameter has a concrete type, so functions.json tells Excel to convert cells to
 * numbers and ranges to 2-D arrays (a type the generator cannot name becomes `any`, which
 * Excel passes through unconverted). Pure: they run in Excel, in the task pane's runtime and in
 * tests alike; in Excel a refusal becomes #VALUE! with the reason in the cell's error indicator.
 */
import { allocate, computeVulnerability } from '../app/shared';
import { coded, textOf } from '../io/messages';
import type { Language } from '../io/problems';

/** Excel's display language as Kontorplan speaks it: Norwegian (bokmål, nynorsk) or English. */
function displayLanguage(): Language {
  const tag = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office?.context?.displayLanguage ?? 'nb-NO';
  return /^(nb|nn|no)\b/i.test(tag) ? 'nb' : 'en';
}

/** The part of Office's custom-functions runtime used here (CustomFunctionsRuntime 1.2). */
type CustomFunctionsRuntime = {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
};

/**
 * A refusal as Excel shows it: `CustomFunctions.Error` with #VALUE! and the message in Excel's
 * display language (Excel shows a thrown plain Error as a bare #VALUE!). Outside Excel, or on a runtime before 1.2, the error
 * as it is.
 */
function cellError(e: unknown): Error {
  const runtime = (globalThis as { CustomFunctions?: Partial<CustomFunctionsRuntime> }).CustomFunctions;
  const message = e instanceof Error ? textOf(e, displayLanguage()) : String(e);
  if (typeof runtime?.Error === 'function' && runtime.ErrorCode) return new runtime.Error(runtime.ErrorCode.invalidValue, message);
  return e instanceof Error ? e : new Error(message);
}

function inCell<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw cellError(e);
  }
}

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
export function fordel(drivers: number[][], total: number, fixedShare?: number, weights?: number[][]): number[][] {
  // Excel passes an omitted optional argument as null (older runtimes: undefined).
  return inCell(() => allocate(drivers, total, fixedShare ?? 0, weights?.[0] ?? undefined).map((x) => [x]));
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
export function vulnerability(fte: number, k?: number, a?: number): number {
  return inCell(() => {
    const absence = a ?? 0.15;
    const fewer = k ?? 2;
    if (!Number.isFinite(fte) || fte < 0) throw coded((t) => new Error(t), 'fnFte', { value: fte });
    if (!Number.isInteger(fewer) || fewer < 0) throw coded((t) => new Error(t), 'fnK', { value: fewer });
    if (!(absence >= 0 && absence <= 1)) throw coded((t) => new Error(t), 'fnAbsence', { value: absence });
    return computeVulnerability(fte, fewer, absence);
  });
}
