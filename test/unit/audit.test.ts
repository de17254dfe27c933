// The linked-table suppression and its interval audit on hand-made tables whose answers are
// known, a second implementation of the audit (yalps, in plain JavaScript) on random tables,
// and a deliberately leaky publication that the audit must catch.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { solve } from "yalps";
import { Koppeling, celSleutel, registreerTabel } from "../../loaders/publish/koppeling.ts";
import { audit } from "../../loaders/publish/audit.ts";
import { onderdrukKoppeling } from "../../loaders/publish/onderdrukking.ts";

/** A table rij × kolom with margins ("T"), registered under `naam`. */
function tabel(k: Koppeling, naam: string, cellen: number[][]) {
  const rijen: Record<string, unknown>[] = [];
  const R = cellen.length;
  const C = cellen[0].length;
  const rs = cellen.map((r) => r.reduce((a, b) => a + b, 0));
  const cs = cellen[0].map((_x, c) => cellen.reduce((a, r) => a + r[c], 0));
  for (let r = 0; r <= R; r++) {
    for (let c = 0; c <= C; c++) {
      const n = r < R && c < C ? cellen[r][c] : r < R ? rs[r] : c < C ? cs[c] : rs.reduce((a, b) => a + b, 0);
      rijen.push({ rij: r < R ? `r${r}` : "T", kolom: c < C ? `k${c}` : "T", n });
    }
  }
  return registreerTabel(k, naam, rijen, {
    tellingen: ["n"], sleutels: ["rij", "kolom"], totalen: [{ kolom: "rij", totaal: "T" }, { kolom: "kolom", totaal: "T" }],
  }).n;
}

const id = (k: Koppeling, naam: string, rij: string, kolom: string) =>
  k.zoek(celSleutel(`${naam}.n`, { rij, kolom }, { rij: "T", kolom: "T" }));

describe("koppeling", () => {
  it("één sleutel is één cel; twee waarden voor één cel is een fout", () => {
    const k = new Koppeling();
    const a = k.cel("x|g=1", 3);
    expect(k.cel("x|g=1", 3)).toBe(a);
    expect(() => k.cel("x|g=1", 4)).toThrow(/twee waarden/);
  });

  it("een totaal op zijn totaalwaarde valt weg uit de sleutel: dezelfde cel in twee tabellen", () => {
    expect(celSleutel("lp", { gemeente: "GM1", maand: "TOTAAL" }, { maand: "TOTAAL" })).toBe(celSleutel("lp", { gemeente: "GM1" }));
  });

  it("een relatie die niet sluit (een telling van verschillende jongeren) is geen relatie", () => {
    const k = new Koppeling();
    const t = k.cel("t", 5);
    k.som(t, [k.cel("a", 3), k.cel("b", 3)]);
    expect(k.relaties).toHaveLength(0);
    expect(k.nietSluitend).toBe(1);
  });
});

