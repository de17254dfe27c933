// What an outsider can work out of the hidden cells, given the relations: first by plain
// substitution (an equation with one unknown left gives it exactly), then per group of linked
// unknowns by linear programming with GLPK — on purpose another solver than the build's own
// audit (HiGHS), so a fault in one is not repeated in the other.
import GLPK from "glpk.js/node";
import type { Verband } from "./verbanden.ts";

export interface AanvalInvoer {
  waar: number[];
  /** A number: published. null: hidden. undefined: not in the published files at all. */
  gepubliceerd: (number | null | undefined)[];
  sleutels: string[];
  /** What the outsider may assume of a hidden cell: at least 1 (zeros are shown) or 0. */
  ondergrens: number[];
}

export interface Vondst {
  cel: number; waar: number; laag: number; hoog: number; hoe: string;
  /** For a finding of a linear program: the relations that bound its maximum (non-zero duals). */
  bewijs?: string[];
}

export interface AanvalUitkomst {
  verborgen: number;
  verbanden: number;
  /** Hidden cells whose value the outsider can work out exactly. */
  exact: Vondst[];
  /** Hidden cells shown to be at most minimumCel − 1 (not exact). */
  smal: Vondst[];
  /** Relations that the published numbers contradict (a bug: a published cell is not exact). */
  tegenspraak: string[];
  lps: number;
}

const BOVEN = 1e6;

