// @vitest-environment jsdom
// The funnel of the monitor page shows no more than the published status table: a step that
// holds a suppressed status is suppressed itself (ONDERDRUKT), never worked out as the total
// minus the other steps. The case below is the leak that made this test: two hidden cells
// that add up to 2 gave "nergens in beeld: 1" while the table showed •.
import { describe, it, expect } from "vitest";
import { trechter, stapTekst, TOTAAL } from "../../src/lib/monitor.ts";
import { ONDERDRUKT, onderdruktLegenda } from "../../src/lib/format.ts";
import { trechterSamenvatting, trechterTabel } from "../../src/components/monitorCharts.ts";

const STATUSSEN = [
  "UIT_DOELGROEP_LEEFTIJD", "UIT_DOELGROEP_VERHUISD", "ONDERWIJS", "STARTKWALIFICATIE", "WERK",
  "IN_BEELD_DOORSTROOMPUNT", "IN_BEELD_ZORG", "IN_BEELD_PARTICIPATIE", "NIET_IN_BEELD", TOTAAL,
];
const tel = (w: Record<string, number | null>) => STATUSSEN.map((s) => (s in w ? w[s] : 0));

// NIET_IN_BEELD (1) is small, IN_BEELD_ZORG (1) hidden with it; everything else published.
// Total minus the published cells is 2, so subtraction would give both back as 1.
const t = tel({
  UIT_DOELGROEP_LEEFTIJD: 10, UIT_DOELGROEP_VERHUISD: 6, ONDERWIJS: 40, STARTKWALIFICATIE: 8, WERK: 12,
  IN_BEELD_DOORSTROOMPUNT: 9, IN_BEELD_ZORG: null, IN_BEELD_PARTICIPATIE: 5, NIET_IN_BEELD: null, TOTAAL: 92,
});

describe("trechter met een afgeschermde stap", () => {
  const st = trechter(t, STATUSSEN);

  it("geeft de laatste stap alleen als zijn eigen cel: afgeschermd, niet 1", () => {
    const eind = st[st.length - 1];
    expect(eind.stap).toBe("ZONDER_IN_BEELD_PARTICIPATIE");
    expect(eind.exact).toBe(false);
    expect(stapTekst(eind)).toBe(ONDERDRUKT);
  });

  it("schermt elke stap af die een afgeschermd aantal bevat; het totaal is zijn eigen cel", () => {
    expect(st.map((s) => stapTekst(s))).toEqual(["92", ...Array(7).fill(ONDERDRUKT)]);
    // No step carries a bound a reader could not read off the table: suppressed is [1, ∞).
    for (const s of st.slice(1)) expect([s.min, s.max]).toEqual([1, Infinity]);
  });

  it("telt een stap op uit gepubliceerde cellen zodra de afgeschermde eruit zijn", () => {
    const zonderZorg = tel({ IN_BEELD_PARTICIPATIE: 5, NIET_IN_BEELD: 25, IN_BEELD_ZORG: null, TOTAAL: null });
    const s = trechter(zonderZorg, STATUSSEN);
    expect(s.map((x) => stapTekst(x)).slice(-2)).toEqual(["30", "25"]);
    expect(stapTekst(s[0])).toBe(ONDERDRUKT); // no TOTAAL published: not the sum either
  });

  it("zegt in de zin en de tabel 'afgeschermd' en rekent geen percentage uit een afgeschermde stap", () => {
    const zin = trechterSamenvatting(st, "Hele regio", "2026-05-01");
    expect(zin).toContain("jongeren in de monitor 92");
    expect(zin).toContain("in de doelgroep afgeschermd");
    expect(zin).toContain("participatie: afgeschermd.");
    expect(zin).not.toMatch(/nergens in beeld[^.]*\b1\b/);
    const tabel = trechterTabel(st, "Trechter");
    const rijen = [...tabel.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rijen[0].slice(1, 3)).toEqual(["92", "100,0 %"]);
    expect(rijen.at(-1)!.slice(1, 3)).toEqual([ONDERDRUKT, ONDERDRUKT]);
  });

  it("heeft één legenda met het symbool", () => {
    expect(onderdruktLegenda(5)).toBe("• = afgeschermd: een klein aantal (minder dan 5), of een aantal waaruit zo'n klein aantal terug te rekenen is.");
  });
});
