// @vitest-environment jsdom
// Only real differences are called differences: a gemeente against the rest of its regio,
// and the interval on the chart of rates.
import { describe, it, expect } from "vitest";
import { tovRegio, tovRegioTekst } from "../../src/lib/vergelijk.ts";
import { per1000Interval, per1000TovRegio, VergelijkTrend, vergelijkTrendTabel, kerncijferKaarten } from "../../src/components/dashboard.ts";

describe("tovRegio", () => {
  it("9,2 against 8,6 per 1.000 is about equal: 46 of 5.000 in a regio of 476 of 55.000", () => {
    expect(tovRegio({ aantal: 46, noemer: 5000 }, { aantal: 476, noemer: 55000 })).toBe("ongeveer gelijk");
  });

  it("compares with the rest of the regio: a gemeente that is half the regio", () => {
    // 60 of 1.000 against the rest 30 of 1.000: p ≈ 0,002. Against the whole regio (90 of 2.000,
    // 45 per 1.000) the gemeente's own count would dilute the difference.
    expect(tovRegio({ aantal: 60, noemer: 1000 }, { aantal: 90, noemer: 2000 })).toBe("hoger");
    expect(tovRegio({ aantal: 30, noemer: 1000 }, { aantal: 90, noemer: 2000 })).toBe("lager");
  });

  it("has no verdict for a suppressed count, or a rest that is empty or does not add up", () => {
    expect(tovRegio({ aantal: null, noemer: 1000 }, { aantal: 90, noemer: 2000 })).toBeNull();
    expect(tovRegio({ aantal: 10, noemer: 1000 }, { aantal: 10, noemer: 1000 })).toBeNull();
    expect(tovRegio({ aantal: 12, noemer: 1000 }, { aantal: 10, noemer: 3000 })).toBeNull();
  });

  it("in words", () => {
    expect(tovRegioTekst("hoger")).toBe("hoger dan de regio");
    expect(tovRegioTekst("ongeveer gelijk")).toBe("ongeveer gelijk aan de regio");
  });
});

const k = (gemeente: string, schooljaar: string, maat: string, waarde: number | null) =>
  (waarde == null ? { gemeente, schooljaar, maat, waarde, onderdrukt: true as const } : { gemeente, schooljaar, maat, waarde });
const ROWS = [
  k("GM0001", "2024-2025", "leerplichtig", 2000), k("GM0001", "2025-2026", "leerplichtig", 2000),
  k("GM0001", "2024-2025", "thuiszitters", 10), k("GM0001", "2025-2026", "thuiszitters", null),
  k("REGIO", "2024-2025", "leerplichtig", 10000), k("REGIO", "2025-2026", "leerplichtig", 10000),
  k("REGIO", "2024-2025", "thuiszitters", 20), k("REGIO", "2025-2026", "thuiszitters", 25),
];

describe("rates with their interval on the gemeente page", () => {
  it("per1000Interval: 10 of 2.000 is 5,0 per 1.000 with Garwood's 4,795–18,390 halved", () => {
    const c = per1000Interval(ROWS, "GM0001", "2024-2025", "thuiszitters")!;
    expect(c.waarde).toBe(5);
    expect(c.onder).toBeCloseTo(2.398, 3);
    expect(c.boven).toBeCloseTo(9.195, 3);
    expect(per1000Interval(ROWS, "GM0001", "2025-2026", "thuiszitters")).toBeNull();
  });

  it("per1000TovRegio: 10 of 2.000 against 10 of 8.000 in the rest is higher (p ≈ 0,005)", () => {
    expect(per1000TovRegio(ROWS, "GM0001", "2024-2025", "thuiszitters")).toBe("hoger");
    expect(per1000TovRegio(ROWS, "GM0001", "2025-2026", "thuiszitters")).toBeNull();
    expect(per1000TovRegio(ROWS, "REGIO", "2024-2025", "thuiszitters")).toBeNull();
  });

  it("VergelijkTrend draws one interval bar per published rate", () => {
    const el = VergelijkTrend(ROWS, { width: 390, gemeente: "GM0001", maat: "thuiszitters", naam: "Gemeente", regio: "Regio" }) as HTMLElement;
    // 2024-2025: the gemeente and the regio; 2025-2026: only the regio (the gemeente's count is suppressed).
    expect(el.querySelectorAll("g.marge line")).toHaveLength(3);
  });

  it("the table and the cards say the marge and the verdict", () => {
    const t = vergelijkTrendTabel(ROWS, { gemeente: "GM0001", maat: "thuiszitters", naam: "Gemeente", schooljaren: ["2024-2025", "2025-2026"] }) as HTMLElement;
    const rijen = [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rijen).toEqual([["2024-2025", "5,0", "2,4–9,2", "2,0", "hoger"], ["2025-2026", "•", "–", "2,5", "–"]]);
    const kaarten = kerncijferKaarten(ROWS, { gemeente: "GM0001", schooljaar: "2024-2025", minimumCel: 5, vergelijk: "REGIO" }) as HTMLElement;
    expect(kaarten.textContent).toContain("regio: 2,0 — hoger dan de regio");
  });
});
