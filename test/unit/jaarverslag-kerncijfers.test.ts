// @vitest-environment jsdom
// The jaarverslag's key figures (src/lib/jaarverslag-kerncijfers.ts) on a small hand-made set
// of published tables with known answers: the change and the rate per 1.000 from published
// cells, ONDERDRUKT where a cell is suppressed (and then no change or rate), a sum of parts
// only when every part is published, a break in the series and another membership as a
// reason instead of a change, and the official percentage of the latest year that has one.
import { describe, test, expect } from "vitest";
import { datum, ONDERDRUKT } from "../../src/lib/format.ts";
import { kerncijfers, somVan, eersteBekende, verandering, per1000, type KernRij } from "../../src/lib/jaarverslag-kerncijfers.ts";
import { REGIO, type JvData, type JvJaar, type Rij } from "../../src/lib/jaarverslag-data.ts";
import type { Dekking } from "../../src/lib/lidmaatschap.ts";
import { kerncijfersElement, ontwikkelingElement, veranderingTekst } from "../../src/components/jaarverslag-kern.ts";

const G = "GM0001";
const JAREN = ["2023-2024", "2024-2025", "2025-2026"];
const X = { onderdrukt: true } as const;

/** One schooljaar's published tables: REGIO and G, with the given counts (null = suppressed). */
function jaar(sj: string, c: {
  leerlingen: [number | null, number | null][]; leerlingenTotaal: [number | null, number | null]; leerplichtig: [number, number]; meldingen: [number, number | null];
  thuiszitters: [number, number | null]; vrijstellingen: [number | null, number | null][]; dspSoort: [number | null, number | null][];
  dspResultaat: [number | null, number | null][]; vsv: [number, number]; trajecten: [number, number];
}, dekking?: Dekking): JvJaar {
  const cel = (gemeente: string, extra: Rij, kolom: string, v: number | null): Rij => ({ gemeente, schooljaar: sj, ...extra, [kolom]: v, ...(v === null ? X : {}) });
  const beide = (extra: Rij, kolom: string, [r, g]: [number | null, number | null]) => [cel(REGIO, extra, kolom, r), cel(G, extra, kolom, g)];
  const t = (id: string, rijen: Rij[]) => ({ id, titel: id, rijen });
  return {
    leden: [G], dekking, teksten: {}, gemeenteTeksten: {},
    tabellen: [
      t("leerlingen", [...c.leerlingen.flatMap((p, i) => beide({ onderwijssoort: `S${i}` }, "leerlingen", p)),
        ...beide({ onderwijssoort: "TOTAAL" }, "leerlingen", c.leerlingenTotaal)]),
      t("doelgroepen", beide({ doelgroep: "LEERPLICHTIG" }, "jongeren", c.leerplichtig)),
      t("inzet", beide({ functie: "LEERPLICHTAMBTENAAR", fte: 1 }, "meldingen", c.meldingen)),
      t("thuiszitters_totaal", beide({ soort: "TOTAAL" }, "jongeren", c.thuiszitters)),
      t("vrijstellingen", c.vrijstellingen.flatMap((p, i) => beide({ artikel: `A${i}` }, "vrijstellingen", p))),
      t("verzuimmeldingen", c.dspSoort.flatMap((p, i) => beide({ regeling: "DOORSTROOMPUNT", verzuimsoort: `V${i}` }, "meldingen", p))),
      t("doorstroompunt_preventief_resultaat", c.dspResultaat.flatMap((p, i) => beide({ resultaat: `R${i}` }, "meldingen", p))),
      t("vsv_benaderd", beide({ categorie: "TOTAAL" }, "jongeren", c.vsv).map((r, i) => ({ ...r, trajecten: c.trajecten[i] }))),
      // Every year's table has the official series so far (OCW publishes a year later).
      t("vsv_percentage", JAREN.filter((j) => j < "2025-2026" && j <= sj).flatMap((j) => [
        { gemeente: REGIO, schooljaar: j, percentage: j === "2023-2024" ? 1.84 : 1.94 }, { gemeente: G, schooljaar: j, percentage: 1.5 }])),
    ],
  };
}

const basis = {
  leerlingen: [[900, 90], [100, 10]] as [number, number][], leerlingenTotaal: [1000, 100] as [number, number], leerplichtig: [2000, 200] as [number, number],
  vrijstellingen: [[30, 3], [10, 1]] as [number, number][], dspSoort: [[40, 4], [10, 1]] as [number, number][],
  dspResultaat: [[45, 4], [5, 1]] as [number, number][],
};

