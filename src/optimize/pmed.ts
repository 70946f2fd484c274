import { NO_RULES, type OptProblem } from './problem';

/**
 * An OR-Library p-median instance (Beasley 1985): first line `n m p`, then `i j cost` edges,
 * 1-based and undirected, a repeated edge's last cost winning. The cost matrix is the
 * all-pairs shortest paths (Floyd–Warshall); every vertex has demand 1 and may host.
 */
export function parsePmed(text: string): { problem: OptProblem; p: number } {
  const nums = text.trim().split(/\s+/).map(Number);
  const [n, m, p] = nums as [number, number, number];
  if (!(n > 0 && m >= 0 && p > 0) || nums.length < 3 + 3 * m) throw new Error('not an OR-Library p-median file');
  const d = new Float64Array(n * n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < m; e++) {
    const i = nums[3 + 3 * e]! - 1;
    const j = nums[4 + 3 * e]! - 1;
    const c = nums[5 + 3 * e]!;
    if (i === j) continue;
    d[i * n + j] = c;
    d[j * n + i] = c;
  }
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k]!;
      if (dik === Number.POSITIVE_INFINITY) continue;
      const rowI = i * n;
      for (let j = 0; j < n; j++) {
        const via = dik + d[rowK + j]!;
        if (via < d[rowI + j]!) d[rowI + j] = via;
      }
    }
  }
  return {
    p,
    problem: {
      n,
      ids: Array.from({ length: n }, (_, i) => String(i + 1)),
      weight: new Float64Array(n).fill(1),
      cost: d,
      fte: new Float64Array(n),
      ba: new Int32Array(n).fill(-1),
      rules: { ...NO_RULES, offices: p },
    },
  };
}

/** OR-Library's `pmedopt.txt`: instance name → proven optimal value. */
export function parsePmedOptima(text: string): Map<string, number> {
  return new Map(
    text
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 2)
      .map(([name, value]) => [name!, Number(value)] as const),
  );
}