describe("audit", () => {
  it("vangt een lekke tabel: één afgeschermde cel naast een getoond totaal", async () => {
    const k = new Koppeling();
    tabel(k, "t", [[2, 7], [6, 9]]);
    const weg = new Uint8Array(k.aantal);
    weg[id(k, "t", "r0", "k0")] = 1;
    const u = await audit(k, weg, 5);
    expect(u.fouten.map((f) => [f.waarde, f.reden, f.min, f.max])).toEqual([[2, "exact", 2, 2]]);
  });

  it("vangt een rechthoek die te klein is: de afleidbare bovengrens blijft onder minimumCel", async () => {
    // 2 and 1 hidden in a row with total 3; their columns also hide 1 and 2: x00 can be 1 or 2 only.
    const k = new Koppeling();
    tabel(k, "t", [[2, 1, 9], [1, 2, 8], [6, 6, 6]]);
    const weg = new Uint8Array(k.aantal);
    for (const [r, c] of [["r0", "k0"], ["r0", "k1"], ["r1", "k0"], ["r1", "k1"]]) weg[id(k, "t", r, c)] = 1;
    const u = await audit(k, weg, 5);
    expect(u.fouten.length).toBe(4);
    expect(u.fouten.every((f) => f.reden === "klein" && f.max < 5)).toBe(true);
  });

  it("laat een veilige rechthoek door (afleidbaar tot ten minste minimumCel, niet exact)", async () => {
    const k = new Koppeling();
    tabel(k, "t", [[2, 9, 9], [8, 3, 8], [6, 6, 6]]);
    const weg = new Uint8Array(k.aantal);
    for (const [r, c] of [["r0", "k0"], ["r0", "k1"], ["r1", "k0"], ["r1", "k1"]]) weg[id(k, "t", r, c)] = 1;
    const u = await audit(k, weg, 5);
    expect(u.fouten).toEqual([]);
  });

  it("noemt de getoonde cellen die een vastgezette cel ruimte geven (de dualen van zijn maximum)", async () => {
    // 10 = a + b with a hidden alone: a is exact. Hiding the total lets a grow; hiding b too
    // (b can go down to 1). A table beside it that shares nothing is no way out.
    const k = new Koppeling();
    const d = (n: Record<string, number>, naam: string) => registreerTabel(k, naam, Object.entries(n).map(([g, v]) => ({ g, n: v })),
      { tellingen: ["n"], sleutels: ["g"], totalen: [{ kolom: "g", totaal: "R" }] }).n;
    const [a, b, t] = d({ A: 2, B: 8, R: 10 }, "d");
    d({ A: 20, B: 30, R: 50 }, "e");
    const weg = new Uint8Array(k.aantal);
    weg[a] = 1;
    const u = await audit(k, weg, 5);
    expect(u.fouten.map((f) => f.cel)).toEqual([a]);
    expect([...u.fouten[0].uitwegen].sort()).toEqual([b, t].sort());
  });

  it("een getoonde 1 is geen uitweg om omlaag te gaan: alleen het totaal", async () => {
    // 3 = a + b, b = 1 shown: lowering b below 1 is impossible (a hidden count is at least 1).
    const k = new Koppeling();
    const [a, , t] = registreerTabel(k, "d", [{ g: "A", n: 2 }, { g: "B", n: 1 }, { g: "R", n: 3 }],
      { tellingen: ["n"], sleutels: ["g"], totalen: [{ kolom: "g", totaal: "R" }] }).n;
    const weg = new Uint8Array(k.aantal);
    weg[a] = 1;
    const u = await audit(k, weg, 5);
    expect(u.fouten[0].uitwegen).toEqual([t]);
  });

  it("ziet een verband over twee tabellen: dezelfde cel verborgen in de ene en getoond in de andere", async () => {
    const k = new Koppeling();
    tabel(k, "t", [[2, 9], [8, 3]]);
    // The same row total published again as a cell of another table.
    const rij0 = k.zoek(celSleutel("t.n", { rij: "r0", kolom: "T" }, { rij: "T", kolom: "T" }));
    expect(k.cel(celSleutel("t.n", { rij: "r0" }), 11)).toBe(rij0);
  });
});

describe("een telling die een andere bevat (geheel = deel + rest, rest ≥ 0)", () => {
  it("vangt een afgeschermd deel dat niet groter kan zijn dan zijn getoonde geheel", async () => {
    // 2 gestart of 3 trajecten: hidden, it is still at most 3, so small (minimumCel 5).
    const k = new Koppeling();
    const geheel = k.cel("trajecten", 3);
    const deel = k.cel("gestart", 2);
    k.bevat(geheel, deel, "gestart.rest");
    const rest = k.zoek("gestart.rest");
    expect(k.waarden[rest]).toBe(1);
    const weg = new Uint8Array(k.aantal);
    weg[deel] = 1;
    weg[rest] = 1;
    const u = await audit(k, weg, 5);
    // The rest itself comes out too (3 − the deel), but is a difference of published counts: no finding.
    expect(u.fouten.map((f) => [f.sleutel, f.reden, f.max])).toEqual([["gestart", "klein", 3]]);
  });

  it("koppelt twee gelijke tellingen direct, zonder rest", () => {
    const k = new Koppeling();
    const geheel = k.cel("trajecten", 12);
    const deel = k.cel("gestart", 12);
    k.bevat(geheel, deel, "gestart.rest");
    expect(k.zoek("gestart.rest")).toBe(-1);
    expect(k.relaties).toEqual([{ totaal: geheel, delen: [deel] }]);
  });
});

