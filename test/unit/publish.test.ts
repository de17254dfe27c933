// The publication layer: small counts suppressed (primary), and no suppressed count can be
// computed back from a published total (secondary), checked on hand-made tables and with a
// brute-force "derive by subtraction" attacker over random tables.
import { describe, test, expect } from "vitest";
import fc from "fast-check";
import {
  onderdruk, controleerGeenIds, celGroepen, kubusGroepen, teVerbergen, type OnderdrukOpties, type TotaalRelatie,
} from "../../loaders/publish.ts";

type Cel = { gemeente: string; jaar: string; n: number | null; pct?: number | null; onderdrukt?: true };

const cellen = (rows: Cel[]) => Object.fromEntries(rows.map((r) => [`${r.gemeente}/${r.jaar}`, r.n]));
const REGIO: TotaalRelatie = { kolom: "gemeente", totaal: "REGIO" };
const ALLE: TotaalRelatie = { kolom: "jaar", totaal: "ALLE" };

/** One column of gemeenten (and a REGIO total = their sum) per jaar. */
function tabel(perJaar: Record<string, Record<string, number>>, metTotaal = true): Cel[] {
  const rows: Cel[] = [];
  for (const [jaar, delen] of Object.entries(perJaar)) {
    for (const [gemeente, n] of Object.entries(delen)) rows.push({ gemeente, jaar, n });
    if (metTotaal) rows.push({ gemeente: "REGIO", jaar, n: Object.values(delen).reduce((a, b) => a + b, 0) });
  }
  return rows;
}

describe("primary suppression", () => {
  test("1..minimumCel-1 become null and marked; 0 and minimumCel stay", () => {
    const rows = [0, 1, 4, 5, 120].map((n, i) => ({ gemeente: `G${i}`, jaar: "2025", n }));
    const uit = onderdruk(rows, { minimumCel: 5, tellingen: ["n"], sleutels: ["gemeente", "jaar"] });
    expect(uit.map((r) => r.n)).toEqual([0, null, null, 5, 120]);
    expect(uit.map((r) => r.onderdrukt ?? false)).toEqual([false, true, true, false, false]);
    expect(rows.map((r) => r.n)).toEqual([0, 1, 4, 5, 120]); // the input is not changed
  });

  test("minimumCel 0 or 1 (internal use) returns the rows unchanged", () => {
    const rows = tabel({ "2025": { A: 1, B: 2, C: 30 } });
    for (const minimumCel of [0, 1]) {
      const uit = onderdruk(rows, { minimumCel, tellingen: ["n"], sleutels: ["gemeente", "jaar"], totalen: [REGIO] });
      expect(uit).toEqual(rows);
      expect(uit).not.toBe(rows);
    }
  });

  test("another minimumCel: 9 suppressed, 10 published", () => {
    const uit = onderdruk([{ g: "a", n: 9 }, { g: "b", n: 10 }], { minimumCel: 10, tellingen: ["n"], sleutels: ["g"] });
    expect(uit.map((r) => r.n)).toEqual([null, 10]);
  });

  test("derived columns are nulled with their count; other counts are suppressed on their own", () => {
    const rows = [
      { gemeente: "A", jaar: "2025", n: 3, pct: 0.3, m: 40 },
      { gemeente: "B", jaar: "2025", n: 30, pct: 0.6, m: 2 },
    ];
    const uit = onderdruk(rows, { minimumCel: 5, tellingen: ["n", "m"], sleutels: ["gemeente", "jaar"], afgeleid: { n: ["pct"] } });
    expect(uit).toEqual([
      { gemeente: "A", jaar: "2025", n: null, pct: null, m: 40, onderdrukt: true },
      { gemeente: "B", jaar: "2025", n: 30, pct: 0.6, m: null, onderdrukt: true },
    ]);
  });
});

