import { pairCost, type Reduced } from '../problem';

/**
 * Weighted cost of serving client c from facility f in a dense clients × facilities table;
 * disallowed pairs cost BIG, so an assignment to one marks infeasibility.
 */
export class Table {
  readonly clients: Int32Array;
  readonly facilities: Int32Array;
  readonly nc: number;
  readonly nf: number;
  readonly w: Float64Array;
  readonly big: number;
  /** facility index (global) → position in `facilities`, -1 if not a candidate. */
  readonly fpos: Int32Array;

  constructor(readonly red: Reduced) {
    const pr = red.problem;
    const clients: number[] = [];
    for (let i = 0; i < pr.n; i++) if (!red.isIsolated[i]) clients.push(i);
    this.clients = Int32Array.from(clients);
    this.facilities = Int32Array.from(red.candidates);
    this.nc = clients.length;
    this.nf = red.candidates.length;
    this.fpos = new Int32Array(pr.n).fill(-1);
    this.facilities.forEach((f, k) => (this.fpos[f] = k));
    let maxW = 0;
    for (let c = 0; c < this.nc; c++) {
      const i = clients[c]!;
      for (const j of red.allowed[i]!) maxW = Math.max(maxW, pairCost(pr, i, j));
    }
    this.big = Math.max(1, maxW) * 1e4;
    this.w = new Float64Array(this.nc * this.nf).fill(this.big);
    for (let c = 0; c < this.nc; c++) {
      const i = clients[c]!;
      for (const j of red.allowed[i]!) {
        this.w[c * this.nf + this.fpos[j]!] = pairCost(pr, i, j);
      }
    }
  }
}

/** Nearest and second-nearest open facility per client, with swap evaluation. */
export class Interchange {
  readonly open: Uint8Array;
  readonly openList: number[] = [];
  readonly c1: Int32Array;
  readonly c2: Int32Array;
  readonly d1: Float64Array;
  readonly d2: Float64Array;
  cost = 0;
  private readonly extra: Float64Array;

  constructor(
    readonly t: Table,
    readonly locked: Uint8Array,
    readonly officeCost: number | undefined,
  ) {
    this.open = new Uint8Array(t.nf);
    this.c1 = new Int32Array(t.nc);
    this.c2 = new Int32Array(t.nc);
    this.d1 = new Float64Array(t.nc);
    this.d2 = new Float64Array(t.nc);
    this.extra = new Float64Array(t.nf);
  }

  set(facs: Iterable<number>): void {
    this.open.fill(0);
    this.openList.length = 0;
    for (const f of facs) {
      if (!this.open[f]) this.openList.push(f);
      this.open[f] = 1;
    }
    for (let c = 0; c < this.t.nc; c++) this.refresh(c);
    this.recost();
  }

  private recost(): void {
    let s = 0;
    for (let c = 0; c < this.t.nc; c++) s += this.d1[c]!;
    this.cost = s + (this.officeCost ?? 0) * this.openList.length;
  }

  private refresh(c: number): void {
    const { w, nf, big } = this.t;
    let b1 = -1;
    let b2 = -1;
    let v1 = Number.POSITIVE_INFINITY;
    let v2 = Number.POSITIVE_INFINITY;
    const row = c * nf;
    for (const f of this.openList) {
      const v = w[row + f]!;
      if (v < v1) {
        b2 = b1;
        v2 = v1;
        b1 = f;
        v1 = v;
      } else if (v < v2) {
        b2 = f;
        v2 = v;
      }
    }
    this.c1[c] = b1;
    this.d1[c] = b1 < 0 ? big * 10 : v1;
    this.c2[c] = b2;
    this.d2[c] = b2 < 0 ? big * 10 : v2;
  }

  /**
   * The best move: swap (in, out), add (in, -1) or drop (-1, out), within the allowed sets;
   * returns the change in cost. `ins`/`outs` restrict the move (path relinking).
   */
  bestMove(ins?: ArrayLike<number>, outs?: Uint8Array): { delta: number; fin: number; fout: number } {
    const { w, nf, nc } = this.t;
    const extra = this.extra;
    let best = { delta: Number.POSITIVE_INFINITY, fin: -1, fout: -1 };
    const canDrop = this.officeCost !== undefined;
    // loss[out]: cost of closing out alone.
    if (canDrop) {
      extra.fill(0);
      for (let c = 0; c < nc; c++) {
        const f = this.c1[c]!;
        extra[f] = extra[f]! + this.d2[c]! - this.d1[c]!;
      }
      for (const f of this.openList) {
        if (this.locked[f] || (outs && !outs[f]) || this.openList.length <= 1) continue;
        const delta = extra[f]! - this.officeCost!;
        if (delta < best.delta) best = { delta, fin: -1, fout: f };
      }
    }
    const nIn = ins ? ins.length : nf;
    for (let k = 0; k < nIn; k++) {
      const fin = ins ? ins[k]! : k;
      if (this.open[fin]) continue;
      let g = 0;
      for (const f of this.openList) extra[f] = 0;
      for (let c = 0; c < nc; c++) {
        const dij = w[c * nf + fin]!;
        const d1 = this.d1[c]!;
        if (dij < d1) g += dij - d1;
        else {
          const d2 = this.d2[c]!;
          const f = this.c1[c]!;
          extra[f] = extra[f]! + (dij < d2 ? dij : d2) - d1;
        }
      }
      if (canDrop && !outs) {
        const delta = g + this.officeCost!;
        if (delta < best.delta) best = { delta, fin, fout: -1 };
      }
      for (const f of this.openList) {
        if (this.locked[f] || (outs && !outs[f])) continue;
        const delta = g + extra[f]!;
        if (delta < best.delta) best = { delta, fin, fout: f };
      }
    }
    return best;
  }

  apply(fin: number, fout: number): void {
    const { w, nf, nc } = this.t;
    if (fout >= 0) {
      this.open[fout] = 0;
      this.openList.splice(this.openList.indexOf(fout), 1);
    }
    if (fin >= 0) {
      this.open[fin] = 1;
      this.openList.push(fin);
    }
    for (let c = 0; c < nc; c++) {
      if (this.c1[c] === fout || this.c2[c] === fout || (fin >= 0 && w[c * nf + fin]! < this.d2[c]!)) this.refresh(c);
    }
    this.recost();
  }

  localSearch(shouldStop: () => boolean): void {
    const eps = 1e-9 * Math.max(1, Math.abs(this.cost));
    for (;;) {
      if (shouldStop()) return;
      const m = this.bestMove();
      if (!(m.delta < -eps)) return;
      this.apply(m.fin, m.fout);
    }
  }
}
