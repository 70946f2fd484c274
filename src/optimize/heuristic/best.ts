import type { Districts } from '../districts';
import type { Assignment, Evaluation, Reduced } from '../problem';

export function needsRepair(red: Reduced): boolean {
  const r = red.problem.rules;
  return r.minFte > 0 || Number.isFinite(r.maxOwners) || r.baSplitPenalty > 0;
}

/** Infeasibility first, then the objective. */
export function compare(a: Evaluation, b: Evaluation): number {
  const ia = a.fteDeficit + a.ownerExcess + a.badPairs;
  const ib = b.fteDeficit + b.ownerExcess + b.badPairs;
  if (Math.abs(ia - ib) > 1e-9) return ia - ib;
  return a.objective - b.objective;
}

/** The best state so far of a search in assignment space. */
export type Best = Readonly<{ host: Assignment; value: number; feasible: boolean }>;

export function record(d: Districts): Best {
  return { host: d.snapshot(), value: d.value(), feasible: d.feasible() };
}

/** Keeping every rule first (a breach of a fraction of an FTE weighs little), then the penalised objective. */
export function beats(d: Districts, best: Best): boolean {
  const feasible = d.feasible();
  if (feasible !== best.feasible) return feasible;
  return d.value() < best.value - 1e-9;
}