function data(dekking?: (sj: string) => Dekking): JvData {
  return {
    regio: "Testregio", minimumCel: 5, gemeenten: [{ code: G, naam: "Eerstedorp" }], schooljaren: JAREN,
    jaren: {
      "2023-2024": jaar("2023-2024", { ...basis, meldingen: [100, 10], thuiszitters: [40, 8], vsv: [300, 30], trajecten: [310, 31] }, dekking?.("2023-2024")),
      "2024-2025": jaar("2024-2025", {
        ...basis, meldingen: [120, 12], thuiszitters: [50, null], vsv: [330, 33], trajecten: [340, 34],
        leerlingen: [[950, 95], [100, null]], leerlingenTotaal: [1050, 105], vrijstellingen: [[40, null], [10, 2]], dspSoort: [[50, null], [10, null]], dspResultaat: [[55, 6], [5, 0]],
      }, dekking?.("2024-2025")),
      "2025-2026": jaar("2025-2026", { ...basis, meldingen: [110, 11], thuiszitters: [60, 9], vsv: [600, 60], trajecten: [620, 62] }, dekking?.("2025-2026")),
    },
  };
}

const rij = (rs: KernRij[], id: string) => rs.find((r) => r.id === id)!;

describe("the arithmetic on published values", () => {
  test("a sum is ONDERDRUKT as soon as one part is; a change or rate that needs a suppressed cell is ONDERDRUKT", () => {
    expect(somVan([3, 4, 0])).toBe(7);
    expect(somVan([3, ONDERDRUKT, 4])).toBe(ONDERDRUKT);
    expect(somVan([null, null])).toBeNull();
    expect(eersteBekende([ONDERDRUKT, 60])).toBe(60);
    expect(eersteBekende([ONDERDRUKT, null])).toBe(ONDERDRUKT);
    expect(verandering(120, 100)).toEqual({ verschil: 20, relatief: 0.2 });
    expect(verandering(5, 0)).toEqual({ verschil: 5, relatief: null });
    expect(verandering(ONDERDRUKT, 100)).toEqual({ verschil: ONDERDRUKT, relatief: null });
    expect(per1000(120, 2000)).toBe(60);
    expect(per1000(ONDERDRUKT, 2000)).toBe(ONDERDRUKT);
    expect(per1000(12, 0)).toBeNull();
  });
});

describe("key figures of a schooljaar", () => {
  test("the regio: change and per 1.000 from the published cells", () => {
    const k = kerncijfers(data(), "2024-2025", REGIO, datum);
    expect(k.jaren).toEqual(["2023-2024", "2024-2025"]);
    const v = rij(k.rijen, "verzuimmeldingen");
    expect([v.nu, v.vorig, v.verschil, v.relatief]).toEqual([120, 100, 20, 0.2]);
    expect(v.per1000).toEqual({ naam: "leerplichtigen", nu: 60, vorig: 50 });
    expect(rij(k.rijen, "leerlingen").nu).toBe(1050);
    expect(rij(k.rijen, "vrijstellingen").nu).toBe(50);
    expect(rij(k.rijen, "doorstroompunt").nu).toBe(60);
    expect(veranderingTekst(v)).toBe("↑ +20 (+20,0 %) t.o.v. 2023-2024");
  });

  test("a gemeente: a suppressed cell is •, and so are its change and rate; a sum with a suppressed part is •", () => {
    const k = kerncijfers(data(), "2024-2025", G, datum);
    const tz = rij(k.rijen, "thuiszitters");
    expect([tz.nu, tz.vorig, tz.verschil, tz.relatief]).toEqual([ONDERDRUKT, 8, ONDERDRUKT, null]);
    expect(tz.per1000?.nu).toBe(ONDERDRUKT);
    expect(veranderingTekst(tz)).toBe("verschil met 2023-2024: • (afgeschermd)");
    // The published total, though one onderwijssoort is hidden (the table has its total).
    expect(rij(k.rijen, "leerlingen").nu).toBe(105);
    expect(rij(k.rijen, "vrijstellingen").nu).toBe(ONDERDRUKT);
    // Per verzuimsoort hidden, per resultaat all published: that sum is the same total.
    expect(rij(k.rijen, "doorstroompunt").nu).toBe(6);
  });

  test("across a break in the series no change, but the break; the series marks the year after it", () => {
    const k = kerncijfers(data(), "2025-2026", REGIO, datum);
    expect(k.jaren).toEqual(JAREN);
    const b = rij(k.rijen, "vsv_benaderd");
    expect([b.nu, b.vorig, b.verschil]).toEqual([600, 330, null]);
    expect(b.geenVergelijking).toEqual({ soort: "breuk", tekst: "breuk in de reeks: Wet van school naar duurzaam werk (vanaf 1 januari 2026)" });
    expect(Object.fromEntries(Object.entries(b.breukVoor).map(([j, bs]) => [j, bs.length]))).toEqual({ "2023-2024": 0, "2024-2025": 0, "2025-2026": 1 });
    expect(rij(k.rijen, "vsv_trajecten").verschil).toBeNull();
    // A figure without a break compares as usual.
    expect(rij(k.rijen, "verzuimmeldingen").verschil).toBe(-10);
  });

  test("the official percentage: the latest schooljaar that has one, its change in procentpunten", () => {
    const p = rij(kerncijfers(data(), "2025-2026", REGIO, datum).rijen, "vsv_percentage");
    expect([p.jaar, p.vorigJaar, p.nu, p.vorig]).toEqual(["2024-2025", "2023-2024", 1.94, 1.84]);
    expect(p.verschil).toBeCloseTo(0.1, 10);
    expect(veranderingTekst(p)).toBe("↑ +0,10 procentpunt t.o.v. 2023-2024");
  });

  test("another membership of the regio: no change, the reason (the official percentage is not touched)", () => {
    const dk = (sj: string): Dekking => ({
      schooljaar: sj, peildatum: `${sj.slice(0, 4)}-10-15`,
      gemeenten: [{ code: G, naam: "Eerstedorp", van: `${sj.slice(0, 4)}-08-01`, tot: `${sj.slice(5)}-07-31`, heelJaar: sj !== "2024-2025", peildatum: `${sj.slice(0, 4)}-10-15` }],
    });
    const k = kerncijfers(data(dk), "2024-2025", REGIO, datum);
    const v = rij(k.rijen, "verzuimmeldingen");
    expect(v.verschil).toBeNull();
    expect(v.geenVergelijking?.soort).toBe("lid");
    expect(k.anderLid).toEqual({ "2023-2024": null, "2024-2025": expect.stringContaining("Eerstedorp") });
    expect(rij(k.rijen, "vsv_percentage").verschil).toBeCloseTo(0.1, 10);
  });
});

