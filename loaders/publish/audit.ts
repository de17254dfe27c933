// The interval audit: what an outsider can derive about each suppressed cell by linear
// reasoning from everything published. The outsider knows every published cell, every
// relation "total = sum of parts" between cells, that counts are not negative, and that a
// hidden cell is at least 1 (a zero is always shown). For every hidden cell the derivable
// range [min, max] must not pin it: max ≥ minimumCel (it cannot be shown to be small) and
// min < max (its exact value cannot be derived). Solved as linear programs with HiGHS, one
// model per connected group of hidden cells, its objective changed per question.
import { createRequire } from "node:module";
import { lidVan, type Koppeling } from "./koppeling.ts";

type Highs = Awaited<ReturnType<typeof import("highs").default>>;
let highsBelofte: Promise<Highs> | undefined;

/** HiGHS (WebAssembly), loaded on first use. */
export function laadHighs(): Promise<Highs> {
  if (!highsBelofte) {
    const laad = createRequire(import.meta.url)("highs") as typeof import("highs").default;
    highsBelofte = laad();
  }
  return highsBelofte;
}

export interface AuditFout {
  cel: number;
  sleutel: string;
  waarde: number;
  /** Derivable range; Infinity when unbounded. */
  min: number;
  max: number;
  reden: "exact" | "klein";
  /** The other hidden cells it is linked with (its connected group, itself included). */
  groep: readonly number[];
  /**
   * Published cells whose hiding would give it room: by the duals of the program that
   * maximised it, each frees a relation that holds it down (its reduced cost as a new
   * unknown is not zero, in a direction its bounds allow). The suppression's first choice of
   * a cell to hide beside it; a first-order guide, not a promise (the next audit decides).
   */
  uitwegen: number[];
}

export interface AuditUitkomst {
  verborgen: number;
  fouten: AuditFout[];
  /** Linear programs solved. */
  programmas: number;
  /** Connected groups of hidden cells. */
  groepen: number;
}

const EPS = 1e-6;
/** An upper bound far above any minimumCel: see below. */
const BOVENGRENS = 1e6;

/** The relations of the hidden cells, and those cells in connected groups. */
function componenten(k: Koppeling, weg: Uint8Array) {
  // Each relation with a hidden member becomes an equation over its hidden members.
  const n = k.aantal;
  const ouder = new Int32Array(n).map((_x, i) => i);
  const vind = (i: number): number => {
    while (ouder[i] !== i) { ouder[i] = ouder[ouder[i]]; i = ouder[i]; }
    return i;
  };
  const vergelijkingen: { leden: number[]; coef: number[]; rhs: number; g: number }[] = [];
  k.relaties.forEach((r, g) => {
    // sum(parts) - total = 0, moved to: hidden terms = - published terms
    const leden: number[] = [];
    const coef: number[] = [];
    let rhs = 0;
    for (const d of r.delen) {
      if (weg[d]) { leden.push(d); coef.push(1); } else rhs -= k.waarden[d];
    }
    if (weg[r.totaal]) { leden.push(r.totaal); coef.push(-1); } else rhs += k.waarden[r.totaal];
    if (leden.length === 0) return;
    vergelijkingen.push({ leden, coef, rhs, g });
    for (let j = 1; j < leden.length; j++) {
      const a = vind(leden[0]);
      const b = vind(leden[j]);
      if (a !== b) ouder[a] = b;
    }
  });
  const perComp = new Map<number, { cellen: number[]; vergelijkingen: typeof vergelijkingen }>();
  for (let i = 0; i < n; i++) {
    if (!weg[i]) continue;
    const c = vind(i);
    let comp = perComp.get(c);
    if (!comp) perComp.set(c, (comp = { cellen: [], vergelijkingen: [] }));
    comp.cellen.push(i);
  }
  for (const v of vergelijkingen) perComp.get(vind(v.leden[0]))!.vergelijkingen.push(v);
  return [...perComp.values()];
}

/**
 * What earlier audits of the same Koppeling showed, per cell (1 = shown): that it can reach
 * minimumCel (hoog) and that it can differ from its true count (los). Each was shown by a
 * solution of the equations then; hiding more cells keeps every such solution a solution
 * (a newly hidden cell takes its true count, which is within its bounds), so it stays shown
 * while the suppression only adds hidden cells. The suppression's later rounds ask only what
 * is still open.
 */
export interface AuditKennis { hoog: Uint8Array; los: Uint8Array }