/** `genoeg`: stop once this many findings are made (to show that a leaky set leaks, quickly). */
export async function valAan(inv: AanvalInvoer, verbanden: Verband[], minimumCel: number, genoeg = Infinity): Promise<AanvalUitkomst> {
  const glpk = await GLPK();
  const n = inv.waar.length;
  const bekend = new Map<number, number>();
  inv.gepubliceerd.forEach((w, i) => { if (typeof w === "number") bekend.set(i, w); });
  const doel = (i: number) => inv.gepubliceerd[i] === null;
  const uit: AanvalUitkomst = { verborgen: 0, verbanden: verbanden.length, exact: [], smal: [], tegenspraak: [], lps: 0 };
  for (let i = 0; i < n; i++) if (doel(i)) uit.verborgen++;

  // ---- substitution
  interface Vgl { termen: Map<number, number>; rest: number; soort: string; v: Verband }
  const vgl: Vgl[] = verbanden.map((v) => {
    const termen = new Map<number, number>([[v.totaal, 1]]);
    for (const d of v.delen) termen.set(d, (termen.get(d) ?? 0) - 1);
    return { termen, rest: 0, soort: v.soort, v };
  });
  const afgeleid = new Map<number, string>();
  const vervang = (e: Vgl) => {
    for (const [c, a] of e.termen) {
      const w = bekend.get(c);
      if (w === undefined) continue;
      e.rest -= a * w;
      e.termen.delete(c);
    }
  };
  // A worklist: when a cell becomes known, only its equations are looked at again.
  const waarIn = new Map<number, Vgl[]>();
  for (const e of vgl) for (const c of e.termen.keys()) {
    let l = waarIn.get(c);
    if (!l) waarIn.set(c, (l = []));
    l.push(e);
  }
  const rij: Vgl[] = [...vgl];
  while (rij.length) {
    const e = rij.pop()!;
    vervang(e);
    if (e.termen.size !== 1) continue;
    const [[c, a]] = [...e.termen];
    bekend.set(c, e.rest / a);
    // A zero of a breakdown published coarser may come out: no small count (see below).
    if (doel(c) && (inv.waar[c] > 0 || inv.ondergrens[c] > 0)) afgeleid.set(c, e.soort);
    e.termen.delete(c);
    e.rest = 0;
    for (const ander of waarIn.get(c) ?? []) if (ander !== e) rij.push(ander);
  }
  for (const e of vgl) {
    vervang(e);
    if (e.termen.size === 0 && Math.abs(e.rest) > 1e-6 && uit.tegenspraak.length < 20) uit.tegenspraak.push(`${e.soort}: rest ${e.rest}`);
  }
  for (const [c, hoe] of afgeleid) {
    const w = bekend.get(c)!;
    uit.exact.push({ cel: c, waar: inv.waar[c], laag: w, hoog: w, hoe: `substitutie: ${hoe}` });
  }

  if (uit.exact.length >= genoeg) return uit;

  // ---- linear programming per group of linked unknowns
  const open = vgl.filter((e) => e.termen.size > 1);
  const ouder = new Map<number, number>();
  const wortel = (x: number): number => {
    let r = x;
    while (ouder.has(r) && ouder.get(r) !== r) r = ouder.get(r)!;
    ouder.set(x, r);
    return r;
  };
  for (const e of open) {
    const [eerste, ...rest] = [...e.termen.keys()];
    if (!ouder.has(eerste)) ouder.set(eerste, eerste);
    for (const c of rest) {
      if (!ouder.has(c)) ouder.set(c, c);
      const a = wortel(eerste), b = wortel(c);
      if (a !== b) ouder.set(b, a);
    }
  }
  const groepen = new Map<number, { cellen: Set<number>; vgl: Vgl[] }>();
  for (const e of open) {
    const r = wortel([...e.termen.keys()][0]);
    let g = groepen.get(r);
    if (!g) groepen.set(r, (g = { cellen: new Set(), vgl: [] }));
    g.vgl.push(e);
    for (const c of e.termen.keys()) g.cellen.add(c);
  }
  process.stderr.write(`${groepen.size} groepen van samenhangende onbekenden (grootste ${Math.max(0, ...[...groepen.values()].map((g) => g.cellen.size))})\n`);
  for (const g of groepen.values()) {
    const cellen = [...g.cellen];
    // A zero in a breakdown published coarser may come out as zero: that is no small count
    // (zeros are shown everywhere else). Those cells stay unknowns but are not examined.
    let doelen = cellen.filter((c) => doel(c) && (inv.waar[c] > 0 || inv.ondergrens[c] > 0));
    if (doelen.length === 0) continue;
    // Zeros are shown, so a hidden cell is at least 1 (where the outsider may assume so),
    // unless that cannot be (then 0).
    let ondergrens = 1;
    const grens = (c: number) => (doel(c) ? Math.min(ondergrens, inv.ondergrens[c]) : 0);
    // `plafond`: maximise Σ min(x, minimumCel) over these cells (y ≤ x, y ≤ minimumCel), so
    // one LP shows many cells able to reach minimumCel at once instead of piling on one.
    // `presol: false` keeps every row in the solved model, so its duals name the relations.
    const lp = (richting: number, gewichten: Map<number, number>, plafond: number[] = [], presol = true) => {
      uit.lps++;
      return glpk.solve({
        name: "aanval",
        objective: {
          direction: richting, name: "doel",
          vars: [...[...gewichten].map(([c, w]) => ({ name: `x${c}`, coef: w })), ...plafond.map((c) => ({ name: `y${c}`, coef: 1 }))],
        },
        subjectTo: [
          ...g.vgl.map((e, j) => ({
            name: `v${j}`, vars: [...e.termen].map(([c, a]) => ({ name: `x${c}`, coef: a })),
            bnds: { type: glpk.GLP_FX, lb: e.rest, ub: e.rest },
          })),
          ...plafond.map((c) => ({ name: `p${c}`, vars: [{ name: `y${c}`, coef: 1 }, { name: `x${c}`, coef: -1 }], bnds: { type: glpk.GLP_UP, lb: 0, ub: 0 } })),
        ],
        bounds: [
          ...cellen.map((c) => ({ name: `x${c}`, type: glpk.GLP_DB, lb: grens(c), ub: BOVEN })),
          ...plafond.map((c) => ({ name: `y${c}`, type: glpk.GLP_DB, lb: 0, ub: minimumCel })),
        ],
      }, { msglev: glpk.GLP_MSG_OFF, presol });
    };
    /** The equations with a non-zero dual in solution `r`, each with its cells and their counts. */
    const bewijs = (r: ReturnType<typeof lp>["result"], rijen: Vgl[]): string[] => rijen.flatMap((e, j) => {
      const y = r.dual?.[`v${j}`] ?? 0;
      if (Math.abs(y) < 1e-9) return [];
      const termen = [...e.termen].map(([d, a]) => `${a > 0 ? "+" : "-"}${Math.abs(a) === 1 ? "" : Math.abs(a)}[${inv.sleutels[d]} = ${inv.waar[d]}${r.vars[`x${d}`] !== undefined ? ` (lp ${r.vars[`x${d}`]}, ondergrens ${grens(d)})` : ""}]`);
      const cel = (d: number) => `${inv.sleutels[d]} = ${inv.waar[d]}${typeof inv.gepubliceerd[d] === "number" ? " (gepubliceerd)" : ""}`;
      return [`dual ${y}: ${e.soort}: ${termen.join(" ")} = ${e.rest}`, `      totaal ${cel(e.v.totaal)}`, ...e.v.delen.map((d) => `      deel ${cel(d)}`)];
    });
    const tijd = performance.now();
    const groot = cellen.length > 500;
    const goed = (s: ReturnType<typeof lp>) => s.result.status === glpk.GLP_OPT || s.result.status === glpk.GLP_FEAS;
    let s = lp(glpk.GLP_MAX, new Map(), doelen);
    if (!goed(s)) {
      ondergrens = 0;
      s = lp(glpk.GLP_MAX, new Map(), doelen);
      if (!goed(s)) { uit.tegenspraak.push(`geen oplossing voor een groep van ${cellen.length} cellen`); continue; }
      // Now a zero may be hidden here too: those are not examined (see above).
      doelen = doelen.filter((c) => inv.waar[c] > 0);
    }
    const hoog = new Map<number, number>();
    const laag = new Map<number, number>();
    const punt = (vars: Record<string, number>) => {
      for (const c of doelen) {
        const w = vars[`x${c}`] ?? 0;
        hoog.set(c, Math.max(hoog.get(c) ?? -Infinity, w));
        laag.set(c, Math.min(laag.get(c) ?? Infinity, w));
      }
    };
    punt(s.result.vars);
    // The exact counts are a solution too, when they meet the lower bound.
    if (doelen.every((c) => inv.waar[c] >= grens(c))) punt(Object.fromEntries(cellen.map((c) => [`x${c}`, inv.waar[c]])));
    const nogHoog = () => doelen.filter((c) => hoog.get(c)! < minimumCel - 1e-6);
    const nogVast = () => doelen.filter((c) => hoog.get(c)! - laag.get(c)! < 0.5);
    // Batches first (one LP for many cells) while they help, then cell by cell for what is left.
    for (let ronde = 0; ronde < 200; ronde++) {
      const h = nogHoog();
      if (!h.length) break;
      const r = lp(glpk.GLP_MAX, new Map(), h);
      if (!goed(r)) break;
      punt(r.result.vars);
      if (nogHoog().length === h.length) break;
    }
    for (let ronde = 0; ronde < 10; ronde++) {
      const v = nogVast();
      if (!v.length) break;
      const r = lp(glpk.GLP_MIN, new Map(v.map((c) => [c, 1])));
      if (goed(r)) punt(r.result.vars);
      const r2 = lp(glpk.GLP_MAX, new Map(nogVast().map((c) => [c, 1])));
      if (goed(r2)) punt(r2.result.vars);
      if (nogVast().length === v.length) break;
    }
    if (groot) process.stderr.write(`  groep van ${cellen.length} cellen, ${g.vgl.length} vergelijkingen: na ${uit.lps} LP's nog ${nogHoog().length} laag, ${nogVast().length} vast (${Math.round(performance.now() - tijd)} ms)\n`);
    for (const c of doelen) {
      // The maximum of a cell still held low or fixed, solved with every relation kept: its
      // duals are the finding's proof (which relations bound it).
      let max: ReturnType<typeof lp> | undefined;
      if (hoog.get(c)! < minimumCel - 1e-6 || hoog.get(c)! - laag.get(c)! < 0.5) {
        max = lp(glpk.GLP_MAX, new Map([[c, 1]]), [], false);
        const min = lp(glpk.GLP_MIN, new Map([[c, 1]]));
        if (goed(max)) punt(max.result.vars);
        if (goed(min)) punt(min.result.vars);
      }
      const lo = laag.get(c)!, hi = hoog.get(c)!;
      const v: Vondst = { cel: c, waar: inv.waar[c], laag: lo, hoog: hi, hoe: `lineair programma over ${cellen.length} cellen (${g.vgl[0].soort})` };
      const exact = hi - lo < 0.5;
      const smal = !exact && hi < minimumCel - 1e-6;
      if (max && goed(max) && (smal || (exact && inv.waar[c] >= 1 && inv.waar[c] < minimumCel))) v.bewijs = bewijs(max.result, g.vgl);
      if (exact) uit.exact.push(v);
      else if (smal) uit.smal.push(v);
      if (uit.exact.length + uit.smal.length >= genoeg) return uit;
    }
  }
  return uit;
}
