// @vitest-environment jsdom
// Charts on a phone (390 px): no negative sizes, long labels wrapped instead of cut off,
// grouped bars that name their series once, month labels that do not run together.
import { describe, it, expect } from "vitest";
import { afbreken, regelsNodig } from "../../src/lib/afbreken.ts";
import { StaafGrafiek, MaandGrafiek, LijnGrafiek, marges, staafAs, TEKEN } from "../../src/components/jaarverslag-charts.ts";
import { getal } from "../../src/lib/format.ts";
import { TrechterChart } from "../../src/components/monitorCharts.ts";

const breedtes = (svg: Element) => [...svg.querySelectorAll("rect")].map((r) => Number(r.getAttribute("width") ?? 0));
// The text of each label without its tooltip (<title>).
const teksten = (svg: Element) => [...svg.querySelectorAll("text")].map((t) => [...t.childNodes].filter((n) => n.nodeName.toLowerCase() !== "title").map((n) => n.textContent).join(""));

describe("afbreken", () => {
  it("wraps at spaces, keeps a long word whole", () => {
    expect(afbreken("Artikel 5 onder a (lichamelijke of psychische gronden)", 20)).toBe("Artikel 5 onder a\n(lichamelijke of\npsychische gronden)");
    expect(afbreken("Kort", 20)).toBe("Kort");
    expect(afbreken("Toegankelijkheidsverklaring nu", 10)).toBe("Toegankelijkheidsverklaring\nnu");
    expect(regelsNodig(["a b c", "Kort"], 3)).toBe(2);
  });
  it("the bars' axis: every value label ends inside the chart, and the tick labels have room", () => {
    // Jongeren per doelgroep at 390 px (the chart is 330 wide): 53.136 with its series name.
    const data = [{ x: 53136, label: "2024-2025: 53.136" }, { x: 7995, label: "7.995" }, { x: 530, label: "530" }];
    const m = marges(330, 240, 160);
    const binnen = 330 - m.links - m.rechts;
    const t = staafAs(data, binnen, m.rechts, 0);
    const eind = t[t.length - 1];
    for (const d of data) expect((d.x / eind) * binnen + d.label.length * TEKEN + 4).toBeLessThanOrEqual(binnen + m.rechts);
    const plaats = binnen / (t.length - 1);
    expect(Math.max(...t.map((x) => getal(x).length * TEKEN))).toBeLessThan(plaats);
    // Wide: the axis ends just past the largest bar, with up to six ticks.
    const wijd = staafAs([{ x: 53136, label: "53.136" }], 600, 160, 0);
    expect(wijd).toEqual([0, 10000, 20000, 30000, 40000, 50000, 60000]);
  });

  it("margins leave the bars room at any width", () => {
    expect(marges(390, 240, 160)).toEqual({ links: 148, rechts: 85 });
    expect(marges(1280, 240, 160)).toEqual({ links: 240, rechts: 160 });
  });
});

describe("charts at 390 px", () => {
  const artikelen = ["Artikel 3a", "Artikel 5 onder a (lichamelijke of psychische gronden)", "Artikel 5 onder b (bedenkingen tegen de richting)", "Artikel 5 onder c (school buiten Nederland)"];

  it("bars: no negative width, the long article wrapped, not cut", () => {
    const svg = StaafGrafiek(artikelen.flatMap((c) => ["2023-2024", "2024-2025"].map((serie, i) => ({ categorie: c, serie, waarde: 100 * (i + 1) }))), { width: 390, beschrijving: "x" });
    expect(breedtes(svg).every((w) => w >= 0)).toBe(true);
    const alle = teksten(svg).join("|");
    expect(alle).toContain("(lichamelijke of");
    expect(alle).not.toMatch(/^der a/m);
    const enkel = StaafGrafiek(artikelen.map((c) => ({ categorie: c, waarde: 1234567 })), { width: 390, beschrijving: "x" });
    expect(breedtes(enkel).every((w) => w >= 0)).toBe(true);
  });

  it("grouped bars name each series once", () => {
    const soorten = ["PO", "SBO", "SO", "VO", "PrO", "VSO", "MBO", "HO", "Geen"];
    const svg = StaafGrafiek(soorten.flatMap((c) => [{ categorie: c, serie: "Absoluut", waarde: 0 }, { categorie: c, serie: "LRV", waarde: 3 }]), { width: 390, beschrijving: "x" });
    expect(teksten(svg).filter((t) => t === "Absoluut: 0")).toHaveLength(1);
    expect(teksten(svg).filter((t) => t.startsWith("LRV"))).toHaveLength(1);
  });

  it("months: short labels, every other one when crowded, names above the rows", () => {
    const maanden = ["2023-08", "2023-09", "2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"];
    const svg = MaandGrafiek(["Wettelijk verzuim", "Luxe verzuim"].flatMap((lijn) => maanden.map((x) => ({ lijn, x, waarde: 123 }))),
      { width: 390, beschrijving: "x", xLabels: (x) => ({ "08": "aug", "09": "sep", "10": "okt", "11": "nov", "12": "dec", "01": "jan", "02": "feb", "03": "mrt", "04": "apr", "05": "mei", "06": "jun", "07": "jul" })[x.slice(5)] + " " + x.slice(0, 4) });
    const t = teksten(svg);
    expect(t).not.toContain("aug 2023");
    expect(t).toContain("aug");
    expect(t).toContain("Luxe verzuim");
    expect(breedtes(svg).every((w) => w >= 0)).toBe(true);
  });

  it("lines: short schooljaren when five or more do not fit", () => {
    const jaren = ["2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025"];
    const t = teksten(LijnGrafiek(jaren.map((x) => ({ lijn: "Regio", x, waarde: 1.8 })), { width: 390, beschrijving: "x", decimalen: 1 }));
    expect(t).toContain("21-22");
    expect(teksten(LijnGrafiek(jaren.map((x) => ({ lijn: "Regio", x, waarde: 1.8 })), { width: 1280, beschrijving: "x", decimalen: 1 }))).toContain("2021-2022");
  });

  it("funnel: step names wrapped within the chart", () => {
    const svg = TrechterChart([
      { stap: "TOTAAL", min: 1000, max: 1000, exact: true, afvallend: [] },
      { stap: "NIET_IN_BEELD", min: 20, max: 20, exact: true, afvallend: [] },
    ] as never, { width: 390 });
    const el = svg instanceof Element ? svg : (svg as unknown as Element);
    expect(breedtes(el).every((w) => w >= 0)).toBe(true);
  });
});