describe("secondary suppression", () => {
  const opties: OnderdrukOpties = { minimumCel: 5, tellingen: ["n"], sleutels: ["gemeente", "jaar"], totalen: [REGIO] };

  test("one small gemeente beside a published REGIO total: the smallest other gemeente is suppressed too", () => {
    const uit = onderdruk(tabel({ "2025": { A: 3, B: 7, C: 12, D: 6 } }), opties);
    expect(cellen(uit)).toEqual({ "A/2025": null, "B/2025": 7, "C/2025": 12, "D/2025": null, "REGIO/2025": 28 });
    expect(uit.filter((r) => r.onderdrukt).map((r) => r.gemeente)).toEqual(["A", "D"]);
  });

  test("a tie is broken by the key, so the result is stable", () => {
    const uit = onderdruk(tabel({ "2025": { D: 6, A: 2, C: 9, B: 6 } }), opties);
    expect(cellen(uit)).toEqual({ "A/2025": null, "B/2025": null, "C/2025": 9, "D/2025": 6, "REGIO/2025": 23 });
  });

  test("two small gemeenten protect each other: nothing more is suppressed", () => {
    const uit = onderdruk(tabel({ "2025": { A: 3, B: 2, C: 12 } }), opties);
    expect(cellen(uit)).toEqual({ "A/2025": null, "B/2025": null, "C/2025": 12, "REGIO/2025": 17 });
  });

  test("groups (here jaren) are protected each on its own", () => {
    const uit = onderdruk(tabel({ "2024": { A: 10, B: 7, C: 12 }, "2025": { A: 3, B: 7, C: 12 } }), opties);
    expect(cellen(uit)).toEqual({
      "A/2024": 10, "B/2024": 7, "C/2024": 12, "REGIO/2024": 29,
      "A/2025": null, "B/2025": null, "C/2025": 12, "REGIO/2025": 22,
    });
  });

  test("without another positive part, the total itself is suppressed", () => {
    // The total need not be the sum of the listed parts (e.g. jongeren without a gemeente).
    const rows: Cel[] = [{ gemeente: "A", jaar: "2025", n: 3 }, { gemeente: "B", jaar: "2025", n: 0 }, { gemeente: "REGIO", jaar: "2025", n: 9 }];
    expect(cellen(onderdruk(rows, opties))).toEqual({ "A/2025": null, "B/2025": 0, "REGIO/2025": null });
  });

  test("a suppressed total needs no secondary suppression among its parts", () => {
    const uit = onderdruk(tabel({ "2025": { A: 1, B: 2, C: 0 } }), opties);
    expect(cellen(uit)).toEqual({ "A/2025": null, "B/2025": null, "C/2025": 0, "REGIO/2025": null });
  });

  test("two dimensions: a cell hidden in a row is protected in its column as well", () => {
    const rows: Cel[] = [];
    const data: Record<string, Record<string, number>> = { A: { "2024": 3, "2025": 20 }, B: { "2024": 15, "2025": 30 }, C: { "2024": 40, "2025": 8 } };
    for (const [g, perJaar] of Object.entries(data)) {
      for (const [j, n] of Object.entries(perJaar)) rows.push({ gemeente: g, jaar: j, n });
      rows.push({ gemeente: g, jaar: "ALLE", n: Object.values(perJaar).reduce((a, b) => a + b, 0) });
    }
    for (const j of ["2024", "2025", "ALLE"]) {
      rows.push({ gemeente: "REGIO", jaar: j, n: rows.filter((r) => r.jaar === j).reduce((a, r) => a + (r.n ?? 0), 0) });
    }
    const uit = onderdruk(rows, { ...opties, totalen: [REGIO, ALLE] });
    expect(afgeleid(uit, rows, ["gemeente", "jaar"], [REGIO, ALLE])).toEqual([]);
    expect(cellen(uit)["A/2024"]).toBe(null);
  });

  test("two dimensions: a total hidden in one direction is not left as the sum of published parts", () => {
    // Found by the random test below: GM0/ALLE, hidden to protect GM1/ALLE in the REGIO
    // column, was the sum of the published GM0/2020 and GM0/2021, which gave GM1/ALLE back.
    const rows: Cel[] = [
      ["GM0", 6, 0], ["GM1", 1, 0], ["GM2", 1, 5], ["REGIO", 8, 5],
    ].flatMap(([g, a, b]) => [
      { gemeente: g as string, jaar: "2020", n: a as number }, { gemeente: g as string, jaar: "2021", n: b as number },
      { gemeente: g as string, jaar: "ALLE", n: (a as number) + (b as number) },
    ]);
    const uit = onderdruk(rows, { ...opties, minimumCel: 3, totalen: [REGIO, ALLE] });
    expect(afgeleid(uit, rows, ["gemeente", "jaar"], [REGIO, ALLE])).toEqual([]);
    expect(cellen(uit)).toEqual({
      "GM0/2020": null, "GM0/2021": 0, "GM0/ALLE": null,
      "GM1/2020": null, "GM1/2021": 0, "GM1/ALLE": null,
      "GM2/2020": null, "GM2/2021": null, "GM2/ALLE": 6,
      "REGIO/2020": null, "REGIO/2021": null, "REGIO/ALLE": 13,
    });
  });
});

