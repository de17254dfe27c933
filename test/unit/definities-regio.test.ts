// The regio's own definitions (regio.json "definities", src/lib/definities.ts): each switch on
// a small hand-made case whose right answer is known, as a rule and as counted by the marts.
import { describe, test, expect, afterAll } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  definitiesVan, isThuiszitter, thuiszitterRij, vorigePeildatum, isVsvNieuwVolgensPeildata, isVrijgesteldOp,
  definitiesInWoorden, LANDELIJKE_DEFINITIES,
} from "../../src/lib/definities.ts";
import { loadRegio } from "../../loaders/regio.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import { openStaging } from "../../loaders/db.ts";
import { jaarverslagTabellen } from "../../loaders/marts/jaarverslag.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";
import { EXACT } from "../../loaders/publish/publicatie.ts";
import { maakDataMap, stageDb, csv, rij, ruimDataMappenOp, STANDAARD_REGIO } from "../helpers/datamap.ts";

afterAll(ruimDataMappenOp);

describe("regio.json definities", () => {
  test("without the section: the national definitions", () => {
    const dir = maakDataMap();
    expect(definitiesVan(loadRegio(dir))).toEqual(LANDELIJKE_DEFINITIES);
  });

  test("a choice is kept, the rest defaults", () => {
    const dir = maakDataMap({}, { ...STANDAARD_REGIO, definities: { thuiszitters: "LRV", overigVerzuim: "Vroegsignalering" } });
    expect(definitiesVan(loadRegio(dir))).toEqual({ ...LANDELIJKE_DEFINITIES, thuiszitters: "LRV", overigVerzuim: "Vroegsignalering" });
  });

  test("an unknown value or field is refused in Dutch, naming the field", () => {
    const dir = maakDataMap({}, { ...STANDAARD_REGIO, definities: { thuiszitters: "ALLES" } });
    expect(() => loadRegio(dir)).toThrow(GebruikersFout);
    expect(() => loadRegio(dir)).toThrow(/regio\.json, veld definities\.thuiszitters:/);
    writeFileSync(join(dir, "regio.json"), JSON.stringify({ ...STANDAARD_REGIO, definities: { thuiszittrs: "LRV" } }));
    expect(() => loadRegio(dir)).toThrow(/definities/);
  });

  test("the definitions in words name the regio's own name for OVERIG", () => {
    const woorden = definitiesInWoorden({ ...LANDELIJKE_DEFINITIES, thuiszitters: "LRV", overigVerzuim: "Vroegsignalering" });
    expect(woorden.map(([t]) => t)).toEqual(["Thuiszitter", "VSV nieuw", "Vrijgestelde jeugdigen", "Vroegsignalering"]);
    expect(woorden[0][1]).toMatch(/alleen|niet mee in het totaal/);
  });
});

describe("thuiszitters", () => {
  const lrv = { leeftijd: 14, verzuimsoort: "LRV" };
  const abs = { leeftijd: 15, verzuimsoort: "ABSOLUUT" };
  test("LRV_EN_ABSOLUUT: either soort; both count once, as ABSOLUUT", () => {
    expect(isThuiszitter([lrv], "LRV_EN_ABSOLUUT")).toBe(true);
    expect(isThuiszitter([abs], "LRV_EN_ABSOLUUT")).toBe(true);
    expect(thuiszitterRij(["LRV", "ABSOLUUT"], "LRV_EN_ABSOLUUT")).toBe("ABSOLUUT");
  });
  test("LRV: only LRV; with both the jongere is in the LRV row", () => {
    expect(isThuiszitter([lrv], "LRV")).toBe(true);
    expect(isThuiszitter([abs], "LRV")).toBe(false);
    expect(thuiszitterRij(["LRV", "ABSOLUUT"], "LRV")).toBe("LRV");
    expect(thuiszitterRij(["ABSOLUUT"], "LRV")).toBe("ABSOLUUT");
  });
  test("never 18 or older (Doorstroompunt meldingen are no thuiszitters)", () => {
    expect(isThuiszitter([{ leeftijd: 18, verzuimsoort: "LRV" }], "LRV_EN_ABSOLUUT")).toBe(false);
    expect(isThuiszitter([{ leeftijd: 19, verzuimsoort: "ABSOLUUT" }], "LRV")).toBe(false);
  });
});

