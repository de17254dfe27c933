// @vitest-environment jsdom
// The trend explorer: which numbers it picks from dashboard.json, how it divides them, how it
// tells suppressed from absent, its charts, summary and download rows.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  trendPunten, puntTekst, spreidLabels, rondeTicks, rondBoven, trendSamenvatting, downloadRijen, TrendChart, VergelijkChart,
  trendTabel, noemerVan, rondOnder, trendAs, zonderCijfers, ONDERWERPEN, keuzeTekst, bestandsnaam, onderwerp, doelgroep, type TrendData,
} from "../../src/components/trends.ts";
import { csv } from "../../src/components/downloads.ts";

const k = (gemeente: string, schooljaar: string, maat: string, waarde: number | null) =>
  (waarde == null ? { gemeente, schooljaar, maat, waarde, onderdrukt: true as const } : { gemeente, schooljaar, maat, waarde });

const DATA: TrendData = {
  regio: "Testregio",
  minimumCel: 5,
  gemeenten: [
    { code: "GM0001", naam: "Aastad", vanaf: null, tot: null },
    { code: "GM0002", naam: "Beedorp", vanaf: null, tot: null },
    { code: "GM0003", naam: "Ceeveen", vanaf: "2025-01-01", tot: null },
  ],
  schooljaren: ["2023-2024", "2024-2025"],
  kerncijfers: [
    k("GM0001", "2023-2024", "jongeren", 2000), k("GM0001", "2023-2024", "leerplichtig", 1000), k("GM0001", "2023-2024", "thuiszitters", 10),
    k("GM0001", "2024-2025", "jongeren", 2000), k("GM0001", "2024-2025", "leerplichtig", 800), k("GM0001", "2024-2025", "thuiszitters", 12),
    k("GM0002", "2023-2024", "jongeren", 500), k("GM0002", "2023-2024", "leerplichtig", 250), k("GM0002", "2023-2024", "thuiszitters", null),
    k("GM0002", "2024-2025", "jongeren", 500), k("GM0002", "2024-2025", "leerplichtig", 200), k("GM0002", "2024-2025", "thuiszitters", 6),
    k("REGIO", "2023-2024", "jongeren", 2500), k("REGIO", "2023-2024", "leerplichtig", 1250), k("REGIO", "2023-2024", "thuiszitters", 13),
    k("REGIO", "2024-2025", "jongeren", 2500), k("REGIO", "2024-2025", "leerplichtig", 1000), k("REGIO", "2024-2025", "thuiszitters", 18),
  ],
  monitor: [
    // Two moments in 2024-2025: the later one (2025-05-01) is the schooljaar's figure.
    { gemeente: "GM0001", moment: "2024-10-01", schooljaar: "2024-2025", groep: "JIKP", jongeren: 90, niet_in_beeld: 9 },
    { gemeente: "GM0001", moment: "2025-05-01", schooljaar: "2024-2025", groep: "JIKP", jongeren: 100, niet_in_beeld: 20 },
    { gemeente: "GM0002", moment: "2025-05-01", schooljaar: "2024-2025", groep: "JIKP", jongeren: 30, niet_in_beeld: null, onderdrukt: true },
    { gemeente: "REGIO", moment: "2025-05-01", schooljaar: "2024-2025", groep: "JIKP", jongeren: 130, niet_in_beeld: 23 },
  ],
};