// ---------------------------------------------------------------- the attacker

/**
 * Every suppressed cell an attacker can compute from the published cells by repeated
 * subtraction: in any group "total = sum of parts" with exactly one unknown cell, that cell
 * is known. Returns the keys of suppressed cells that become known.
 */
function afgeleid(uit: Record<string, unknown>[], origineel: Record<string, unknown>[], sleutels: string[],
  totalen: TotaalRelatie[], telling = "n"): string[] {
  const key = (r: Record<string, unknown>) => sleutels.map((k) => r[k]).join("/");
  const bekend = new Map<string, number>();
  for (const r of uit) if (typeof r[telling] === "number") bekend.set(key(r), r[telling] as number);
  const waarde = new Map(origineel.map((r) => [key(r), r[telling] as number]));
  // The groups: total + parts, per relation.
  const groepen: { totaal: string; delen: string[] }[] = [];
  for (const rel of totalen) {
    const andere = sleutels.filter((k) => k !== rel.kolom);
    const per = new Map<string, { totaal?: string; delen: string[] }>();
    for (const r of origineel) {
      const g = andere.map((k) => r[k]).join("/");
      if (!per.has(g)) per.set(g, { delen: [] });
      if (r[rel.kolom] === rel.totaal) per.get(g)!.totaal = key(r);
      else per.get(g)!.delen.push(key(r));
    }
    for (const g of per.values()) if (g.totaal) groepen.push({ totaal: g.totaal, delen: g.delen });
  }
  const gelekt: string[] = [];
  for (let veranderd = true; veranderd;) {
    veranderd = false;
    for (const g of groepen) {
      const onbekend = [g.totaal, ...g.delen].filter((k) => !bekend.has(k));
      if (onbekend.length !== 1) continue;
      const [k] = onbekend;
      const v = k === g.totaal
        ? g.delen.reduce((a, d) => a + bekend.get(d)!, 0)
        : bekend.get(g.totaal)! - g.delen.filter((d) => d !== k).reduce((a, d) => a + bekend.get(d)!, 0);
      expect(v).toBe(waarde.get(k)); // the attacker's arithmetic is right
      bekend.set(k, v);
      gelekt.push(k);
      veranderd = true;
    }
  }
  return gelekt;
}