describe("as printed", () => {
  test("the page of key figures: a card per figure, each reason for no change once, the break explained", () => {
    const k = kerncijfers(data(), "2025-2026", REGIO, datum);
    const e = kerncijfersElement(k, { document, wie: "de regio", legenda: "• = afgeschermd." });
    expect(e.querySelectorAll(".kern-kaart")).toHaveLength(9);
    const kaart = (id: string) => e.querySelector(`#kern-${id}`)!.textContent!;
    expect(kaart("vsv_benaderd")).toContain("600");
    expect(kaart("vsv_benaderd")).toContain("geen vergelijking met 2024-2025 ¹");
    expect(kaart("vsv_trajecten")).toContain("geen vergelijking met 2024-2025 ¹");
    expect(kaart("verzuimmeldingen")).toContain("↓ -10 (-8,3 %) t.o.v. 2024-2025");
    expect(kaart("verzuimmeldingen")).toContain("55,0 per 1.000 leerplichtigen (2024-2025: 60,0)");
    expect(kaart("vsv_percentage")).toContain("cijfer over 2024-2025");
    expect(e.textContent).toContain("¹ Geen vergelijking: breuk in de reeks: Wet van school naar duurzaam werk (vanaf 1 januari 2026).");
    expect(e.querySelectorAll(".jv-breuk")).toHaveLength(1);
  });

  test("the development: every schooljaar, the value after a break marked, a chart per figure with figures", () => {
    const k = kerncijfers(data(), "2025-2026", G, datum);
    const e = ontwikkelingElement(k, { document, wie: "Eerstedorp", legenda: "", width: 660 });
    const kop = [...e.querySelectorAll("thead th")].map((x) => x.textContent);
    expect(kop).toEqual(["Kerncijfer", ...JAREN]);
    const regel = [...e.querySelectorAll("tbody tr")].find((r) => r.querySelector("th")!.textContent === "Thuiszitters")!;
    expect([...regel.querySelectorAll("td")].map((x) => x.textContent)).toEqual(["8", ONDERDRUKT, "9"]);
    const vsv = [...e.querySelectorAll("tbody tr")].find((r) => r.querySelector("th")!.textContent === "VSV'ers benaderd")!;
    expect([...vsv.querySelectorAll("td")].map((x) => x.textContent)).toEqual(["30", "33", "60 *"]);
    expect(e.textContent).toContain("* Breuk in de reeks vóór dit schooljaar");
    expect(e.querySelectorAll("figure.kern-grafiek svg")).toHaveLength(9);
  });
});
