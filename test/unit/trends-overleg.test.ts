// @vitest-environment jsdom
// The bestuurlijk overleg screen: a gemeente's figures against last year and the regio.
import { describe, it, expect } from "vitest";
import { overlegCijfers, overlegKaarten, buren, OVERLEG_MATEN } from "../../src/components/overleg.ts";

const k = (gemeente: string, schooljaar: string, maat: string, waarde: number | null) =>
  (waarde == null ? { gemeente, schooljaar, maat, waarde, onderdrukt: true as const } : { gemeente, schooljaar, maat, waarde });

const ROWS = [
  k("GM0001", "2024-2025", "jongeren", 2000), k("GM0001", "2025-2026", "jongeren", 2000),
  k("GM0001", "2024-2025", "leerplichtig", 1000), k("GM0001", "2025-2026", "leerplichtig", 1000),
  k("GM0001", "2024-2025", "thuiszitters", 10), k("GM0001", "2025-2026", "thuiszitters", 15),
  k("GM0001", "2024-2025", "neet", null), k("GM0001", "2025-2026", "neet", 40),
  k("GM0001", "2025-2026", "verzuimmeldingen", 60), k("REGIO", "2025-2026", "verzuimmeldingen", 150),
  k("GM0001", "2025-2026", "vsv_nieuw", 3), k("REGIO", "2025-2026", "vsv_nieuw", 80),
  k("REGIO", "2025-2026", "jongeren", 10000), k("REGIO", "2025-2026", "leerplichtig", 5000),
  k("REGIO", "2025-2026", "thuiszitters", 50), k("REGIO", "2025-2026", "neet", 196),
];

describe("overlegCijfers", () => {
  const c = overlegCijfers(ROWS, { gemeente: "GM0001", schooljaar: "2025-2026", minimumCel: 5 });
  const van = (maat: string) => c.find((x) => x.maat === maat)!;

  it("gives the change since last year in words, and the rate against the regio", () => {
    // 15 per 1.000 against 35 / 4.000 = 8,75 in the rest of the regio looks higher, but with
    // 15 of 50 thuiszitters where 10 are expected (a fifth of the leerplichtigen) it is within
    // chance (exact test, p ≈ 0,12): "ongeveer gelijk", not "hoger".
    expect(van("thuiszitters")).toMatchObject({
      label: "Thuiszitters", nu: "15", verschil: "↑ +5 (+50,0 %) t.o.v. 2024-2025", richting: "hoger",
      per1000: "15,0 per 1.000 leerplichtigen", regio: "regio 10,0 — ongeveer gelijk aan de regio", tovRegio: "ongeveer gelijk",
    });
  });

  it("calls a difference beyond chance higher or lower: 60 of 150 meldingen where 30 are expected; 3 of 80 vsv'ers where 16 are", () => {
    expect(van("verzuimmeldingen")).toMatchObject({ regio: "regio 30,0 — hoger dan de regio", tovRegio: "hoger" });
    expect(van("vsv_nieuw")).toMatchObject({ regio: "regio 8,0 — lager dan de regio", tovRegio: "lager" });
  });

  it("says 'ongeveer gelijk' within chance, and shows last year's • instead of a change", () => {
    // 40 / 2000 = 20,0 against 196 / 10000 = 19,6.
    expect(van("neet")).toMatchObject({ nu: "40", verschil: "2024-2025: •", richting: null, tovRegio: "ongeveer gelijk", regio: "regio 19,6 — ongeveer gelijk aan de regio" });
  });

  it("has no rate for the population itself, and no change without last year's row", () => {
    expect(van("jongeren")).toMatchObject({ nu: "2.000", verschil: "= 0 (0,0 %) t.o.v. 2024-2025", richting: "gelijk", per1000: null, regio: null });
    expect(van("vsv_benaderd")).toMatchObject({ nu: "–", verschil: "geen cijfer voor 2024-2025", per1000: "– per 1.000 jongeren", regio: null });
    expect(c.map((x) => x.maat)).toEqual(OVERLEG_MATEN);
  });

  it("renders one card per figure with a heading", () => {
    const el = overlegKaarten(c) as HTMLElement;
    expect(el.querySelectorAll("li h2")).toHaveLength(OVERLEG_MATEN.length);
    expect(el.textContent).toContain("hoger dan de regio");
    expect(el.textContent).toContain("ongeveer gelijk aan de regio");
  });

  it("pages to the previous and next gemeente", () => {
    const lijst = [{ code: "A" }, { code: "B" }, { code: "C" }];
    expect(buren(lijst, "A")).toEqual({ vorige: null, volgende: { code: "B" } });
    expect(buren(lijst, "C")).toEqual({ vorige: { code: "B" }, volgende: null });
    expect(buren(lijst, "X")).toEqual({ vorige: null, volgende: null });
  });
});
