// @vitest-environment jsdom
// The duiding page's components: the funnel plot, its table, the sentences and the download.
import { describe, it, expect } from "vitest";
import { Funnel, trechterLijnen, verwachtTabel, verwachtZinnen, verwachtDownload, type VerwachtRij } from "../../src/components/duiding.ts";
import { trechterGrenzen } from "../../src/lib/statistiek.ts";

const rij = (gemeente: string, naam: string, verwacht: number, vsv: number | null, oordeel: VerwachtRij["oordeel"]): VerwachtRij => ({
  gemeente, naam, jaar: 2023, schooljaar: "2023-2024", aantal_jongeren: 1000, verwacht, deelnemers: 1000, vsv,
  verhouding: vsv == null ? null : vsv / verwacht, onder95: vsv == null ? null : 0.8, boven95: vsv == null ? null : 1.6,
  onder998: null, boven998: null, oordeel, zin: `${naam}: zin.`, ...(vsv == null ? { onderdrukt: true as const } : {}),
});
const DATA = [
  rij("GM0001", "Alfa", 27, 31, "ongeveer gelijk"), rij("GM0002", "Bèta", 5, 20, "hoger"),
  rij("GM0003", "Gamma", 10, null, null), rij("REGIO", "Regio", 42, null, null),
];

describe("trechterLijnen", () => {
  it("four curves (95 % and 99,8 %, below and above) on the given range, the limits of statistiek.ts", () => {
    const l = trechterLijnen(4, 100, 10);
    expect(l).toHaveLength(11 * 4);
    expect(new Set(l.map((d) => `${d.grens} ${d.kant}`))).toEqual(new Set(["95 % onder", "95 % boven", "99,8 % onder", "99,8 % boven"]));
    expect(l[0].verwacht).toBeCloseTo(4, 10);
    expect(l[l.length - 1].verwacht).toBeCloseTo(100, 10);
    expect(l.find((d) => d.verwacht === 100 && d.grens === "95 %" && d.kant === "boven")!.waarde).toBe(trechterGrenzen(100, 0.95).boven);
  });
});

describe("Funnel", () => {
  it("draws one dot per gemeente with a published count (not the regio, not a suppressed one), at phone width", () => {
    const el = Funnel(DATA, { width: 390 }) as unknown as Element;
    // With a legend Plot gives a figure: the chart is its last svg.
    const svg = el.tagName.toLowerCase() === "svg" ? el : [...el.querySelectorAll("svg")].at(-1)!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toMatch(/Trechtergrafiek/);
    expect(svg.querySelectorAll("g.gemeenten > *")).toHaveLength(2);
    // No names beside the dots at 390 px (they would overlap): the table has them.
    expect(svg.textContent).not.toContain("Alfa");
    expect((Funnel(DATA, { width: 800 }) as unknown as Element).textContent).toContain("Alfa");
  });
});

describe("table, sentences, download", () => {
  it("the table: • for a suppressed count, no ratio; the regio last as a sum", () => {
    const t = verwachtTabel(DATA, { schooljaar: "2023-2024", minimumCel: 5 }) as HTMLElement;
    const rijen = [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rijen).toEqual([
      ["Alfa", "31", "27,0", "1,15", "0,80–1,60", "binnen het toeval"],
      ["Bèta", "20", "5,0", "4,00", "0,80–1,60", "meer dan verwacht"],
      ["Gamma", "•", "10,0", "–", "–", "–"],
      ["Regio (som van de gemeenten)", "•", "42,0", "–", "–", "–"],
    ]);
  });

  it("one sentence per gemeente, escaped", () => {
    const el = verwachtZinnen([...DATA, rij("GM0004", "<b>Delta</b>", 3, 3, "ongeveer gelijk")], "2023-2024") as HTMLElement;
    expect([...el.querySelectorAll("li")].map((l) => l.textContent)).toEqual(["<b>Delta</b>: zin.", "Alfa: zin.", "Bèta: zin.", "Gamma: zin."]);
    expect(el.querySelector("b")).toBeNull();
  });

  it("the download marks a suppressed count with •", () => {
    const { kolommen, rijen } = verwachtDownload(DATA);
    expect(kolommen.map((k) => k.sleutel)).toContain("zin");
    expect(rijen.find((r) => r.gemeente === "GM0003")).toMatchObject({ vsv: "•", verhouding: null, oordeel: null });
    expect(rijen.find((r) => r.gemeente === "GM0002")).toMatchObject({ vsv: 20, verhouding: 4, oordeel: "meer dan verwacht" });
  });
});
