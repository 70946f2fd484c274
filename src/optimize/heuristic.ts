import type { Assignment, Evaluation, Reduced } from './problem';
import { evaluate } from './problem';
import { compare, needsRepair } from './heuristic/best';
import { constrainedSearch } from './heuristic/capped';
import { grasp } from './heuristic/grasp';
import { now, rng } from './heuristic/rng';

/**
 * The heuristic: GRASP construction + fast interchange (Whitaker's swap evaluation with
 * nearest/second-nearest arrays, as in Resende & Werneck 2004) + path relinking over an
 * elite pool, for instant answers, warm starts and hosts without WebAssembly
 * (`heuristic/grasp.ts`, `heuristic/interchange.ts`). With a minimum FTE, a maximum number of
 * owners or a BA-split penalty the nearest-host assignment no longer fits, so each host set
 * is then assigned with a repair step (`heuristic/repair.ts`) and improved by swaps of hosts
 * and moves of members (`heuristic/capped.ts`): host swaps priced after repair
 * (`heuristic/swaps.ts`), and, where the owner limit binds, swaps priced along chains of
 * full offices (`Reflow`).
 */

export { assignOpen, relocate } from './heuristic/repair';
export { compare, needsRepair, type Best } from './heuristic/best';
export { repairedSwaps } from './heuristic/swaps';
export { rng } from './heuristic/rng';

export type HeuristicOptions = Readonly<{
  /** GRASP iterations (each: construct, local search, relink). */
  iterations?: number;
  /** Stop starting new iterations after this many seconds. */
  timeLimitSeconds?: number;
  seed?: number;
  /** Called after each iteration with the best objective so far. */
  onProgress?: (best: number, iteration: number) => void;
  shouldStop?: () => boolean;
}>;

export type HeuristicResult = Readonly<{
  host: Assignment;
  evaluation: Evaluation;
  iterations: number;
  seconds: number;
  /** The best distinct host sets found, best first (for near-optimal alternatives and warm starts). */
  elite: readonly Assignment[];
}>;

/** The nearest-host search, then (when the rules need it) the search in assignment space; the best structures found, best first. */
export function solveHeuristic(red: Reduced, options: HeuristicOptions = {}): HeuristicResult {
  const start = now();
  const random = rng(options.seed ?? 1);
  const iterations = options.iterations ?? 32;
  const limit = (options.timeLimitSeconds ?? 30) * 1000;
  const elapsed = () => now() - start;
  const stop = () => elapsed() > limit || (options.shouldStop?.() ?? false);
  const repair = needsRepair(red);
  const seeded = grasp(red, { iterations, repair, elapsed, limit, stop, random, onProgress: options.onProgress });
  const hosts = seeded.hosts.length > 0 ? seeded.hosts : [alone(red)];
  const results = repair
    ? constrainedSearch(red, hosts, stop, iterations * 64, random)
    : hosts.map((h) => ({ host: h, evaluation: evaluate(red, h) }));
  results.sort((a, b) => compare(a.evaluation, b.evaluation));
  return {
    host: results[0]!.host,
    evaluation: results[0]!.evaluation,
    iterations: seeded.iterations,
    seconds: (now() - start) / 1000,
    elite: results.map((r) => r.host),
  };
}

/** Every municipality an office of its own (when there is nothing to choose). */
function alone(red: Reduced): Assignment {
  return Int32Array.from({ length: red.problem.n }, (_, i) => i);
}
