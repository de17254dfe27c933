// De overstap (loaders/marts/overstap.ts): jongeren who left PrO, VSO, VO or mbo-1 between two
// peildata, and where they went, on hand-made snapshots whose answers are counted by hand.
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import type { Staging } from "../../loaders/db.ts";
import { overstap, type Overstap } from "../../loaders/marts/overstap.ts";
import { csv, maakDataMap, ruimDataMappenOp, openMartStaging, STANDAARD_REGIO } from "../helpers/datamap.ts";

// Twelve VO → mbo-2 in each of two gemeenten, for the publication's coarser gemeente rows.
const VEEL = ["GM0100", "GM0200"].flatMap((g) => Array.from({ length: 12 }, (_, i) => [
  `2024-10-01;v${g}${i};${g};2008-05;M;VO;;N;;`, `2025-10-01;v${g}${i};${g};2008-05;M;MBO_BOL;2;N;;`,
]).flat());

// 2024-10-01 → 2025-10-01: a1 VO → mbo BOL 2; a2 stays in VO; a3 PrO → geen onderwijs, werk;
// a4 VSO → gone; a5 mbo-1 BOL → mbo-1 BBL (still mbo-1: stays); a6 mbo-1 → geen onderwijs,
// werk onbekend; a7 HO is no herkomst; a8 appears only on the second peildatum.
const dir = maakDataMap({
  "jongeren.csv": csv("jongeren.csv", [
    "2024-10-01;a1;GM0100;2008-05;M;VO;;N;;", "2024-10-01;a2;GM0100;2010-05;V;VO;;N;;",
    "2024-10-01;a3;GM0100;2008-01;M;PRO;;N;;", "2024-10-01;a4;GM0200;2007-03;X;VSO;;N;;",
    "2024-10-01;a5;GM0200;2007-08;V;MBO_BOL;1;N;;", "2024-10-01;a6;GM0200;2006-08;M;MBO_BBL;1;N;;",
    "2024-10-01;a7;GM0100;2004-02;V;HO;;J;;",
    "2025-10-01;a1;GM0100;2008-05;M;MBO_BOL;2;N;;", "2025-10-01;a2;GM0100;2010-05;V;VO;;N;;",
    "2025-10-01;a3;GM0100;2008-01;M;GEEN;;N;2025-06-30;J", "2025-10-01;a5;GM0200;2007-08;V;MBO_BBL;1;N;;",
    "2025-10-01;a6;GM0200;2006-08;M;GEEN;;N;2025-05-01;", "2025-10-01;a7;GM0100;2004-02;V;HO;;J;;",
    "2025-10-01;a8;GM0100;2009-02;V;VO;;N;;",
  ]),
});
let db: Staging;
let exact: Overstap;
let pub: Overstap;
beforeAll(async () => {
  db = await openMartStaging(dir);
  exact = await overstap(db, { minimumCel: 1 });
  pub = await overstap(db);
});
afterAll(() => {
  db?.close();
  ruimDataMappenOp();
});

describe("overstap", () => {
  it("counts who left a herkomst, by where they went, with the totals", () => {
    expect(exact.overgangen).toEqual([{ van: "2024-10-01", naar: "2025-10-01" }]);
    const cellen = Object.fromEntries(exact.rijen.filter((r) => r.jongeren !== 0).map((r) => [`${r.gemeente} ${r.herkomst} ${r.bestemming}`, r.jongeren]));
    expect(cellen).toEqual({
      "GM0100 VO MBO_2": 1, "GM0100 PRO WERK": 1, "GM0200 VSO UIT_REGIO": 1, "GM0200 MBO_1 GEEN": 1,
      "GM0100 VO TOTAAL": 1, "GM0100 PRO TOTAAL": 1, "GM0200 VSO TOTAAL": 1, "GM0200 MBO_1 TOTAAL": 1,
      "GM0100 ALLE MBO_2": 1, "GM0100 ALLE WERK": 1, "GM0200 ALLE UIT_REGIO": 1, "GM0200 ALLE GEEN": 1,
      "GM0100 ALLE TOTAAL": 2, "GM0200 ALLE TOTAAL": 2,
      "REGIO VO MBO_2": 1, "REGIO PRO WERK": 1, "REGIO VSO UIT_REGIO": 1, "REGIO MBO_1 GEEN": 1,
      "REGIO VO TOTAAL": 1, "REGIO PRO TOTAAL": 1, "REGIO VSO TOTAAL": 1, "REGIO MBO_1 TOTAAL": 1,
      "REGIO ALLE MBO_2": 1, "REGIO ALLE WERK": 1, "REGIO ALLE UIT_REGIO": 1, "REGIO ALLE GEEN": 1,
      "REGIO ALLE TOTAAL": 4,
    });
  });

  it("per gemeente every herkomst × bestemming is there, 0 where nobody went: the rows of a breakdown published coarser say nothing by being there", () => {
    const perGemeente = (d: Overstap) => d.rijen.filter((r) => r.gemeente !== "REGIO" && r.herkomst !== "ALLE" && r.bestemming !== "TOTAAL");
    // Two gemeenten with leavers, 4 herkomsten × 11 bestemmingen each.
    expect(perGemeente(exact)).toHaveLength(2 * 4 * 11);
    expect(perGemeente(exact).filter((r) => r.jongeren! > 0)).toHaveLength(4);
    expect(perGemeente(pub).every((r) => r.jongeren === null && r.onderdrukt)).toBe(true);
  });

  it("published: every count here is below minimumCel, so none is shown", () => {
    expect(pub.rijen.every((r) => r.jongeren === null && r.onderdrukt)).toBe(true);
  });

  it("per gemeente only all herkomsten together and the total per herkomst: the breakdown is the regio's", async () => {
    const dir3 = maakDataMap({ "jongeren.csv": csv("jongeren.csv", VEEL) }, { ...STANDAARD_REGIO, publicatie: { minimumCel: 3 } });
    const db3 = await openMartStaging(dir3);
    try {
      const p = await overstap(db3);
      const cel = (g: string, h: string, b: string) => p.rijen.find((r) => r.gemeente === g && r.herkomst === h && r.bestemming === b);
      // 12 VO → mbo-2 in GM0100 and 12 in GM0200: large enough, yet per gemeente VO × mbo-2 is not published.
      expect(cel("REGIO", "VO", "MBO_2")).toMatchObject({ jongeren: 24 });
      expect(cel("GM0100", "VO", "MBO_2")).toMatchObject({ jongeren: null, onderdrukt: true });
      expect(cel("GM0100", "ALLE", "MBO_2")).toMatchObject({ jongeren: 12 });
      expect(cel("GM0100", "VO", "TOTAAL")).toMatchObject({ jongeren: 12 });
    } finally {
      db3.close();
    }
  });
});