export function nieuweKennis(k: Koppeling): AuditKennis {
  return { hoog: new Uint8Array(k.aantal), los: new Uint8Array(k.aantal) };
}

/**
 * Audits the hidden cells `weg` of `k` (1 = hidden). A hidden cell must never be 0: a zero
 * is published, so the outsider's lower bound for a hidden cell is 1. With `alleen`, only
 * the groups that have a marked cell are solved. With `kennis` (only for hidden cells that
 * are a superset of those it was gathered with), what it holds is not asked again, and what
 * is shown is added to it.
 */
export async function audit(k: Koppeling, weg: Uint8Array, minimumCel: number, alleen?: Uint8Array, kennis?: AuditKennis): Promise<AuditUitkomst> {
  const highs = await laadHighs();
  const fouten: AuditFout[] = [];
  let programmas = 0;
  let verborgen = 0;
  for (let i = 0; i < k.aantal; i++) {
    if (!weg[i]) continue;
    verborgen++;
    if (k.waarden[i] < 1 && !k.ongepubliceerd[i]) throw new Error(`publicatie: cel ${k.sleutels[i]} is 0 en toch afgeschermd`);
  }
  const comps = componenten(k, weg);
  let lid: ReturnType<typeof lidVan> | undefined;
  // HiGHS runs synchronously: between groups the event loop gets its turn, so timers (the
  // build lock's renewal) keep running during a long audit.
  let laatstePauze = performance.now();
  for (const comp of comps) {
    if (performance.now() - laatstePauze > 500) {
      await new Promise((r) => setImmediate(r));
      laatstePauze = performance.now();
    }
    // A hidden cell in no equation is free: nothing bounds it from above.
    if (comp.vergelijkingen.length === 0) continue;
    // Only groups with a marked cell (the suppression's later rounds: what changed).
    if (alleen && !comp.cellen.some((c) => alleen[c])) continue;
    const { cellen } = comp;
    const plaats = new Map(cellen.map((c, j) => [c, j]));
    const m = comp.vergelijkingen.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rhs: number[] = [];
    for (const v of comp.vergelijkingen) {
      v.leden.forEach((c, j) => { indices.push(plaats.get(c)!); values.push(v.coef[j]); });
      starts.push(indices.length);
      rhs.push(v.rhs);
    }
    const nv = cellen.length;
    // A hidden published cell is at least 1 (zeros are shown). A cell of a breakdown published
    // coarser may be 0: its rows are all there, hidden whatever their count (a full grid), so
    // nothing tells which of them are empty.
    // Bounded above, so every program has an optimum: a cell that reaches the bound can be
    // far above minimumCel, which is all the audit asks.
    const model = highs.createModel({
      numCols: nv, numRows: m, colCost: new Float64Array(nv), colLower: Float64Array.from(cellen, (c) => (k.ongepubliceerd[c] ? 0 : 1)),
      colUpper: new Float64Array(nv).fill(BOVENGRENS), rowLower: rhs, rowUpper: rhs,
      sense: highs.constants.objectiveSense.maximize,
      matrix: { format: "csr", numRows: m, numCols: nv, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false, simplex_strategy: 4 });
      // Per cell: shown to reach minimumCel (hoog), shown not to be exact (los).
      const hoog = new Uint8Array(nv);
      const los = new Uint8Array(nv);
      const max = new Float64Array(nv).fill(NaN);
      const min = new Float64Array(nv).fill(NaN);
      cellen.forEach((c, j) => { if (k.waarden[c] >= minimumCel) hoog[j] = 1; });
      if (kennis) cellen.forEach((c, j) => { if (kennis.hoog[c]) hoog[j] = 1; if (kennis.los[c]) los[j] = 1; });
      // A cell of a coarser breakdown needs protecting only when it is a small count: a zero
      // or a large count that comes out is no small count (and may be 0 where zeros are hidden).
      cellen.forEach((c, j) => { if (k.vrij(c, minimumCel)) { hoog[j] = 1; los[j] = 1; } });
      /** Every solution found says something of every cell: the true counts are one solution too. */
      const noteer = (x: Float64Array) => {
        for (let j = 0; j < nv; j++) {
          if (x[j] >= minimumCel - EPS) hoog[j] = 1;
          if (Math.abs(x[j] - k.waarden[cellen[j]]) > EPS) los[j] = 1;
        }
      };
      const kosten = new Float64Array(nv);
      /** Solves with objective `kosten` in direction `zin`; the solution, noted. */
      const los1 = (zin: "max" | "min") => {
        model.changeColsCost({ kind: "range", from: 0, to: nv - 1 }, kosten);
        model.changeObjectiveSense(zin === "max" ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
        model.run();
        programmas++;
        let status = model.getModelStatus();
        if (status !== highs.constants.modelStatus.optimal) {
          // Seen on tiny degenerate models after a change of objective: solve once more from scratch.
          model.clearSolver();
          model.run();
          status = model.getModelStatus();
        }
        if (status !== highs.constants.modelStatus.optimal) {
          throw new Error(`publicatie: de privacycontrole kon een groep van ${nv} cellen niet doorrekenen (HiGHS-status ${status})`);
        }
        const oplossing = model.getSolution();
        noteer(oplossing.colValue);
        return oplossing;
      };
      // Many cells at once first (a group can have thousands): one program pushes up every
      // cell not yet shown to reach minimumCel, or moves every cell not yet shown loose; as
      // long as that shows more cells, again. What is left is asked cell by cell.
      const open = (v: Uint8Array) => { let n = 0; for (let j = 0; j < nv; j++) if (!v[j]) n++; return n; };
      const samen = (v: Uint8Array, zin: "max" | "min") => {
        for (let voor = open(v); voor > 1; ) {
          for (let j = 0; j < nv; j++) kosten[j] = v[j] ? 0 : 1;
          los1(zin);
          const na = open(v);
          if (na >= voor) break;
          voor = na;
        }
      };
      samen(hoog, "max");
      samen(los, "max");
      samen(los, "min");
      const onthoud = () => { if (kennis) cellen.forEach((c, j) => { if (hoog[j]) kennis.hoog[c] = 1; if (los[j]) kennis.los[c] = 1; }); };
      for (let j = 0; j < nv; j++) {
        if (hoog[j] && los[j]) continue;
        kosten.fill(0);
        kosten[j] = 1;
        const hoogste = los1("max");
        max[j] = hoogste.colValue[j];
        // What holds the maximum down, by its duals: kept before the next program.
        const y = hoog[j] && los[j] ? null : Float64Array.from(hoogste.rowDual);
        if (!los[j]) min[j] = los1("min").colValue[j];
        if (!hoog[j] || !los[j]) {
          const c = cellen[j];
          lid ??= lidVan(k);
          fouten.push({
            cel: c, sleutel: k.sleutels[c], waarde: k.waarden[c], reden: !los[j] ? "exact" : "klein",
            min: Number.isNaN(min[j]) ? 1 : Math.round(min[j] * 1e6) / 1e6, max: Math.round(max[j] * 1e6) / 1e6, groep: cellen,
            uitwegen: uitwegen(k, weg, lid, comp.vergelijkingen, y!),
          });
        }
      }
      onthoud();
    } finally {
      model.dispose();
    }
  }
  return { verborgen, fouten, programmas, groepen: comps.length };
}

/**
 * The published cells (positive counts) whose hiding would let a maximised cell grow, by the
 * duals `y` of that program over the equations `rijen`: hidden, a cell is a new unknown whose
 * reduced cost is 0 − Σ y·a over its relations (a = 1 as a part, −1 as the total; HiGHS gives
 * reduced cost = cost − Aᵀy). Positive: raising it raises the maximum; negative: lowering it
 * does, which needs room below its count (a hidden published cell is at least 1).
 */
function uitwegen(k: Koppeling, weg: Uint8Array, lid: ReturnType<typeof lidVan>, rijen: readonly { g: number }[], y: Float64Array): number[] {
  const dual = new Map<number, number>();
  rijen.forEach((v, r) => { if (Math.abs(y[r]) > EPS) dual.set(v.g, y[r]); });
  const uit: number[] = [];
  const gezien = new Set<number>();
  for (const g of dual.keys()) {
    const r = k.relaties[g];
    for (const p of [r.totaal, ...r.delen]) {
      if (weg[p] || k.waarden[p] <= 0 || gezien.has(p)) continue;
      gezien.add(p);
      let d = 0;
      for (let t = lid.start[p]; t < lid.start[p + 1]; t++) {
        const h = lid.rel[t];
        const yh = dual.get(h);
        if (yh !== undefined) d -= k.relaties[h].totaal === p ? -yh : yh;
      }
      if (d > EPS || (d < -EPS && k.waarden[p] > 1)) uit.push(p);
    }
  }
  return uit;
}
