/**
 * `npm run bench -- travel [--runs N]`: the travel estimate for all 357 municipalities:
 * loading the embedded tables and network, then the full 357 × 357 matrix (routes over the
 * network, ferries, within-municipality times), N times; the time of each and the process's
 * peak memory. Target (docs/travel.md): under 5 s and 500 MB. Printed, never asserted.
 */
import { cpus } from 'node:os';
import { loadEmbedded, loadNetwork } from '../cli/common';
import { asMunicipalities } from '../data/embedded';
import { DEFAULT_PARAMETERS } from '../domain/parameters';
import { buildTravelMatrix } from '../travel/matrix';

export function travelBench(args: readonly string[]): void {
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 5) : 5;
  const t0 = performance.now();
  const data = loadEmbedded();
  const network = loadNetwork(data);
  const loadMs = performance.now() - t0;
  const ms = asMunicipalities(data);
  const times: number[] = [];
  let pairs = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    const { matrix } = buildTravelMatrix(ms, [], DEFAULT_PARAMETERS, network);
    times.push(performance.now() - t);
    pairs = matrix.numbers.length * (matrix.numbers.length - 1);
  }
  times.sort((a, b) => a - b);
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `Travel estimate, all ${data.length} municipalities (${pairs} ordered pairs), ${runs} runs. This machine: ${cpus().length} cores.`,
  );
  console.log(`  loading the embedded tables and network: ${loadMs.toFixed(0)} ms`);
  console.log(
    `  matrix: min ${times[0]!.toFixed(0)} ms, median ${times[Math.floor((runs - 1) / 2)]!.toFixed(0)} ms, max ${times[runs - 1]!.toFixed(0)} ms`,
  );
  console.log(`  peak memory of the process: ${maxRssMB} MB (target: under 5 s and 500 MB)`);
}