describe("no suppressed count can be derived by subtraction (random tables)", () => {
  const waarde = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));

  test("one dimension: gemeenten with a REGIO total per jaar", () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 10 }),
      fc.array(fc.array(waarde, { minLength: 2, maxLength: 7 }), { minLength: 1, maxLength: 4 }),
      (minimumCel, jaren) => {
        const perJaar = Object.fromEntries(jaren.map((delen, j) => [String(2020 + j), Object.fromEntries(delen.map((n, g) => [`GM${g}`, n]))]));
        const rows = tabel(perJaar);
        const uit = onderdruk(rows, { minimumCel, tellingen: ["n"], sleutels: ["gemeente", "jaar"], totalen: [REGIO] });
        // Primary: nothing published is 1..minimumCel-1; what is published is unchanged.
        uit.forEach((r, i) => {
          if (r.n === null) expect(r.onderdrukt).toBe(true);
          else {
            expect(r.n).toBe(rows[i].n);
            expect(r.n === 0 || r.n >= minimumCel).toBe(true);
          }
        });
        // Secondary: no group has exactly one suppressed part beside a published total.
        for (const jaar of Object.keys(perJaar)) {
          const groep = uit.filter((r) => r.jaar === jaar);
          const totaal = groep.find((r) => r.gemeente === "REGIO")!;
          const verborgen = groep.filter((r) => r.gemeente !== "REGIO" && r.n === null);
          if (totaal.n !== null) expect(verborgen.length).not.toBe(1);
        }
        expect(afgeleid(uit, rows, ["gemeente", "jaar"], [REGIO])).toEqual([]);
      },
    ), { numRuns: 500 });
  });

  test("two dimensions: gemeenten × jaren with REGIO row and ALLE column totals", () => {
    fc.assert(fc.property(
      fc.integer({ min: 3, max: 10 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 2, max: 4 }),
      fc.array(waarde, { minLength: 20, maxLength: 20 }),
      (minimumCel, nG, nJ, waarden) => {
        const rows: Cel[] = [];
        const gemeenten = Array.from({ length: nG }, (_, g) => `GM${g}`);
        const jaren = Array.from({ length: nJ }, (_, j) => String(2020 + j));
        for (const [g, gemeente] of gemeenten.entries()) {
          for (const [j, jaar] of jaren.entries()) rows.push({ gemeente, jaar, n: waarden[g * nJ + j] });
        }
        const som = (f: (r: Cel) => boolean) => rows.filter(f).reduce((a, r) => a + (r.n ?? 0), 0);
        for (const gemeente of gemeenten) rows.push({ gemeente, jaar: "ALLE", n: som((r) => r.gemeente === gemeente) });
        for (const jaar of [...jaren, "ALLE"]) rows.push({ gemeente: "REGIO", jaar, n: som((r) => r.jaar === jaar && r.gemeente !== "REGIO") });
        const uit = onderdruk(rows, { minimumCel, tellingen: ["n"], sleutels: ["gemeente", "jaar"], totalen: [REGIO, ALLE] });
        expect(afgeleid(uit, rows, ["gemeente", "jaar"], [REGIO, ALLE])).toEqual([]);
      },
    ), { numRuns: 500 });
  });
});

describe("kubusGroepen: the groups of a complete grid from positions alone", () => {
  test("the same cells hidden as with the groups found by key (celGroepen), on random grids", () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      fc.integer({ min: 2, max: 10 }),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: 256, maxLength: 256 }),
      (maten, metTotaal, minimumCel, getallen) => {
        // Column d has values named against their order (so a tie between equal counts is broken
        // by name, not by place), the last one its total T when metTotaal[d].
        const waarden = maten.map((n, d) => [...Array.from({ length: n }, (_, i) => `${d}${String.fromCharCode(100 - i)}`), ...(metTotaal[d] ? ["T"] : [])]);
        const rijen: Record<string, string>[] = [{}];
        const grid = waarden.reduce((acc, w, d) => acc.flatMap((r) => w.map((x) => ({ ...r, [`k${d}`]: x }))), rijen);
        const tellingen = grid.map((_r, i) => getallen[i % getallen.length]);
        const sleutels = waarden.map((_w, d) => `k${d}`);
        const totalen = waarden.map(() => "T");
        const perSleutel = celGroepen(grid, sleutels, sleutels.map((kolom) => ({ kolom, totaal: "T" })));
        expect([...teVerbergen(kubusGroepen(waarden, totalen), tellingen, minimumCel)])
          .toEqual([...teVerbergen(perSleutel, tellingen, minimumCel)]);
      },
    ), { numRuns: 500 });
  });
});

describe("controleerGeenIds", () => {
  test("refuses pseudo_id and any *_id column, naming the source and the column", () => {
    expect(() => controleerGeenIds([{ gemeente: "GM0100", n: 5 }], "x")).not.toThrow();
    expect(() => controleerGeenIds([], "x")).not.toThrow();
    expect(() => controleerGeenIds([{ n: 5 }, { n: 6, pseudo_id: "p1" }], "verzuim.json")).toThrow("verzuim.json: kolom pseudo_id mag niet gepubliceerd worden");
    expect(() => controleerGeenIds([{ melding_id: "M1" }], "verzuim.json")).toThrow(/melding_id/);
    expect(() => controleerGeenIds([{ traject_id: null }], "t")).toThrow(/traject_id/);
  });
});
