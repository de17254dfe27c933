// @vitest-environment jsdom
// The overstap page's components: shares only for a herkomst whose every part is published.
import { describe, it, expect } from "vitest";
import { OverstapBalken, overstapTabel, volledigeHerkomsten, laatsteGetoond, type OverstapRij } from "../../src/components/overstap.ts";

const r = (herkomst: string, bestemming: string, jongeren: number | null): OverstapRij => ({
  van: "2024-10-01", naar: "2025-10-01", gemeente: "GM0001", herkomst, bestemming, jongeren, ...(jongeren == null ? { onderdrukt: true as const } : {}),
});
// VO: 30 left, 20 to mbo-2 and 10 to hbo/wo; PrO: 8 left, one part suppressed.
const ROWS = [
  r("VO", "MBO_2", 20), r("VO", "HO", 10), r("VO", "TOTAAL", 30),
  r("PRO", "WERK", 5), r("PRO", "GEEN", null), r("PRO", "TOTAAL", 8),
  r("ALLE", "MBO_2", 20), r("ALLE", "HO", 10), r("ALLE", "WERK", 5), r("ALLE", "GEEN", null), r("ALLE", "TOTAAL", 38),
];
const O = { gemeente: "GM0001", van: "2024-10-01" };

describe("overstap components", () => {
  it("volledigeHerkomsten: all together, PrO and VO (VSO and mbo-1 had nobody leave)", () => {
    expect(volledigeHerkomsten(ROWS, O)).toEqual(["ALLE", "PRO", "VO"]);
    expect(volledigeHerkomsten([r("VO", "TOTAAL", null)], O)).toEqual([]);
    // A gemeente: per herkomst the total only, every destination hidden: no bar of nothing but grey.
    expect(volledigeHerkomsten([r("VO", "TOTAAL", 30), r("VO", "MBO_2", null), r("ALLE", "TOTAAL", 30), r("ALLE", "MBO_2", 30)], O)).toEqual(["ALLE"]);
  });

  it("OverstapBalken: a segment per bestemming, the suppressed parts together as one (8 − 5 = 3 for PrO)", () => {
    const el = OverstapBalken(ROWS, { width: 390, ...O }) as unknown as Element;
    const svg = [...el.querySelectorAll("svg")].at(-1)!;
    expect(svg.getAttribute("role")).toBe("img");
    // Alle: mbo-2, hbo/wo, werk, afgeschermd; VO → mbo-2, VO → hbo/wo; PrO → werk, PrO → afgeschermd.
    const balken = [...svg.querySelectorAll("rect[fill]")];
    expect(balken.length).toBe(8);
    const breedte = (kleur: string) => Number(balken.find((b) => b.getAttribute("fill") === kleur)!.getAttribute("width"));
    // Werk (ochre) 5 and afgeschermd (grey) 3 of PrO's 8: widths 5 : 3.
    expect(breedte("#e0e0e0") / breedte("#b38f00")).toBeCloseTo(3 / 5, 5);
  });

  it("laatsteGetoond: the latest period whose published destinations cover half the regio's leavers", () => {
    const t = (van: string, bestemming: string, jongeren: number | null) => ({ ...r("ALLE", bestemming, jongeren), van, gemeente: "REGIO" });
    const o = [{ van: "2024-10-01" }, { van: "2025-10-01" }];
    const vorig = [t("2024-10-01", "TOTAAL", 40), t("2024-10-01", "HO", 30), t("2024-10-01", "GEEN", null)];
    // 2025: 12 left, only 5 of them in a published cell: less than half.
    expect(laatsteGetoond([...vorig, t("2025-10-01", "TOTAAL", 12), t("2025-10-01", "HO", 5), t("2025-10-01", "GEEN", null)], o)).toBe(o[0]);
    expect(laatsteGetoond([...vorig, t("2025-10-01", "TOTAAL", 12), t("2025-10-01", "HO", 6)], o)).toBe(o[1]);
    expect(laatsteGetoond([], o)).toBe(o[1]);
  });

  it("overstapTabel: 0 where nobody went, • where suppressed", () => {
    const t = overstapTabel(ROWS, { ...O, naar: "2025-10-01", naam: "Alfa", minimumCel: 5 }) as HTMLElement;
    const rijen = Object.fromEntries([...t.querySelectorAll("tbody tr")].map((x) => {
      const c = [...x.children].map((y) => y.textContent);
      return [c[0], c.slice(1)];
    }));
    // Columns: PrO, VSO, VO, mbo-1, alle.
    expect(rijen["Mbo-2"]).toEqual(["0", "0", "20", "0", "20"]);
    expect(rijen["Geen onderwijs, geen werk bekend"]).toEqual(["•", "0", "0", "0", "•"]);
    expect(rijen["Totaal"]).toEqual(["8", "0", "30", "0", "38"]);
  });
});
