import { Districts } from '../districts';
import type { Reduced } from '../problem';
import { beats, record, type Best } from './best';

/**
 * Swaps tried per round of `repairedSwaps` (our assumption: on all of Norway at 200 offices
 * the improving swap is nearly always among the sixteen estimated best, and each try costs a
 * focused descent).
 */
const SWAP_TRIES = 16;

/**
 * Host swaps in assignment space, each priced after the assignment is repaired: the pairs
 * `swapEstimates` ranks best are tried (close one office, open the candidate, then a focused
 * descent that restores the minimum staff and the owner limit), and the first that beats the
 * best is kept; rounds repeat while one does. This reaches swaps that pay only once members
 * are moved to keep the minimum staff, which a chain price (penalising the breach) ranks last.
 */
export function repairedSwaps(red: Reduced, start: Best, stop: () => boolean, random: () => number, tries = SWAP_TRIES): Best {
  let best = start;
  while (!stop()) {
    const d = new Districts(red, best.host);
    let improved = false;
    for (const [a, k] of d.swapEstimates(tries)) {
      if (stop()) break;
      const t = d.clone();
      t.untouch();
      if (!t.closeOpen(a, k)) continue;
      t.descend(stop, random, true);
      if (beats(t, best)) {
        best = record(t);
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return best;
}