describe("nieuw-VSV by the snapshots", () => {
  test("the previous year's peildatum is the latest a year or more before", () => {
    const p = ["2023-10-15", "2024-10-15", "2025-10-15", "2026-03-15"];
    expect(vorigePeildatum("2025-10-15", p)).toBe("2024-10-15");
    expect(vorigePeildatum("2026-03-15", p)).toBe("2024-10-15");
    expect(vorigePeildatum("2023-10-15", p)).toBeNull();
  });
  test("nieuw when enrolled (any onderwijssoort but GEEN) on it; without a previous peildatum the 365-dagen rule", () => {
    expect(isVsvNieuwVolgensPeildata("MBO_BOL", true, false)).toBe(true);
    expect(isVsvNieuwVolgensPeildata("GEEN", true, true)).toBe(false);
    expect(isVsvNieuwVolgensPeildata(null, true, true)).toBe(false);
    expect(isVsvNieuwVolgensPeildata(null, false, true)).toBe(true);
  });
});

describe("vrijgestelde jeugdigen on the peildatum", () => {
  test("granted, begun on or before and not ended before the peildatum", () => {
    const v = { besluit: "TOEGEKEND", begindatum: "2024-09-01", einddatum: "2025-10-01" as string | null };
    expect(isVrijgesteldOp(v, "2025-10-01")).toBe(true);
    expect(isVrijgesteldOp(v, "2025-10-02")).toBe(false);
    expect(isVrijgesteldOp({ ...v, einddatum: null }, "2030-01-01")).toBe(true);
    expect(isVrijgesteldOp({ ...v, besluit: "AFGEWEZEN" }, "2025-01-01")).toBe(false);
    expect(isVrijgesteldOp(v, "2024-08-31")).toBe(false);
  });
});

// ------------------------------------------------------------------ counted by the marts

/**
 * Two peildata a year apart, four VSV'ers on the second (20 years old, no startkwalificatie,
 * no onderwijs): a enrolled a year before and de-registered 400 days before; b not enrolled a
 * year before but de-registered 100 days before; c new in the data; d not enrolled before and
 * long gone. 365 dagen: nieuw = b. Snapshots: nieuw = a.
 */
