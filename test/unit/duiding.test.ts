// Observed against expected VSV (loaders/marts/duiding.ts): the CBS risicoscore of jaar J set
// beside the official count of schooljaar J-(J+1), through the publication layer, with the
// ratio, its exact interval and one sentence per gemeente computed from published cells only.
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import type { Staging } from "../../loaders/db.ts";
import { duiding, type Duiding } from "../../loaders/marts/duiding.ts";
import { verwachtZin, verwachtTekst, oordelenZin } from "../../src/lib/duiding.ts";
import { csv, maakDataMap, ruimDataMappenOp, openMartStaging } from "../helpers/datamap.ts";

describe("verwachtZin (B1)", () => {
  it("says the count, the expectation and whether the difference is chance", () => {
    expect(verwachtZin({ naam: "Kampen", schooljaar: "2023-2024", waargenomen: 31, verwacht: 26.6, oordeel: "ongeveer gelijk" }))
      .toBe("Kampen had in 2023-2024 31 nieuwe vsv'ers; gezien de kenmerken van zijn jongeren waren er 27 verwacht. Dat verschil valt binnen het toeval.");
    expect(verwachtZin({ naam: "Zwolle", schooljaar: "2023-2024", waargenomen: 1234, verwacht: 1000, oordeel: "hoger" }))
      .toBe("Zwolle had in 2023-2024 1.234 nieuwe vsv'ers; gezien de kenmerken van zijn jongeren waren er 1.000 verwacht. Dat zijn er meer dan door toeval te verklaren is.");
    expect(verwachtZin({ naam: "Hattem", schooljaar: "2023-2024", waargenomen: 1, verwacht: 1.2, oordeel: "ongeveer gelijk" }))
      .toBe("Hattem had in 2023-2024 1 nieuwe vsv'er; gezien de kenmerken van zijn jongeren was er 1 verwacht. Dat is zoveel als verwacht.");
  });

  it("a suppressed count: afgeschermd, and no comparison", () => {
    expect(verwachtZin({ naam: "Hattem", schooljaar: "2023-2024", waargenomen: null, verwacht: 4.4, oordeel: null }))
      .toBe("Het aantal nieuwe vsv'ers van Hattem in 2023-2024 is afgeschermd om de privacy te beschermen; gezien de kenmerken van zijn jongeren waren er 4 verwacht. Een vergelijking is daarom niet te maken.");
    expect(verwachtTekst(0.3)).toBe("minder dan 1");
  });
});

describe("oordelenZin: the regio's verdicts counted", () => {
  const zin = (hoger: number, lager: number, gelijk: number, afgeschermd = 0) =>
    oordelenZin({ gemeenten: hoger + lager + gelijk + afgeschermd, jaar: "2023-2024", hoger, lager, gelijk, afgeschermd });

  it("counts each verdict", () => {
    expect(zin(3, 1, 8)).toBe("Van de 12 gemeenten hadden er in 2023-2024 3 meer nieuwe vsv'ers dan verwacht, 1 minder, en bij 8 viel het verschil binnen het toeval.");
    expect(zin(2, 2, 1, 1)).toBe("Van de 6 gemeenten hadden er in 2023-2024 2 meer nieuwe vsv'ers dan verwacht, 2 minder, en bij 1 viel het verschil binnen het toeval; van 1 is het aantal afgeschermd.");
  });

  it("says geen for 0, never '0 meer nieuwe vsv'ers', and the singular for one", () => {
    expect(zin(0, 0, 2)).toBe("Van de 2 gemeenten had er in 2023-2024 geen meer nieuwe vsv'ers dan verwacht, geen minder, en bij 2 viel het verschil binnen het toeval.");
    expect(zin(1, 0, 0, 2)).toBe("Van de 3 gemeenten had er in 2023-2024 1 meer nieuwe vsv'ers dan verwacht, geen minder, en bij geen enkele viel het verschil binnen het toeval; van 2 is het aantal afgeschermd.");
    for (const [h, l, g] of [[0, 0, 0], [0, 3, 0], [4, 0, 0], [0, 0, 5]]) expect(zin(h, l, g, 1)).not.toMatch(/\b0\b/);
  });
});

