// @vitest-environment jsdom
// The verdeling page's components render the loader's data (charts with bars, tables with a
// row per gemeente and the totals), in a DOM without a browser.
import { describe, it, expect } from "vitest";
import { kleineRegio, KLEINE_SCORES } from "../fixtures/verdeling-klein.ts";
import { maakVerdeling } from "../../loaders/marts/verdeling.ts";
import { scenario } from "../../src/lib/verdeling.ts";
import { BedragChart, VerschilChart, verdelingTabel, scenarioTabel, verschilTicks } from "../../src/components/verdelingChart.ts";

const regio = kleineRegio();
const scores = KLEINE_SCORES;

describe("verdeling components", () => {
  it("render the verdeling of a year with the change against the previous year", () => {
    const v = maakVerdeling(regio, scores, 2026);
    // 2026: 850 split 1 : 1 → 425, 425 + 50; 2025: 900 split 2 : 1 → 600, 300.
    expect(v.gemeenten.map((g) => g.bedrag)).toEqual([425, 475]);
    const chart = BedragChart(v.gemeenten, { width: 640 });
    expect(chart.querySelectorAll("rect").length).toBeGreaterThanOrEqual(2);
    expect(chart.textContent).toContain("€ 475");
    const t = verdelingTabel(v.gemeenten, { jaar: v.jaar, vorigJaar: v.vorigJaar, risicoscoreJaar: v.risicoscoreJaar });
    const rijen = [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rijen).toEqual([
      ["Aastad", "1,0", "50,0 %", "€ 0", "€ 425", "€ 600", "-€ 175", "-29,2 %"],
      ["Beedorp", "1,0", "50,0 %", "€ 50", "€ 475", "€ 300", "+€ 175", "+58,3 %"],
    ]);
    expect([...t.querySelectorAll("thead th")].map((c) => c.textContent)).toEqual([
      "Gemeente", "Risicoscore CBS 2022", "Aandeel", "Vaste voet", "Bedrag 2026", "Bedrag 2025", "Verschil", "Verschil %",
    ]);
    const totaal = [...t.querySelectorAll("tfoot th, tfoot td")].map((c) => c.textContent);
    expect(totaal).toEqual(["Totaal", "", "100,0 %", "€ 50", "€ 900", "€ 900", "€ 0", "0,0 %"]);
  });

  it("render a scenario's gains and losses", () => {
    const v = maakVerdeling(regio, scores, 2026);
    const sc = scenario({ huidig: v.gemeenten, gemeentelijk: 900, risicoscoreJaar: 2021, risicoscores: scores, vasteVoet: {} });
    expect(sc.vergelijking.map((g) => [g.naam, g.verschil])).toEqual([["Aastad", 175], ["Beedorp", -175]]);
    const chart = VerschilChart(sc.vergelijking, { width: 640 });
    expect(chart.querySelectorAll("rect").length).toBeGreaterThanOrEqual(2);
    expect(chart.textContent).toContain("+€ 175");
    expect(chart.textContent).toContain("-€ 175");
    // No change: no bars (a symmetric scale around 0), not full-width ones.
    const gelijk = scenario({ huidig: v.gemeenten, gemeentelijk: 900, risicoscoreJaar: 2022, risicoscores: scores, vasteVoet: { GM0002: 50 } });
    const nul = VerschilChart(gelijk.vergelijking, { width: 640 });
    expect([...nul.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width") ?? 0))).toEqual([0, 0]);
    // …and one tick, 0: not "-1 -1 -0 0 0 1 1" from ticks at half euros rounded.
    // (toegankelijk() strips Plot's aria-labels; the x tick labels are the texts that are bare numbers.)
    const tickTeksten = (svg: Element) => [...svg.querySelectorAll("text")].map((t) => t.textContent ?? "").filter((t) => /^-?[\d.]+$/.test(t));
    const nulTicks = tickTeksten(nul);
    expect(nulTicks).toEqual(["0"]);
    expect(verschilTicks([{ verschil: 0 }], 640)).toEqual([0]);
    // Small differences: whole euros only, each label once.
    expect(verschilTicks([{ verschil: 2 }, { verschil: -1 }], 640)).toEqual([-2, -1, 0, 1, 2]);
    const klein = tickTeksten(VerschilChart([{ code: "GM0001", naam: "A", was: 10, wordt: 12, verschil: 2, verschilRelatief: 0.2 }], { width: 390 }));
    expect(klein.length).toBeGreaterThan(1);
    expect(new Set(klein).size).toBe(klein.length);
    const t = scenarioTabel(sc.vergelijking, sc.uitkomst.gemeenten);
    expect([...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ["Aastad", "2,0", "66,7 %", "€ 0", "€ 425", "€ 600", "+€ 175", "+41,2 %"],
      ["Beedorp", "1,0", "33,3 %", "€ 0", "€ 475", "€ 300", "-€ 175", "-36,8 %"],
    ]);
  });
});
