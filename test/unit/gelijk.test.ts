// @vitest-environment jsdom
// Like with like across the break of 1 January 2026 on the key-figure cards
// (loaders/marts/gelijk.ts): the part counted as before the break (18–22) as published
// cells, and the card's change from them instead of "growth" across the break.
import { describe, test, expect, afterAll } from "vitest";
import { maakDataMap, csv, rij, ruimDataMappenOp, openMartStaging, STANDAARD_REGIO } from "../helpers/datamap.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";
import { peildatumDelen, type KernMetPeildatum } from "../../loaders/marts/gelijk.ts";
import { EXACT, verzamel } from "../../loaders/publish/publicatie.ts";
import { celSleutel } from "../../loaders/publish/koppeling.ts";
import { kerncijferKaarten, type DoelgroepRij } from "../../src/components/dashboard.ts";

describe("peildatumDelen: the part of a figure on a peildatum, from published cells", () => {
  const kern: KernMetPeildatum[] = [
    { gemeente: "REGIO", schooljaar: "2023-2024", maat: "vsv_oud", waarde: 40, peildatum: "2023-10-01" },
    { gemeente: "REGIO", schooljaar: "2024-2025", maat: "vsv_oud", waarde: 50, peildatum: "2024-10-01" },
    { gemeente: "REGIO", schooljaar: "2025-2026", maat: "vsv_oud", waarde: 90, peildatum: "2026-03-01" },
    { gemeente: "GM0001", schooljaar: "2025-2026", maat: "vsv_oud", waarde: null, onderdrukt: true, peildatum: "2026-03-01" },
    { gemeente: "REGIO", schooljaar: "2025-2026", maat: "neet", waarde: 7, peildatum: "2026-03-01" },
  ];
  const delen: DoelgroepRij[] = [
    { gemeente: "REGIO", peildatum: "2026-03-01", schooljaar: "2025-2026", doelgroep: "VSV_OUD_18_22", jongeren: 55 },
    { gemeente: "GM0001", peildatum: "2026-03-01", schooljaar: "2025-2026", doelgroep: "VSV_OUD_18_22", jongeren: null, onderdrukt: true },
  ];
  test("before the break the whole (everyone was under the old limit), after it the doelgroep's part; suppressed stays suppressed", () => {
    expect(peildatumDelen(kern, delen)).toEqual([
      // 2023-2024 is before the schooljaar before the break: no part.
      { gemeente: "REGIO", schooljaar: "2024-2025", maat: "vsv_oud_18_22", waarde: 50 },
      { gemeente: "REGIO", schooljaar: "2025-2026", maat: "vsv_oud_18_22", waarde: 55 },
      { gemeente: "GM0001", schooljaar: "2025-2026", maat: "vsv_oud_18_22", waarde: null, onderdrukt: true },
    ]);
  });
});