describe("duiding mart", () => {
  // GM0100: 31 against 27 (chance); GM0200: 3 (suppressed at minimumCel 5); GM0400 (a member
  // until 2024-12-31): 20 against 5 (higher); GM0300 joins in 2026, so its 2023 row is left
  // out; 2022 has no official count, so nothing to compare.
  const dir = maakDataMap({
    "cbs_risicoscores.csv": csv("cbs_risicoscores.csv", [
      "2022;GM0100;1000;12.5", "2023;GM0100;1500;27.0", "2023;GM0200;800;10.0", "2023;GM0300;600;8.0", "2023;GM0400;500;5.0",
    ]),
    "vsv_cijfers.csv": csv("vsv_cijfers.csv", [
      "2023-2024;LANDELIJK;NL;1010000;22725", "2023-2024;REGIO;99;3000;60",
      "2023-2024;GEMEENTE;GM0100;1500;31", "2023-2024;GEMEENTE;GM0200;800;3",
      "2023-2024;GEMEENTE;GM0300;600;9", "2023-2024;GEMEENTE;GM0400;500;20",
    ]),
  });
  let db: Staging;
  let pub: Duiding;
  let exact: Duiding;
  beforeAll(async () => {
    db = await openMartStaging(dir);
    pub = await duiding(db);
    exact = await duiding(db, { minimumCel: 1 });
  });
  afterAll(() => {
    db?.close();
    ruimDataMappenOp();
  });
  const van = (d: Duiding, g: string) => d.verwacht.find((r) => r.gemeente === g);

  it("matches jaar J with schooljaar J-(J+1), members only", () => {
    expect(pub.schooljaren).toEqual(["2023-2024"]);
    expect(pub.verwacht.map((r) => r.gemeente)).toEqual(["GM0100", "GM0200", "GM0400", "REGIO"]);
  });

  it("ratio with its exact interval and a sentence, within chance", () => {
    expect(van(pub, "GM0100")).toMatchObject({
      jaar: 2023, schooljaar: "2023-2024", aantal_jongeren: 1500, verwacht: 27, deelnemers: 1500, vsv: 31,
      // Garwood for 31: 21,063–44,002 (95 %), divided by 27.
      verhouding: 1.148, onder95: 0.780, boven95: 1.630, oordeel: "ongeveer gelijk",
      zin: "Alfastad had in 2023-2024 31 nieuwe vsv'ers; gezien de kenmerken van zijn jongeren waren er 27 verwacht. Dat verschil valt binnen het toeval.",
    });
    expect(van(pub, "GM0100")!.onder998).toBeLessThan(0.780);
    expect(van(pub, "GM0400")).toMatchObject({ vsv: 20, verwacht: 5, oordeel: "hoger" });
  });

  it("a suppressed count: no ratio, no verdict, the sentence says afgeschermd; the regio sum is then unknown too", () => {
    expect(van(pub, "GM0200")).toMatchObject({ vsv: null, verhouding: null, onder95: null, oordeel: null, onderdrukt: true, verwacht: 10 });
    expect(van(pub, "GM0200")!.zin).toContain("is afgeschermd");
    expect(van(pub, "REGIO")).toMatchObject({ vsv: null, verwacht: 42, oordeel: null, onderdrukt: true });
  });

  it("exact (internal): every count, and the regio as the sum of its gemeenten", () => {
    expect(van(exact, "GM0200")).toMatchObject({ vsv: 3, oordeel: "lager" });
    expect(van(exact, "REGIO")).toMatchObject({ vsv: 54, verwacht: 42, naam: "Testregio" });
  });
});