const JONGEREN = [
  rij("jongeren.csv", { peildatum: "2024-10-01", pseudo_id: "a", geboortemaand: "2005-01", onderwijssoort: "MBO_BOL", mbo_niveau: "2", laatste_uitschrijving: "", werk: "" }),
  rij("jongeren.csv", { peildatum: "2024-10-01", pseudo_id: "b", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2023-05-01", werk: "" }),
  rij("jongeren.csv", { peildatum: "2024-10-01", pseudo_id: "d", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2022-05-01", werk: "" }),
  rij("jongeren.csv", { peildatum: "2025-10-01", pseudo_id: "a", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2024-08-27", werk: "" }),
  rij("jongeren.csv", { peildatum: "2025-10-01", pseudo_id: "b", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2025-06-23", werk: "" }),
  rij("jongeren.csv", { peildatum: "2025-10-01", pseudo_id: "c", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2022-01-01", werk: "" }),
  rij("jongeren.csv", { peildatum: "2025-10-01", pseudo_id: "d", geboortemaand: "2005-01", onderwijssoort: "GEEN", laatste_uitschrijving: "2022-05-01", werk: "" }),
];

/**
 * Thuiszitters in 2025-2026 in GM0100: p LRV only, q ABSOLUUT only, r both, s LRV at 18
 * (Doorstroompunt: never a thuiszitter). LRV_EN_ABSOLUUT: ABSOLUUT {q, r}, LRV {p}, total 3.
 * LRV: LRV {p, r}, ABSOLUUT {q}, total 2.
 */
const MELDINGEN = [
  rij("verzuimmeldingen.csv", { melding_id: "T1", pseudo_id: "p", leeftijd: "12", onderwijssoort: "VO", verzuimsoort: "LRV", melddatum: "2025-09-10" }),
  rij("verzuimmeldingen.csv", { melding_id: "T2", pseudo_id: "q", leeftijd: "15", onderwijssoort: "GEEN", verzuimsoort: "ABSOLUUT", melddatum: "2025-09-11" }),
  rij("verzuimmeldingen.csv", { melding_id: "T3", pseudo_id: "r", leeftijd: "13", onderwijssoort: "VO", verzuimsoort: "LRV", melddatum: "2025-09-12" }),
  rij("verzuimmeldingen.csv", { melding_id: "T4", pseudo_id: "r", leeftijd: "13", onderwijssoort: "GEEN", verzuimsoort: "ABSOLUUT", melddatum: "2025-11-12" }),
  rij("verzuimmeldingen.csv", { melding_id: "T5", pseudo_id: "s", leeftijd: "18", onderwijssoort: "MBO_BOL", verzuimsoort: "LRV", melddatum: "2025-09-13" }),
];

function dataMap(definities?: object): string {
  return maakDataMap({
    "jongeren.csv": csv("jongeren.csv", JONGEREN),
    "verzuimmeldingen.csv": csv("verzuimmeldingen.csv", MELDINGEN),
  }, { ...STANDAARD_REGIO, ...(definities ? { definities } : {}) });
}

async function vsvVlaggen(dir: string): Promise<Record<string, string>> {
  const db = await stageDb(dir);
  try {
    const rijen = await db.all<{ pseudo_id: string; vsv_nieuw: boolean; vsv_oud: boolean }>(
      `SELECT pseudo_id, vsv_nieuw, vsv_oud FROM jongeren_def WHERE peildatum = DATE '2025-10-01' ORDER BY pseudo_id`);
    return Object.fromEntries(rijen.map((r) => [r.pseudo_id, r.vsv_nieuw ? "nieuw" : r.vsv_oud ? "oud" : "-"]));
  } finally {
    db.close();
  }
}

describe("the switches as staged and counted", () => {
  test("nieuw-VSV: 365 dagen (default) against the snapshots", async () => {
    expect(await vsvVlaggen(dataMap())).toEqual({ a: "oud", b: "nieuw", c: "oud", d: "oud" });
    expect(await vsvVlaggen(dataMap({ vsvNieuw: "INGESCHREVEN_VORIGE_PEILDATUM" }))).toEqual({ a: "nieuw", b: "oud", c: "oud", d: "oud" });
  }, 30_000);

  test("on the first peildatum (no year before) the snapshots rule falls back to 365 dagen", async () => {
    const db = await stageDb(dataMap({ vsvNieuw: "INGESCHREVEN_VORIGE_PEILDATUM" }));
    try {
      // b on 2024-10-01: de-registered 2023-05-01 (519 days): oud; d likewise.
      const r = await db.all(`SELECT pseudo_id, vsv_nieuw FROM jongeren_def WHERE peildatum = DATE '2024-10-01' AND (vsv_nieuw OR vsv_oud) ORDER BY 1`);
      expect(r).toEqual([{ pseudo_id: "b", vsv_nieuw: false }, { pseudo_id: "d", vsv_nieuw: false }]);
    } finally {
      db.close();
    }
  }, 30_000);

  for (const [definitie, verwacht] of [
    ["LRV_EN_ABSOLUUT", { ABSOLUUT: 2, LRV: 1, TOTAAL: 3 }],
    ["LRV", { ABSOLUUT: 1, LRV: 2, TOTAAL: 2 }],
  ] as const) {
    test(`thuiszitters ${definitie}: the table per soort, its total and the dashboard's key figure`, async () => {
      const db = await openStaging(dataMap({ thuiszitters: definitie }));
      try {
        const tabellen = await jaarverslagTabellen(db, "2025-2026", { minimumCel: 0 });
        const totaal = tabellen.find((t) => t.id === "thuiszitters_totaal")!.rijen.filter((r) => r.gemeente === "GM0100");
        expect(Object.fromEntries(totaal.map((r) => [r.soort, r.jongeren]))).toEqual(verwacht);
        const regio = tabellen.find((t) => t.id === "thuiszitters_totaal")!.rijen.filter((r) => r.gemeente === "REGIO");
        expect(Object.fromEntries(regio.map((r) => [r.soort, r.jongeren]))).toEqual(verwacht);
        const d = await dashboard(db, { minimumCel: 0, publicatie: EXACT });
        const kern = d.kerncijfers.filter((r) => r.maat === "thuiszitters" && r.schooljaar === "2025-2026");
        expect(Object.fromEntries(kern.map((r) => [r.gemeente, r.waarde]))).toMatchObject({ GM0100: verwacht.TOTAAL, REGIO: verwacht.TOTAAL });
      } finally {
        db.close();
      }
    }, 60_000);
  }
});

describe("vrijgestelde jeugdigen: the stock on the peildatum beside the flow", () => {
  test("known counts on 2025-10-01 (the regio's peildatum) and in 2025-2026", async () => {
    const v = (id: string, p: string, g: string, artikel: string, besluit: string, begin: string, eind: string) =>
      rij("vrijstellingen.csv", { vrijstelling_id: id, pseudo_id: p, gemeente_code: g, artikel, besluit, begindatum: begin, einddatum: eind });
    const dir = maakDataMap({
      "vrijstellingen.csv": csv("vrijstellingen.csv", [
        v("V1", "j004", "GM0100", "5A", "TOEGEKEND", "2025-09-01", "2026-07-31"), // stock and flow
        v("V2", "j010", "GM0100", "5A", "TOEGEKEND", "2023-09-01", ""), // stock, flow of 2023-2024
        v("V3", "j011", "GM0100", "5A", "TOEGEKEND", "2024-09-01", "2025-09-30"), // ended before the peildatum
        v("V4", "j012", "GM0100", "5A", "AFGEWEZEN", "2025-09-01", ""), // not granted
        v("V5", "j013", "GM0100", "5A", "TOEGEKEND", "2025-10-02", ""), // flow only: begun after the peildatum
        v("V6", "j014", "GM0200", "5B", "TOEGEKEND", "2025-08-15", "2025-09-15"), // flow only
      ]),
    });
    const db = await openStaging(dir);
    try {
      const t = await jaarverslagTabellen(db, "2025-2026", { minimumCel: 0 });
      const w = (id: string, g: string, a: string, k: string) =>
        t.find((x) => x.id === id)!.rijen.find((r) => r.gemeente === g && r.artikel === a && r.schooljaar === "2025-2026")![k];
      expect([w("vrijgesteld_op_peildatum", "GM0100", "5A", "jongeren"), w("vrijgesteld_op_peildatum", "REGIO", "5A", "jongeren"),
        w("vrijgesteld_op_peildatum", "GM0200", "5B", "jongeren")]).toEqual([2, 2, 0]);
      expect([w("vrijstellingen", "GM0100", "5A", "vrijstellingen"), w("vrijstellingen", "GM0200", "5B", "vrijstellingen")]).toEqual([2, 1]);
      expect(t.find((x) => x.id === "vrijgesteld_op_peildatum")!.rijen[0].peildatum).toBe("2025-10-01");
    } finally {
      db.close();
    }
  }, 60_000);
});

describe("the regio's name for OVERIG", () => {
  test("the jaarverslag's verzuim chapter calls OVERIG by the regio's name; the codes in the data stay OVERIG", async () => {
    const { jaarverslagData } = await import("../../loaders/marts/jaarverslag.ts");
    const { blokken } = await import("../../src/components/jaarverslag.ts");
    const namen = async (definities?: object) => {
      const db = await openStaging(dataMap(definities));
      try {
        const data = await jaarverslagData(db, ["2025-2026"], { minimumCel: 0 });
        const t = data.jaren["2025-2026"].tabellen.find((x) => x.id === "verzuimmeldingen")!;
        expect(t.rijen.some((r) => r.verzuimsoort === "OVERIG")).toBe(true);
        const blok = blokken(data, "verzuim", { schooljaar: "2025-2026", gemeente: "REGIO" })[0];
        return blok.tabel.rijen.map((r) => r.categorie);
      } finally {
        db.close();
      }
    };
    expect(await namen({ overigVerzuim: "Vroegsignalering" })).toContain("Vroegsignalering");
    expect(await namen()).toContain("Overig verzuim");
  }, 60_000);
});