describe("onderdrukking over de hele koppeling", () => {
  it("schermt af tot de audit slaagt en nooit een nul", async () => {
    const k = new Koppeling();
    tabel(k, "t", [[2, 7, 0], [6, 9, 4], [0, 12, 3]]);
    const o = await onderdrukKoppeling(k, 5);
    expect(o.audit.fouten).toEqual([]);
    expect(o.primair).toBe(3);
    for (let i = 0; i < k.aantal; i++) if (o.weg[i]) expect(k.waarden[i]).toBeGreaterThan(0);
    expect((await audit(k, o.weg, 5)).fouten).toEqual([]);
  });

  it("schermt een totaal af als alle andere delen nul zijn", async () => {
    const k = new Koppeling();
    const rijen = [{ g: "A", n: 3 }, { g: "B", n: 0 }, { g: "R", n: 3 }];
    registreerTabel(k, "d", rijen, { tellingen: ["n"], sleutels: ["g"], totalen: [{ kolom: "g", totaal: "R" }] });
    const o = await onderdrukKoppeling(k, 5);
    expect([...o.weg]).toEqual([1, 0, 1]);
  });
});

/** The audit again, with yalps (simplex in JavaScript), cell by cell: max and min of each hidden cell. */
function bereikYalps(k: Koppeling, weg: Uint8Array): Map<number, [number, number]> {
  const constraints: Record<string, { equal?: number; min?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  k.relaties.forEach((r, g) => {
    let rhs = 0;
    const termen: [number, number][] = [];
    for (const d of r.delen) if (weg[d]) termen.push([d, 1]); else rhs -= k.waarden[d];
    if (weg[r.totaal]) termen.push([r.totaal, -1]); else rhs += k.waarden[r.totaal];
    if (!termen.length) return;
    constraints[`r${g}`] = { equal: rhs };
    for (const [c, a] of termen) (variables[`x${c}`] ??= {})[`r${g}`] = a;
  });
  const uit = new Map<number, [number, number]>();
  for (let c = 0; c < k.aantal; c++) {
    if (!weg[c]) continue;
    const naam = `x${c}`;
    const vars = Object.fromEntries(Object.entries(variables).map(([v, co]) => [v, { ...co, [`ondergrens_${v}`]: 1 }]));
    vars[naam] ??= { [`ondergrens_${naam}`]: 1 };
    const cons = { ...constraints, ...Object.fromEntries(Object.keys(vars).map((v) => [`ondergrens_${v}`, { min: 1 }])) };
    const grens = (direction: "maximize" | "minimize") => {
      const s = solve({ direction, objective: "doel", constraints: cons, variables: Object.fromEntries(Object.entries(vars).map(([v, co]) => [v, v === naam ? { ...co, doel: 1 } : co])) });
      if (s.status === "unbounded") return direction === "maximize" ? Infinity : -Infinity;
      if (s.status !== "optimal") throw new Error(s.status);
      return s.result;
    };
    uit.set(c, [grens("minimize"), grens("maximize")]);
  }
  return uit;
}

describe("audit tegen een tweede implementatie op willekeurige tabellen", () => {
  it("HiGHS en yalps vinden dezelfde afleidbare cellen", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
      async (cellen, keuze) => {
        const k = new Koppeling();
        tabel(k, "t", cellen);
        const weg = new Uint8Array(k.aantal);
        for (let i = 0; i < k.aantal; i++) if (keuze[i] && k.waarden[i] > 0) weg[i] = 1;
        const u = await audit(k, weg, 5);
        const fout = new Set(u.fouten.map((f) => f.cel));
        for (const f of u.fouten) {
          const groep = new Set(f.groep);
          for (const c of f.uitwegen) {
            expect(weg[c] === 0 && k.waarden[c] > 0, k.sleutels[c]).toBe(true);
            expect(k.relaties.some((r) => [r.totaal, ...r.delen].includes(c) && [r.totaal, ...r.delen].some((x) => groep.has(x)))).toBe(true);
          }
        }
        for (const [c, [lo, hi]] of bereikYalps(k, weg)) {
          const lek = hi < 5 - 1e-6 || Math.abs(hi - lo) < 1e-6;
          expect(fout.has(c), `${k.sleutels[c]} = ${k.waarden[c]}: yalps ${lo}..${hi}`).toBe(lek);
        }
      }), { numRuns: 60 });
  });

  it("na de onderdrukking vindt ook yalps geen afleidbare cel", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 5 }),
      async (cellen) => {
        const k = new Koppeling();
        tabel(k, "t", cellen);
        const o = await onderdrukKoppeling(k, 5);
        for (const [c, [lo, hi]] of bereikYalps(k, o.weg)) {
          expect(hi, k.sleutels[c]).toBeGreaterThanOrEqual(5 - 1e-6);
          expect(hi - lo, k.sleutels[c]).toBeGreaterThan(1e-6);
        }
      }), { numRuns: 60 });
  });
});
