// @vitest-environment jsdom
// Breaks in a series over schooljaren (src/lib/breuken.ts breukenInReeks): where the rule
// stands, how the lines stop, and what the trend explorer and the per-1.000 chart say about it.
import { describe, test, expect } from "vitest";
import { breukenInReeks, reeksBreukTekst, type Breuk } from "../../src/lib/breuken.ts";
import { reeksBreuken, trendPunten, trendSamenvatting, trendTabel, TrendChart, type TrendData } from "../../src/components/trends.ts";
import { VergelijkTrend, vergelijkTrendTabel, kerncijferBreuken, type KerncijferRij } from "../../src/components/dashboard.ts";
import { puntStap } from "../../src/components/breukmarkering.ts";

const B: Breuk = { id: "b", datum: "2026-01-01", naam: "Nieuwe wet", uitleg: "Vanaf 1 januari 2026 telt een grotere groep.", maten: ["x"] };
const JAREN = ["2023-2024", "2024-2025", "2025-2026", "2026-2027"];

describe("breukenInReeks", () => {
  test("a break between two peildata stands between their schooljaren; the stretches after it count on", () => {
    // A stock on 15 October: the break of 1 January 2026 lies between 2025-10-15 and 2026-10-15.
    const r = breukenInReeks(JAREN, (a, b) => (a === "2025-2026" && b === "2026-2027" ? [B] : []));
    expect([...r.segment.values()]).toEqual([0, 0, 0, 1]);
    expect(r.markeringen).toEqual([{ breuk: B, schooljaar: "2026-2027", ervoor: true }]);
    expect(reeksBreukTekst(r)).toBe("Breuk in de reeks (Nieuwe wet) tussen 2025-2026 en 2026-2027: Vanaf 1 januari 2026 telt een grotere groep.");
  });
  test("a flow over a schooljaar that holds the break compares with neither neighbour: the rule stands on that year", () => {
    const r = breukenInReeks(JAREN, (a, b) => (b === "2025-2026" || a === "2025-2026" ? [B] : []));
    expect([...r.segment.values()]).toEqual([0, 0, 1, 2]);
    expect(r.markeringen).toEqual([{ breuk: B, schooljaar: "2025-2026", ervoor: false }]);
    // The series ends in that year: still in it, when the figure counts over the schooljaar; between, when on a date.
    const kort = JAREN.slice(0, 3);
    const tussen = (a: string, b: string) => (b === "2025-2026" ? [B] : []);
    expect(breukenInReeks(kort, tussen, () => true).markeringen).toEqual([{ breuk: B, schooljaar: "2025-2026", ervoor: false }]);
    expect(breukenInReeks(kort, tussen).markeringen).toEqual([{ breuk: B, schooljaar: "2025-2026", ervoor: true }]);
    expect(reeksBreukTekst(r)).toMatch(/^Breuk in de reeks \(Nieuwe wet\) in 2025-2026, dat deels voor en deels na de wijziging telt: /);
  });
  test("without a break: one stretch and nothing to say", () => {
    const r = breukenInReeks(JAREN, () => []);
    expect([...r.segment.values()]).toEqual([0, 0, 0, 0]);
    expect(reeksBreukTekst(r)).toBe("");
  });
  test("half a step on a point scale, as Plot places the points", () => {
    // 4 points over 300 px with padding 0.5: 4 - 1 + 1 = 4 steps of 75.
    expect(puntStap(4, 0, 300, 0.5)).toBe(75);
    expect(puntStap(3, 0, 240, 0.2)).toBeCloseTo(100, 10);
  });
});

const k = (gemeente: string, schooljaar: string, maat: string, waarde: number): KerncijferRij => ({ gemeente, schooljaar, maat, waarde });
// VSV'ers benaderd (trajecten over the schooljaar): 2025-2026 holds 1 January 2026.
const DATA: TrendData = {
  regio: "Testregio", minimumCel: 5,
  gemeenten: [{ code: "GM0001", naam: "Aastad", vanaf: null, tot: null }],
  schooljaren: ["2023-2024", "2024-2025", "2025-2026"],
  kerncijfers: [
    ["2023-2024", 100, 2000], ["2024-2025", 110, 2000], ["2025-2026", 190, 2000],
  ].flatMap(([sj, n, j]) => [k("GM0001", sj as string, "vsv_benaderd", n as number), k("GM0001", sj as string, "jongeren", j as number),
    k("REGIO", sj as string, "vsv_benaderd", n as number), k("REGIO", sj as string, "jongeren", j as number)]),
  monitor: [],
};
const KEUZE = { onderwerp: "vsv_benaderd", doelgroep: "vsv_benaderd", gemeenten: ["GM0001", "REGIO"], schooljaren: DATA.schooljaren, schaal: "aantal" as const };

