// @vitest-environment jsdom
// The BBV page's components: the chart with its marges, the table and the download.
import { describe, it, expect } from "vitest";
import { BbvTrend, bbvTabel, bbvDownload, bbvTekst, type BbvRij } from "../../src/components/bbv.ts";

const r = (gemeente: string, schooljaar: string, indicator: BbvRij["indicator"], teller: number | null, noemer: number | null, waarde: number | null, onder: number | null = null, boven: number | null = null): BbvRij =>
  ({ gemeente, schooljaar, indicator, teller, noemer, waarde, onder, boven, ...(waarde == null ? { onderdrukt: true as const } : {}) });
const ROWS: BbvRij[] = [
  r("GM0001", "2024-2025", "ABSOLUUT_VERZUIM", 20, 2000, 10, 6.11, 15.44), r("REGIO", "2024-2025", "ABSOLUUT_VERZUIM", 40, 10000, 4, 2.86, 5.45),
  r("GM0001", "2025-2026", "ABSOLUUT_VERZUIM", null, 2000, null), r("REGIO", "2025-2026", "ABSOLUUT_VERZUIM", 35, 10000, 3.5, 2.44, 4.87),
  r("GM0001", "2023-2024", "VSV", 45, 1500, 3, 2.19, 4.01), r("REGIO", "2023-2024", "VSV", 60, 3000, 2, 1.53, 2.57),
  r("LANDELIJK", "2023-2024", "VSV", 20200, 1010000, 2, 1.97, 2.03),
];

describe("BBV components", () => {
  it("bbvTekst: the value, • when suppressed, – when absent", () => {
    expect(bbvTekst(ROWS[0], 5)).toBe("10,0");
    expect(bbvTekst(ROWS[2], 5)).toBe("•");
    expect(bbvTekst(undefined, 5)).toBe("–");
    expect(bbvTekst(ROWS[4], 5)).toBe("3,00");
  });

  it("the verzuim table: marge, regio, and the gemeente against the rest of the regio (20 of 2.000 against 20 of 8.000: higher)", () => {
    const t = bbvTabel(ROWS, { gemeente: "GM0001", indicator: "ABSOLUUT_VERZUIM", naam: "Alfa", minimumCel: 5 }) as HTMLElement;
    const rijen = [...t.querySelectorAll("tbody tr")].map((x) => [...x.children].map((c) => c.textContent));
    expect(rijen).toEqual([["2024-2025", "10,0", "6,1–15,4", "4,0", "hoger"], ["2025-2026", "•", "–", "3,5", "–"]]);
  });

  it("the vsv table has Nederland", () => {
    const t = bbvTabel(ROWS, { gemeente: "GM0001", indicator: "VSV", naam: "Alfa", minimumCel: 5 }) as HTMLElement;
    expect([...t.querySelectorAll("thead th")].map((c) => c.textContent)).toContain("Nederland");
    expect([...t.querySelectorAll("tbody td")].map((c) => c.textContent)).toEqual(["3,00", "2,19–4,01", "2,00", "2,00"]);
  });

  it("the chart draws a marge per published value, at phone width", () => {
    const el = BbvTrend(ROWS, { width: 390, gemeente: "GM0001", indicator: "ABSOLUUT_VERZUIM", naam: "Alfa", regio: "Regio" }) as unknown as Element;
    expect(el.querySelectorAll("g.marge line")).toHaveLength(3);
    const vsv = BbvTrend(ROWS, { width: 390, gemeente: "GM0001", indicator: "VSV", naam: "Alfa", regio: "Regio" }) as unknown as Element;
    expect(vsv.querySelectorAll("g.marge line")).toHaveLength(3);
  });

  it("the download: names, definitions, • for a suppressed count", () => {
    const { rijen } = bbvDownload(ROWS, (c) => (c === "GM0001" ? "Alfa" : c));
    expect(rijen[2]).toMatchObject({ indicator: "Absoluut verzuim", naam: "Alfa", teller: "•", waarde: "•", noemer: 2000 });
    expect(String(rijen[0].definitie)).toMatch(/niet staat ingeschreven/);
  });
});