describe("trendPunten", () => {
  it("divides thuiszitters by the leerplichtigen of the same gemeente and schooljaar", () => {
    const p = trendPunten(DATA, { onderwerp: "thuiszitters", doelgroep: "thuiszitters", gemeenten: ["GM0001", "REGIO"], schooljaren: ["2023-2024", "2024-2025"], schaal: "per1000" });
    expect(p.map((x) => [x.gemeente, x.schooljaar, x.aantal, x.noemer, x.waarde])).toEqual([
      ["GM0001", "2023-2024", 10, 1000, 10], ["GM0001", "2024-2025", 12, 800, 15],
      ["REGIO", "2023-2024", 13, 1250, 10.4], ["REGIO", "2024-2025", 18, 1000, 18],
    ]);
    expect(p[2].naam).toBe("Hele regio");
  });

  it("keeps a suppressed count suppressed (•) and an absent one absent (–)", () => {
    const p = trendPunten(DATA, { onderwerp: "thuiszitters", doelgroep: "thuiszitters", gemeenten: ["GM0002", "GM0003"], schooljaren: ["2023-2024"], schaal: "per1000" });
    expect(p[0]).toMatchObject({ gemeente: "GM0002", aantal: null, onderdrukt: true, ontbreekt: false, per1000: null, waarde: null });
    expect(puntTekst(p[0], "per1000", 5)).toBe("•");
    expect(puntTekst(p[0], "aantal", 5)).toBe("•");
    expect(p[1]).toMatchObject({ gemeente: "GM0003", ontbreekt: true, onderdrukt: false });
    expect(puntTekst(p[1], "aantal", 5)).toBe("–");
    expect(zonderCijfers(p)).toEqual(["Ceeveen"]);
  });

  it("shows counts when asked, and counts for a measure without a denominator", () => {
    const a = trendPunten(DATA, { onderwerp: "thuiszitters", doelgroep: "thuiszitters", gemeenten: ["GM0001"], schooljaren: ["2024-2025"], schaal: "aantal" });
    expect(a[0].waarde).toBe(12);
    expect(puntTekst(a[0], "aantal", 5)).toBe("12");
    const j = trendPunten(DATA, { onderwerp: "doelgroep", doelgroep: "jongeren", gemeenten: ["GM0001"], schooljaren: ["2024-2025"], schaal: "per1000" });
    expect(j[0]).toMatchObject({ aantal: 2000, per1000: null, waarde: 2000 });
    expect(noemerVan(doelgroep(onderwerp("doelgroep"), "jongeren").bron)).toBeNull();
  });

  it("takes a monitor groep at the last moment of the schooljaar, per 1.000 jongeren", () => {
    const p = trendPunten(DATA, { onderwerp: "niet_in_beeld", doelgroep: "JIKP", gemeenten: ["GM0001", "GM0002", "REGIO"], schooljaren: ["2024-2025"], schaal: "per1000" });
    expect(p.map((x) => [x.aantal, x.onderdrukt, x.per1000])).toEqual([[20, false, 10], [null, true, null], [23, false, 9.2]]);
  });

  it("has a valid doelgroep for every onderwerp, each from a known source", () => {
    for (const o of ONDERWERPEN) {
      expect(o.doelgroepen.length).toBeGreaterThan(0);
      expect(new Set(o.doelgroepen.map((d) => d.id)).size).toBe(o.doelgroepen.length);
    }
    // An unknown choice (a stale input) falls back to the first, not to an error.
    expect(doelgroep(onderwerp("bestaat-niet"), "ook-niet").id).toBe(ONDERWERPEN[0].doelgroepen[0].id);
  });
});

describe("round numbers and labels", () => {
  it("rounds axes and class boundaries as d3 does", () => {
    expect(rondeTicks(10.2, 25.8, 4)).toEqual([15, 20, 25]);
    expect(rondeTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(rondBoven(18)).toBe(20);
    expect(rondBoven(0.73)).toBe(0.8);
    expect(rondBoven(0)).toBe(1);
    expect(rondOnder(424.1, 480)).toBe(420);
    expect(trendAs([424.1, 472.2, 455])).toEqual({ yMin: 420, yMax: 480 });
    expect(trendAs([10, 30])).toEqual({ yMin: 0, yMax: 30 });
    expect(trendAs([7, 7])).toEqual({ yMin: 7, yMax: 8 });
    expect(trendAs([])).toEqual({ yMin: 0, yMax: 1 });
  });

  it("pushes end labels apart and keeps their order", () => {
    expect(spreidLabels([100, 102, 200], 15, 0, 300)).toEqual([100, 115, 200]);
    // At the bottom edge they are pushed up instead.
    expect(spreidLabels([300, 295], 15, 0, 300)).toEqual([300, 285]);
  });

  it("labels never overlap when there is room, and keep their order (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }), (ps) => {
      const uit = spreidLabels(ps, 15, 0, 400);
      const volgorde = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
      for (let j = 1; j < volgorde.length; j++) {
        expect(uit[volgorde[j].i] - uit[volgorde[j - 1].i]).toBeGreaterThanOrEqual(15 - 1e-9);
      }
      if (ps.length * 15 <= 400) for (const y of uit) { expect(y).toBeGreaterThanOrEqual(0); expect(y).toBeLessThanOrEqual(400); }
    }));
  });
});

