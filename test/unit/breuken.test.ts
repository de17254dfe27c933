// @vitest-environment jsdom
// Breaks in the series (src/lib/breuken.ts) as data, and how the dashboard marks them.
import { describe, test, expect } from "vitest";
import { BREUKEN, WET_SDW, breukenTussen, breukenTussenJaren, segment, type Breuk } from "../../src/lib/breuken.ts";
import { WET_SDW_INGANG, MAX_LEEFTIJD_OUD, MAX_LEEFTIJD_NIEUW, maxLeeftijd } from "../../loaders/definitions.ts";
import { trendSamenvatting, kerncijferKaarten, type DoelgroepRij, type KerncijferRij } from "../../src/components/dashboard.ts";
import { overlegCijfers } from "../../src/components/overleg.ts";

describe("the breaks as data", () => {
  test("the Doorstroompunt age limit of the definitions is the break's", () => {
    expect([WET_SDW_INGANG, MAX_LEEFTIJD_OUD, MAX_LEEFTIJD_NIEUW]).toEqual([WET_SDW.ingang, WET_SDW.maxLeeftijdOud, WET_SDW.maxLeeftijdNieuw]);
    expect([maxLeeftijd("2025-12-31"), maxLeeftijd("2026-01-01")]).toEqual([23, 27]);
  });
  test("a break lies between two dates when after the first and on or before the second", () => {
    expect(breukenTussen("vsv_oud", "2025-10-15", "2026-03-15").map((b) => b.id)).toEqual(["wet-sdw"]);
    expect(breukenTussen("vsv_oud", "2026-01-01", "2026-03-15")).toEqual([]);
    expect(breukenTussen("leerplichtig", "2025-10-15", "2026-03-15")).toEqual([]);
    expect(breukenTussenJaren("vsv_benaderd", "2024-2025", "2025-2026")).toHaveLength(1);
    expect(breukenTussenJaren("vsv_benaderd", "2023-2024", "2024-2025")).toHaveLength(0);
    expect(breukenTussenJaren("vsv_benaderd", "2025-2026", "2026-2027")).toHaveLength(1);
    expect(breukenTussenJaren("vsv_benaderd", "2026-2027", "2027-2028")).toHaveLength(0);
    expect([segment("VSV_OUD", "2025-10-15"), segment("VSV_OUD", "2026-03-15"), segment("NEET", "2026-03-15")]).toEqual([0, 1, 0]);
  });
  test("another break is only data: the rules take it as given", () => {
    const eigen: Breuk[] = [{ id: "x", datum: "2024-01-01", naam: "Nieuwe telling", uitleg: "…", maten: ["neet"] }];
    expect(breukenTussen("neet", "2023-10-15", "2024-10-15", eigen)).toEqual(eigen);
    expect(BREUKEN.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(b.datum))).toBe(true);
  });
});

describe("what crosses a break is marked, not shown as growth", () => {
  const rij = (peildatum: string, jongeren: number): DoelgroepRij => ({ gemeente: "REGIO", peildatum, schooljaar: "x", doelgroep: "VSV_OUD", jongeren });
  test("the sentence under a chart compares within the stretch after the break only", () => {
    expect(trendSamenvatting([rij("2021-10-15", 2431), rij("2025-10-15", 2500), rij("2026-03-15", 4933)], "REGIO", "de regio", "VSV_OUD"))
      .toBe("VSV oud in de regio: 4.933 op 15 maart 2026; breuk in de reeks: Wet van school naar duurzaam werk (vanaf 1 januari 2026), dus niet te vergelijken met 2.500 op 15 oktober 2025.");
    expect(trendSamenvatting([rij("2021-10-15", 2431), rij("2025-10-15", 2500)], "REGIO", "de regio", "VSV_OUD"))
      .toBe("VSV oud in de regio: 2.431 op 15 oktober 2021 en 2.500 op 15 oktober 2025 (+69).");
  });
  test("like with like where the data allow: the part counted as before the break (18–22) beside the whole", () => {
    const deel = { ...rij("2026-03-15", 2600), doelgroep: "VSV_OUD_18_22" };
    expect(trendSamenvatting([rij("2025-10-15", 2500), rij("2026-03-15", 4933), deel], "REGIO", "de regio", "VSV_OUD"))
      .toBe("VSV oud in de regio: 4.933 op 15 maart 2026 (18–26 jaar; breuk in de reeks: Wet van school naar duurzaam werk (vanaf 1 januari 2026)). " +
        "Geteld als vóór de wet (18–22 jaar, zoals vóór de wet): 2.600 op 15 maart 2026 tegen 2.500 op 15 oktober 2025 (+100).");
  });

  test("a key figure across the break has no change t.o.v. vorig jaar; one without a break keeps it", () => {
    const k = (schooljaar: string, maat: string, waarde: number): KerncijferRij => ({ gemeente: "REGIO", schooljaar, maat, waarde });
    const rows = [k("2024-2025", "vsv_benaderd", 900), k("2025-2026", "vsv_benaderd", 1775), k("2024-2025", "neet", 100), k("2025-2026", "neet", 110)];
    const tekst = (kerncijferKaarten(rows, { gemeente: "REGIO", schooljaar: "2025-2026", minimumCel: 5 }) as HTMLElement).textContent!;
    expect(tekst).toContain("geen vergelijking met 2024-2025: breuk in de reeks: Wet van school naar duurzaam werk");
    expect(tekst).not.toContain("+875");
    expect(tekst).toContain("+10 (+10,0 %) t.o.v. 2024-2025");
    const o = overlegCijfers(rows, { gemeente: "REGIO", schooljaar: "2025-2026", minimumCel: 5, maten: ["vsv_benaderd", "neet"] });
    expect(o.map((c) => c.richting)).toEqual([null, "hoger"]);
    expect(o[0].verschil).toMatch(/^niet te vergelijken met 2024-2025: breuk in de reeks/);
  });
});

describe("a key figure on a peildatum compares the two peildata", () => {
  test("stocks on peildata before the break are comparable; flows over a year that holds the break are not", async () => {
    const { breukenTussenKerncijfers } = await import("../../src/lib/breuken.ts");
    const peil = (sj: string) => ({ "2024-2025": "2024-10-15", "2025-2026": "2025-10-15", "2026-2027": "2026-10-15" })[sj];
    expect(breukenTussenKerncijfers("vsv_oud", "2024-2025", "2025-2026", peil)).toEqual([]);
    expect(breukenTussenKerncijfers("vsv_oud", "2025-2026", "2026-2027", peil)).toHaveLength(1);
    expect(breukenTussenKerncijfers("vsv_benaderd", "2024-2025", "2025-2026", peil)).toHaveLength(1);
    expect(breukenTussenKerncijfers("vsv_oud", "2024-2025", "2025-2026")).toHaveLength(1);
  });
});