describe("the trajecten of VSV'ers benaderd under the old age limit", () => {
  afterAll(ruimDataMappenOp);
  const j = (p: string, id: string) => rij("jongeren.csv", { peildatum: p, pseudo_id: id, geboortemaand: "2012-05", onderwijssoort: "VO", laatste_uitschrijving: "", werk: "" });
  const t = (id: string, leeftijd: number, start: string, eind: string) =>
    rij("vsv_trajecten.csv", { traject_id: id, pseudo_id: `p${id}`, leeftijd: String(leeftijd), startdatum: start, einddatum: eind, resultaat: eind ? "WERK" : "" });
  // Two gemeenten, members all along: the regio's years are alike, so its card compares.
  const regio = { ...STANDAARD_REGIO, gemeenten: STANDAARD_REGIO.gemeenten.slice(0, 2) };
  const dir = () => maakDataMap({
    "regio.json": JSON.stringify(regio),
    "jongeren.csv": csv("jongeren.csv", [j("2024-10-01", "a1"), j("2025-10-01", "a1")]),
    // 2024-2025: two trajecten of 20 and 21. 2025-2026: one of 22 (before the law), two of 24 and 25 (after it).
    "vsv_trajecten.csv": csv("vsv_trajecten.csv", [
      t("T1", 20, "2024-09-01", "2025-06-30"), t("T2", 21, "2024-10-01", "2025-05-01"),
      t("T3", 22, "2025-09-01", "2025-12-01"), t("T4", 24, "2026-01-05", "2026-01-20"), t("T5", 25, "2026-01-10", "2026-01-25"),
    ]),
  });

  test("published beside the whole; the card compares the part with the part instead of showing growth", async () => {
    const db = await openMartStaging(dir());
    try {
      const d = await dashboard(db, { minimumCel: 0, publicatie: EXACT });
      const w = (sj: string, maat: string) => d.kerncijfers.find((r) => r.gemeente === "REGIO" && r.schooljaar === sj && r.maat === maat)?.waarde;
      expect([w("2024-2025", "vsv_benaderd"), w("2024-2025", "vsv_benaderd_18_22")]).toEqual([2, 2]);
      expect([w("2025-2026", "vsv_benaderd"), w("2025-2026", "vsv_benaderd_18_22")]).toEqual([3, 1]);
      // The regio's only: a gemeente's small rest (23–26) would cost its key figure.
      expect(d.kerncijfers.some((r) => r.gemeente !== "REGIO" && r.maat === "vsv_benaderd_18_22")).toBe(false);
      const kaart = [...(kerncijferKaarten(d.kerncijfers, { gemeente: "REGIO", schooljaar: "2025-2026", minimumCel: 0, dekking: d.dekking }) as HTMLElement)
        .querySelectorAll(".kaart")].find((k) => k.querySelector("h3")!.textContent === "VSV'ers benaderd")!;
      expect(kaart.textContent).toContain("geen vergelijking met 2024-2025: breuk in de reeks");
      expect(kaart.textContent).not.toContain("+1");
      expect(kaart.querySelector(".gelijk")!.textContent).toMatch(/^Gelijk geteld \(18–22 jaar, zoals vóór de wet\): 1, ↓ lager: .1 \(.50,0 %\) t\.o\.v\. 2 in 2024-2025$/);
    } finally {
      db.close();
    }
  }, 60_000);

  test("the part and the rest are cells of the publication layer, whole = part + rest, the whole the key figure's own cell", async () => {
    const db = await openMartStaging(dir());
    try {
      const k = await verzamel(db, 5);
      const cel = (leeftijden: string) => k.zoek(celSleutel("vsv.trajecten", { gemeente: "REGIO", schooljaar: "2025-2026", leeftijden }, { gemeente: "REGIO", leeftijden: "ALLE" }));
      const [heel, deel, rest] = [cel("ALLE"), cel("18_22"), cel("23_26")];
      expect(heel).toBe(k.zoek(celSleutel("vsv.trajecten", { gemeente: "REGIO", schooljaar: "2025-2026" }, { gemeente: "REGIO" })));
      expect([heel, deel, rest].every((i) => i >= 0)).toBe(true);
      expect([k.waarden[heel], k.waarden[deel], k.waarden[rest]]).toEqual([3, 1, 2]);
      expect(k.relaties.some((r) => r.totaal === heel && [...r.delen].sort().join() === [deel, rest].sort().join())).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe("those nowhere in view in the monitor, under the old age limit", () => {
  afterAll(ruimDataMappenOp);
  const j = (p: string, id: string) => rij("jongeren.csv", { peildatum: p, pseudo_id: id, geboortemaand: "2012-05", onderwijssoort: "VO", laatste_uitschrijving: "", werk: "" });
  // Nowhere in view: not moved, not enrolled, no startkwalificatie, no work, in view of no one.
  const m = (moment: string, id: string, leeftijd: number) => rij("jikp_monitor.csv", {
    moment, pseudo_id: id, gemeente_code: "GM0100", leeftijd: String(leeftijd), groep: "VSV", herkomst: "MBO2", cohort: "2022",
    verhuisd: "N", ingeschreven: "N", startkwalificatie: "N", werk: "N", wajong: "N", in_beeld_doorstroompunt: "N", in_beeld_zorg: "N", in_beeld_participatie: "N",
  });
  const regio = { ...STANDAARD_REGIO, gemeenten: STANDAARD_REGIO.gemeenten.slice(0, 2) };
  const dir = () => maakDataMap({
    "regio.json": JSON.stringify(regio),
    "jongeren.csv": csv("jongeren.csv", [j("2024-10-01", "a1"), j("2025-10-01", "a1")]),
    // 2024-2025 (before the law): 20 and 21 nowhere in view; 24 was outside the target group then.
    // 2025-2026 (after it): 21 under the old limit, 24, 25 and 26 above it.
    "jikp_monitor.csv": csv("jikp_monitor.csv", [
      m("2025-02-01", "m1", 20), m("2025-02-01", "m2", 21), m("2025-02-01", "m3", 24),
      m("2026-02-01", "m1", 21), m("2026-02-01", "m5", 24), m("2026-02-01", "m6", 25), m("2026-02-01", "m7", 26),
    ]),
  });

  test("the part beside the whole: before the break the whole itself, after it those under 23; the card compares the parts", async () => {
    const db = await openMartStaging(dir());
    try {
      const d = await dashboard(db, { minimumCel: 0, publicatie: EXACT });
      const w = (sj: string, maat: string) => d.kerncijfers.find((r) => r.gemeente === "REGIO" && r.schooljaar === sj && r.maat === maat)?.waarde;
      expect([w("2024-2025", "jikp_niet_in_beeld"), w("2024-2025", "jikp_niet_in_beeld_18_22")]).toEqual([2, 2]);
      expect([w("2025-2026", "jikp_niet_in_beeld"), w("2025-2026", "jikp_niet_in_beeld_18_22")]).toEqual([4, 1]);
      expect(d.kerncijfers.some((r) => r.gemeente !== "REGIO" && r.maat === "jikp_niet_in_beeld_18_22")).toBe(false);
      const kaart = [...(kerncijferKaarten(d.kerncijfers, { gemeente: "REGIO", schooljaar: "2025-2026", minimumCel: 0, dekking: d.dekking }) as HTMLElement)
        .querySelectorAll(".kaart")].find((k) => k.querySelector("h3")!.textContent === "Niet in beeld (monitor)")!;
      expect(kaart.textContent).toContain("geen vergelijking met 2024-2025: breuk in de reeks");
      expect(kaart.querySelector(".gelijk")!.textContent).toMatch(/^Gelijk geteld \(18–22 jaar, zoals vóór de wet\): 1, ↓ lager: .1 \(.50,0 %\) t\.o\.v\. 2 in 2024-2025$/);
    } finally {
      db.close();
    }
  }, 60_000);

  test("the part and the rest are cells of the publication layer, the whole the monitor's own status cell", async () => {
    const db = await openMartStaging(dir());
    try {
      const k = await verzamel(db, 5);
      const cel = (leeftijden: string) => k.zoek(celSleutel("monitor.status",
        { moment: "2026-02-01", gemeente: "REGIO", groep: "ALLE", herkomst: "ALLE", status: "NIET_IN_BEELD", leeftijden },
        { gemeente: "REGIO", groep: "ALLE", herkomst: "ALLE", status: "TOTAAL", leeftijden: "ALLE" }));
      const [heel, deel, rest] = [cel("ALLE"), cel("18_22"), cel("23_26")];
      expect(heel).toBe(k.zoek(celSleutel("monitor.status", { moment: "2026-02-01", status: "NIET_IN_BEELD" }, {})));
      expect([heel, deel, rest].every((i) => i >= 0)).toBe(true);
      expect([k.waarden[heel], k.waarden[deel], k.waarden[rest]]).toEqual([4, 1, 3]);
      expect(k.relaties.some((r) => r.totaal === heel && [...r.delen].sort().join() === [deel, rest].sort().join())).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});