describe("the trend explorer marks a break", () => {
  const breuken = reeksBreuken(DATA, KEUZE);
  const punten = trendPunten(DATA, KEUZE);
  test("by the cards' rule: trajecten over 2025-2026 straddle the Wet van school naar duurzaam werk", () => {
    expect(breuken.markeringen.map((m) => [m.breuk.id, m.schooljaar, m.ervoor])).toEqual([["wet-sdw", "2025-2026", false]]);
    // A doelgroep on a peildatum of 15 October before and after: no break between 2023 and 2025.
    expect(reeksBreuken(DATA, { ...KEUZE, onderwerp: "doelgroep", doelgroep: "neet" }).markeringen).toEqual([]);
  });
  test("a monitor figure (its last moment of the schooljaar) breaks between the two moments only", () => {
    const m = (moment: string, schooljaar: string) => ({ gemeente: "REGIO", moment, schooljaar, groep: "JIKP", jongeren: 50, niet_in_beeld: 5 });
    const monitor = [m("2025-05-01", "2024-2025"), m("2026-05-01", "2025-2026"), m("2027-05-01", "2026-2027")];
    const jaren = ["2024-2025", "2025-2026", "2026-2027"];
    for (const [o, d] of [["niet_in_beeld", "JIKP"], ["niet_in_beeld", "alle"], ["in_monitor", "VSV"]]) {
      const r = reeksBreuken({ ...DATA, monitor }, { onderwerp: o, doelgroep: d, schooljaren: jaren });
      expect(r.markeringen.map((x) => [x.schooljaar, x.ervoor]), `${o} ${d}`).toEqual([["2025-2026", true]]);
      expect([...r.segment.values()]).toEqual([0, 1, 1]);
    }
  });
  test("the sentence gives no growth across it and says why", () => {
    const zin = trendSamenvatting(punten, { titel: "VSV'ers benaderd", eenheidTekst: "aantal", schaal: "aantal", breuken });
    expect(zin).not.toContain("ging van 100");
    expect(zin).toContain("De hele regio: 190 in 2025-2026.");
    expect(zin).toContain("Breuk in de reeks (Wet van school naar duurzaam werk) in 2025-2026");
    // Without the break, the same numbers would read as growth of 90.
    expect(trendSamenvatting(punten, { titel: "X", eenheidTekst: "aantal", schaal: "aantal" })).toContain("ging van 100 in 2023-2024 naar 190 in 2025-2026 (+90)");
  });
  test("the chart draws a labelled rule and stops the lines there; the table's caption says it", () => {
    const svg = (TrendChart(punten, { width: 640, eenheidTekst: "aantal", beschrijving: "X", breuken }) as Element);
    expect(svg.textContent).toContain("breuk: Wet van school naar duurzaam werk");
    expect(svg.querySelectorAll("line[stroke='#8a6d00']").length + svg.querySelectorAll("[stroke='#8a6d00'] line").length).toBeGreaterThan(0);
    // The regio's line in two stretches: 2023-2024 to 2024-2025, and 2025-2026 alone.
    const regio = [...svg.querySelectorAll("g[stroke='#1b1b1b'] path")].map((p) => p.getAttribute("d")!);
    expect(regio.length).toBe(2);
    expect(regio.map((d) => d.split("L").length)).toEqual([2, 1]);
    expect((TrendChart(punten, { width: 390, eenheidTekst: "aantal", beschrijving: "X", breuken }) as Element).textContent).toContain("breuk");
    expect(trendTabel(punten, { bijschrift: "T", schaal: "aantal", minimumCel: 5, breuken }).querySelector("caption")!.textContent).toMatch(/^T\. Breuk in de reeks/);
  });
});

describe("the per-1.000 chart of a gemeente marks a break", () => {
  test("rule, label, description and caption", () => {
    const el = VergelijkTrend(DATA.kerncijfers, { width: 640, gemeente: "GM0001", maat: "vsv_benaderd", naam: "Aastad", regio: "Regio" }) as Element;
    expect(el.textContent).toContain("breuk: Wet van school naar duurzaam werk");
    expect(el.getAttribute("aria-label") ?? el.querySelector("svg")!.getAttribute("aria-label")).toContain("Breuk in de reeks");
    const t = vergelijkTrendTabel(DATA.kerncijfers, { gemeente: "GM0001", maat: "vsv_benaderd", naam: "Aastad", schooljaren: DATA.schooljaren });
    expect(t.querySelector("caption")!.textContent).toContain("Breuk in de reeks (Wet van school naar duurzaam werk) in 2025-2026");
    expect(kerncijferBreuken("neet", DATA.schooljaren).markeringen).toEqual([]);
  });
});