describe("what the page shows", () => {
  const punten = trendPunten(DATA, { onderwerp: "thuiszitters", doelgroep: "thuiszitters", gemeenten: ["REGIO", "GM0001", "GM0002"], schooljaren: ["2023-2024", "2024-2025"], schaal: "per1000" });

  it("sums it up in words", () => {
    expect(trendSamenvatting(punten, { titel: "Thuiszitters", eenheidTekst: "per 1.000 leerplichtigen", schaal: "per1000" })).toBe(
      "Thuiszitters, per 1.000 leerplichtigen, in 2024-2025: het hoogst in Beedorp (30,0) en het laagst in Aastad (15,0). " +
      "De hele regio ging van 10,4 in 2023-2024 naar 18,0 in 2024-2025 (+7,6).");
    expect(trendSamenvatting([], { titel: "X", eenheidTekst: "aantal", schaal: "aantal" })).toMatch(/Kies ten minste/);
  });

  it("puts the shown numbers in a table, a row per gemeente", () => {
    const t = trendTabel(punten, { bijschrift: "Thuiszitters", schaal: "per1000", minimumCel: 5 }) as HTMLElement;
    const rijen = [...t.querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    expect(rijen).toEqual([["Hele regio", "10,4", "18,0"], ["Aastad", "10,0", "15,0"], ["Beedorp", "•", "30,0"]]);
    expect(t.getAttribute("tabindex")).toBe("0");
  });

  it("downloads every point with count, denominator and rate; suppressed stays •", () => {
    const { kolommen, rijen } = downloadRijen(punten, { onderwerp: "Thuiszitters", doelgroep: "Leerplichtigen", noemerLabel: "leerplichtigen", minimumCel: 5 });
    expect(kolommen.map((k) => k.kop)).toEqual(["Gemeente", "Code", "Schooljaar", "Onderwerp", "Doelgroep", "Aantal", "Noemer: leerplichtigen", "Per 1.000"]);
    expect(rijen[4]).toMatchObject({ gemeente: "Beedorp", code: "GM0002", aantal: "•", noemer: 250, per1000: "•" });
    const tekst = csv(kolommen, rijen);
    expect(tekst.split("\r\n")[2]).toBe("Hele regio;;2024-2025;Thuiszitters;Leerplichtigen;18;1000;18");
    expect(tekst).toContain("Beedorp;GM0002;2023-2024;Thuiszitters;Leerplichtigen;•;250;•");
    expect(tekst).toContain("Aastad;GM0001;2023-2024;Thuiszitters;Leerplichtigen;10;1000;10");
  });

  it("draws lines with their names and bars with their values, as one described image", () => {
    const lijn = TrendChart(punten, { width: 640, eenheidTekst: "per 1.000 leerplichtigen", beschrijving: "Lijngrafiek X" }) as Element;
    const svg = lijn.tagName.toLowerCase() === "svg" ? lijn : lijn.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Lijngrafiek X");
    expect(svg.querySelectorAll("[aria-label]").length).toBe(0);
    expect(lijn.textContent).toContain("Beedorp");
    const staaf = VergelijkChart(punten.filter((p) => p.schooljaar === "2023-2024"), { width: 640, eenheidTekst: "per 1.000", beschrijving: "Staaf", schaal: "per1000", minimumCel: 5 }) as Element;
    expect(staaf.textContent).toContain("Hele regio");
    expect(staaf.textContent).toContain("10,4");
    expect(staaf.textContent).toContain("•");
  });

  it("names choices and files readably", () => {
    expect(keuzeTekst(["A"])).toBe("A");
    expect(keuzeTekst(["A", "B", "C"])).toBe("A, B en C");
    expect(keuzeTekst(["A", "B", "C", "D", "E"])).toBe("A, B en 3 andere");
    const o = onderwerp("niet_in_beeld");
    expect(bestandsnaam(o, doelgroep(o, "JIKP"), "per1000")).toBe("trend-niet-in-beeld-monitor-jikp-jikp-per-1000");
  });
});
