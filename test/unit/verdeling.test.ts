// SPUK verdeling: hand-made cases with known right answers (largest remainder, ties by
// code, vaste voet, missing risicoscore, members only, warnings, comparison with last year).
import { describe, it, expect } from "vitest";
import { verdeel, vergelijk, scenario, winnaarsVerliezers } from "../../src/lib/verdeling.ts";
import { uitleg, oorzaken, waaromAnders } from "../../src/lib/verdeling-uitleg.ts";
import { maakVerdeling, type RisicoscoreRij } from "../../loaders/marts/verdeling.ts";
import { GebruikersFout } from "../../loaders/errors.ts";
import type { Regio } from "../../loaders/config.ts";

const g = (code: string, risicoscore: number | null, vasteVoet = 0) => ({ code, naam: `Gemeente ${code}`, risicoscore, vasteVoet });
const bedragen = (u: ReturnType<typeof verdeel>) => Object.fromEntries(u.gemeenten.map((r) => [r.code, r.bedrag]));

describe("verdeel", () => {
  it("splits exactly when the shares are whole euros", () => {
    const u = verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", 5), g("GM0002", 3), g("GM0003", 2)] });
    expect(bedragen(u)).toEqual({ GM0001: 5, GM0002: 3, GM0003: 2 });
    expect(u.restEuros).toBe(0);
    expect(u.waarschuwingen).toEqual([]);
  });

  it("gives the left-over euros to the largest remainders", () => {
    // 11 × (0.45, 0.35, 0.20) = 4.95, 3.85, 2.20 → floors 4, 3, 2 (9), two euros over → A and B.
    const u = verdeel({ gemeentelijk: 11, gemeenten: [g("GM0003", 20), g("GM0001", 45), g("GM0002", 35)] });
    expect(bedragen(u)).toEqual({ GM0001: 5, GM0002: 4, GM0003: 2 });
    expect(u.restEuros).toBe(2);
    expect(u.gemeenten.map((r) => r.opgehoogd)).toEqual([true, true, false]);
    // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → 3, 2, 1 and one euro to the 0.5.
    expect(bedragen(verdeel({ gemeentelijk: 7, gemeenten: [g("GM0001", 0.5), g("GM0002", 0.3), g("GM0003", 0.2)] })))
      .toEqual({ GM0001: 4, GM0002: 2, GM0003: 1 });
  });

  it("breaks equal remainders by the lowest gemeente code, whatever the input order", () => {
    const a = verdeel({ gemeentelijk: 100, gemeenten: [g("GM0003", 1), g("GM0001", 1), g("GM0002", 1)] });
    expect(bedragen(a)).toEqual({ GM0001: 34, GM0002: 33, GM0003: 33 });
    const b = verdeel({ gemeentelijk: 2, gemeenten: [g("GM0900", 7.7), g("GM0100", 7.7), g("GM0500", 7.7)] });
    expect(bedragen(b)).toEqual({ GM0100: 1, GM0500: 1, GM0900: 0 });
    // Sorted by code in the output.
    expect(a.gemeenten.map((r) => r.code)).toEqual(["GM0001", "GM0002", "GM0003"]);
  });

  it("takes the vaste voet off the top and splits the rest by risicoscore", () => {
    // rest 1000 − 100 = 900; 900 × 1/4 = 225 → 325, 900 × 3/4 = 675.
    const u = verdeel({ gemeentelijk: 1000, gemeenten: [g("GM0001", 1, 100), g("GM0002", 3)] });
    expect(bedragen(u)).toEqual({ GM0001: 325, GM0002: 675 });
    expect(u.vasteVoetTotaal).toBe(100);
    expect(u.rest).toBe(900);
    expect(u.gemeenten[0].exact).toBe(325);
    expect(u.gemeenten[0].aandeel).toBe(0.25);
  });

  it("gives a gemeente without risicoscore only its vaste voet, with a warning", () => {
    const u = verdeel({
      gemeentelijk: 1000, risicoscoreJaar: 2022,
      gemeenten: [{ code: "GM1773", naam: "Olst-Wijhe", risicoscore: null, vasteVoet: 50 }, g("GM0002", 2), g("GM0003", 2)],
    });
    expect(bedragen(u)).toEqual({ GM1773: 50, GM0002: 475, GM0003: 475 });
    expect(u.waarschuwingen).toEqual(["Olst-Wijhe heeft geen risicoscore voor 2022 en krijgt daarom alleen de vaste voet (€ 50)"]);
    expect(u.metRisicoscore).toBe(2);
    expect(u.gemeenten.find((r) => r.code === "GM1773")!.aandeel).toBe(0);
  });

  it("treats a risicoscore of 0 as a real score: nothing from the rest, no warning", () => {
    const u = verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", 0), g("GM0002", 4)] });
    expect(bedragen(u)).toEqual({ GM0001: 0, GM0002: 10 });
    expect(u.waarschuwingen).toEqual([]);
  });

  it("lowers the vaste voeten pro rata when they exceed the budget", () => {
    const u = verdeel({ gemeentelijk: 100, gemeenten: [g("GM0001", 1, 100), g("GM0002", 1, 300)] });
    expect(bedragen(u)).toEqual({ GM0001: 25, GM0002: 75 });
    expect(u.rest).toBe(0);
    expect(u.waarschuwingen[0]).toMatch(/vaste voeten \(€ 400\) zijn samen meer dan het gemeentelijk budget \(€ 100\)/);
  });

  it("splits in equal parts when nobody has a positive risicoscore", () => {
    const u = verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", null), g("GM0002", 0), g("GM0003", null)] });
    expect(bedragen(u)).toEqual({ GM0001: 4, GM0002: 3, GM0003: 3 });
    expect(u.waarschuwingen.at(-1)).toMatch(/in gelijke delen verdeeld/);
  });

  it("rounds a budget with cents to whole euros, with a warning", () => {
    const u = verdeel({ gemeentelijk: 100.4, gemeenten: [g("GM0001", 1), g("GM0002", 1)] });
    expect(u.gemeentelijk).toBe(100);
    expect(u.gemeenten.reduce((a, r) => a + r.bedrag, 0)).toBe(100);
    expect(u.waarschuwingen[0]).toMatch(/afgerond op hele euro's/);
  });

  it("refuses impossible input", () => {
    expect(() => verdeel({ gemeentelijk: -1, gemeenten: [g("GM0001", 1)] })).toThrow(RangeError);
    expect(() => verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", -1)] })).toThrow(RangeError);
    expect(() => verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", 1), g("GM0001", 2)] })).toThrow(/twee keer/);
  });

  it("returns no amounts and a warning without gemeenten", () => {
    const u = verdeel({ gemeentelijk: 10, gemeenten: [] });
    expect(u.gemeenten).toEqual([]);
    expect(u.waarschuwingen).toHaveLength(1);
  });
});

describe("vergelijk, scenario and text", () => {
  it("lists gains first, losses last, with relative changes", () => {
    const v = vergelijk(
      [{ code: "GM0001", naam: "A", bedrag: 100 }, { code: "GM0002", naam: "B", bedrag: 200 }],
      [{ code: "GM0001", naam: "A", bedrag: 150 }, { code: "GM0002", naam: "B", bedrag: 150 }, { code: "GM0003", naam: "C", bedrag: 10 }],
    );
    expect(v.map((x) => [x.code, x.was, x.wordt, x.verschil, x.verschilRelatief])).toEqual([
      ["GM0001", 100, 150, 50, 0.5],
      ["GM0003", null, 10, 10, null],
      ["GM0002", 200, 150, -50, -0.25],
    ]);
    expect(winnaarsVerliezers(v)).toBe(
      "2 gemeenten gaan erop vooruit en 1 gaat erop achteruit ten opzichte van de huidige verdeling. " +
        "De grootste winst is voor A (+€ 50). Het grootste verlies is voor B (-€ 50).",
    );
  });

  it("computes a scenario with another CBS year and a vaste voet against the current verdeling", () => {
    const huidig = [{ code: "GM0001", naam: "A", bedrag: 500 }, { code: "GM0002", naam: "B", bedrag: 500 }];
    const risicoscores = [
      { jaar: 2021, code: "GM0001", risicoscore: 1 }, { jaar: 2021, code: "GM0002", risicoscore: 1 },
      { jaar: 2022, code: "GM0001", risicoscore: 3 }, { jaar: 2022, code: "GM0002", risicoscore: 1 },
    ];
    const s = scenario({ huidig, gemeentelijk: 1100, risicoscoreJaar: 2022, risicoscores, vasteVoet: { GM0002: 100 } });
    // rest 1000: A 750, B 100 + 250.
    expect(bedragen(s.uitkomst)).toEqual({ GM0001: 750, GM0002: 350 });
    expect(s.vergelijking.map((x) => [x.code, x.verschil])).toEqual([["GM0001", 250], ["GM0002", -150]]);
    const same = scenario({ huidig, gemeentelijk: 1000, risicoscoreJaar: 2021, risicoscores, vasteVoet: {} });
    expect(winnaarsVerliezers(same.vergelijking)).toBe("In dit scenario krijgt elke gemeente hetzelfde bedrag als nu.");
  });

  it("explains an amount in plain Dutch with its own numbers", () => {
    const uitkomst = verdeel({ gemeentelijk: 11, gemeenten: [{ code: "GM0193", naam: "Zwolle", risicoscore: 45 }, g("GM0002", 35), g("GM0003", 20)] });
    const t = uitleg("GM0193", { jaar: 2026, risicoscoreJaar: 2022, uitkomst, vorig: { jaar: 2025, bedrag: 4 } });
    expect(t).toContain("Zwolle had in 2022 een risicoscore van 45,0; dat is 45,0 % van de risicoscores van alle 3 deelnemende gemeenten (samen 100,0).");
    expect(t).toContain("Van het gemeentelijk budget van € 11 gaat niets naar vaste voeten");
    expect(t).toContain("precies € 4,95.");
    expect(t).toContain("De 2 euro die daardoor overbleven");
    expect(t).toContain("Zwolle kreeg er één.");
    expect(t).toContain("In 2026 krijgt Zwolle dus € 5.");
    expect(t).toContain("In 2025 was dat € 4; dat is € 1 (25,0 %) meer.");
  });
});

// ------------------------------------------------------------------ the mart on hand-made config

function regio(overrides: Partial<Regio> = {}): Regio {
  return {
    naam: "Testregio",
    contactgemeente: "GM0001",
    vsvPeildatum: "10-15",
    gemeenten: [
      { code: "GM0001", naam: "Aastad", vanaf: "2020-01-01" },
      { code: "GM0002", naam: "Beedorp", vanaf: "2020-01-01" },
      { code: "GM0003", naam: "Ceeveen", vanaf: "2026-01-01" }, // joins in 2026
      { code: "GM0004", naam: "Deedijk", vanaf: "2020-01-01", tot: "2025-12-31" }, // leaves after 2025
    ],
    budget: [
      { jaar: 2025, rijksbijdrage: 1000, gemeentelijk: 900, regionaal: 100, risicoscoreJaar: 2021, vasteVoet: {} },
      { jaar: 2026, rijksbijdrage: 1730000, gemeentelijk: 1423884, regionaal: 401608, risicoscoreJaar: 2022, vasteVoet: { GM0002: 1000, GM0004: 500 } },
    ],
    publicatie: { minimumCel: 5 },
    ...overrides,
  };
}

const scores: RisicoscoreRij[] = [
  { jaar: 2021, code: "GM0001", aantalJongeren: 100, risicoscore: 10 },
  { jaar: 2021, code: "GM0002", aantalJongeren: 100, risicoscore: 5 },
  { jaar: 2021, code: "GM0004", aantalJongeren: 100, risicoscore: 5 },
  { jaar: 2022, code: "GM0001", aantalJongeren: 8650, risicoscore: 131.8 },
  { jaar: 2022, code: "GM0002", aantalJongeren: 410, risicoscore: 9.1 },
  { jaar: 2022, code: "GM0004", aantalJongeren: 300, risicoscore: 4.4 },
];

describe("maakVerdeling (mart)", () => {
  it("uses only the members of the year and compares with the previous budget year", () => {
    const v2025 = maakVerdeling(regio(), scores, 2025);
    expect(v2025.gemeenten.map((x) => [x.code, x.bedrag])).toEqual([["GM0001", 450], ["GM0002", 225], ["GM0004", 225]]);
    expect(v2025.vorigJaar).toBeNull();
    expect(v2025.waarschuwingen).toEqual([]);

    const v = maakVerdeling(regio(), scores, 2026);
    expect(v.gemeenten.map((x) => x.code)).toEqual(["GM0001", "GM0002", "GM0003"]);
    expect(v.gemeenten.reduce((a, x) => a + x.bedrag, 0)).toBe(1423884);
    expect(v.vorigJaar).toBe(2025);
    const a = v.gemeenten[0];
    expect(a.vorigBedrag).toBe(450);
    expect(a.verschil).toBe(a.bedrag - 450);
    expect(v.gemeenten[2].vorigBedrag).toBeNull(); // Ceeveen did not take part in 2025
    // 1.422.884 split 131,8 : 9,1 → Aastad 1.330.987,30…, Beedorp 1000 + 91.896,70…; the one
    // euro left over goes to Beedorp (remainder ,70 beats ,30).
    expect(a.bedrag).toBe(1330987);
    expect(a.opgehoogd).toBe(false);
    expect(v.gemeenten[1].bedrag).toBe(92897);
    expect(v.gemeenten[1].exact).toBe(92896.7);
    expect(v.gemeenten[1].vasteVoet).toBe(1000);
    expect(v.gemeenten[2]).toMatchObject({ naam: "Ceeveen", risicoscore: null, aandeel: 0, bedrag: 0 });
  });

  it("has the shape of outputs.md section 4 and its warnings", () => {
    const v = maakVerdeling(regio(), scores, 2026);
    expect(v).toMatchObject({ jaar: 2026, rijksbijdrage: 1730000, gemeentelijk: 1423884, regionaal: 401608, risicoscoreJaar: 2022 });
    for (const x of v.gemeenten) {
      expect(Object.keys(x)).toEqual(expect.arrayContaining(["code", "naam", "risicoscore", "aandeel", "vasteVoet", "bedrag"]));
      expect(Number.isInteger(x.bedrag)).toBe(true);
    }
    expect(v.gemeenten[0].aandeel).toBe(0.9354); // 131,8 / 140,9, four decimals
    expect(v.waarschuwingen).toEqual([
      "gemeentelijk + regionaal (€ 1.825.492) wijkt af van de rijksbijdrage (€ 1.730.000)",
      "de vaste voet voor Deedijk telt niet mee: die gemeente is in 2026 geen lid van de regio",
      "Ceeveen heeft geen risicoscore voor 2022 en krijgt daarom alleen de vaste voet (€ 0)",
    ]);
  });

  it("refuses an unknown jaar with a Dutch message listing the budget years", () => {
    expect(() => maakVerdeling(regio(), scores, 2030)).toThrow(GebruikersFout);
    expect(() => maakVerdeling(regio(), scores, 2030)).toThrow("Geen budget voor 2030 in regio.json; er is een budget voor: 2025, 2026");
    expect(() => maakVerdeling(regio({ budget: [] }), scores, 2026)).toThrow(/geen enkele budgetregel/);
  });

  it("refuses a CBS year without any score for the members", () => {
    const r = regio();
    r.budget[1] = { ...r.budget[1], risicoscoreJaar: 2019 };
    expect(() => maakVerdeling(r, scores, 2026)).toThrow(/geen risicoscores voor 2019.*wel voor: 2021, 2022/);
  });
});

describe("oorzaken: why an amount differs from the previous year", () => {
  // Year 1: 1000, B has a vaste voet of 100; the 900 left is split 1 : 1 → A 450, B 550.
  // Year 2: 1200, no vaste voet, C joins with score 2: 1 : 1 : 2 → A 300, B 300, C 600.
  const vorig = { jaar: 2025, risicoscoreJaar: 2021, uitkomst: verdeel({ gemeentelijk: 1000, gemeenten: [g("GM0001", 1), g("GM0002", 1, 100)] }) };
  const nu = { jaar: 2026, risicoscoreJaar: 2022, uitkomst: verdeel({ gemeentelijk: 1200, gemeenten: [g("GM0001", 1), g("GM0002", 1), g("GM0003", 2)] }) };

  it("splits the change in vaste voet, budget and share, adding up exactly", () => {
    // B: −250 = −100 (voet) + 0,5 × (1200 − 900) (budget) + (0,25 − 0,5) × 1200 (share).
    const b = oorzaken("GM0002", nu, vorig);
    expect(b.map((o) => [o.soort, o.bedrag])).toEqual([["vasteVoet", -100], ["budget", 150], ["aandeel", -300]]);
    expect(b.reduce((s, o) => s + o.bedrag, 0)).toBe(300 - 550);
    expect(b[0].tekst).toBe("Gemeente GM0002 in 2025 een vaste voet van € 100 kreeg en in 2026 geen");
    expect(b[2].tekst).toMatch(/25,00 % is tegen 50,00 % in 2025, omdat de verdeling nu de risicoscores van CBS 2022 gebruikt in plaats van die van CBS 2021 .* en Gemeente GM0003 in 2026 voor het eerst meedoet$/);
    // A has no vaste voet in either year.
    expect(oorzaken("GM0001", nu, vorig).map((o) => [o.soort, o.bedrag])).toEqual([["budget", 150], ["aandeel", -300]]);
    expect(waaromAnders("GM0002", nu, vorig)).toMatch(/^Het verschil is zo opgebouwd: -€ 100 doordat .*; \+€ 150 doordat er € 1\.200 naar risicoscore gaat tegen € 900 in 2025; -€ 300 doordat /);
  });

  it("names the rounding when whole euros make the parts differ from the change", () => {
    // 10 split 1 : 2 → 3,33 / 6,67 → 3 and 7; next year 11 → 3,67 / 7,33 → 4 and 7.
    const a = { jaar: 2025, risicoscoreJaar: 2021, uitkomst: verdeel({ gemeentelijk: 10, gemeenten: [g("GM0001", 1), g("GM0002", 2)] }) };
    const b = { jaar: 2026, risicoscoreJaar: 2021, uitkomst: verdeel({ gemeentelijk: 11, gemeenten: [g("GM0001", 1), g("GM0002", 2)] }) };
    const o = oorzaken("GM0002", b, a);
    expect(o.map((x) => [x.soort, x.bedrag])).toEqual([["budget", 1], ["afronding", -1]]);
    expect(oorzaken("GM0001", b, a).map((x) => [x.soort, x.bedrag])).toEqual([["afronding", 1]]);
    expect(waaromAnders("GM0001", b, a)).toBe("Het verschil komt door de afronding op hele euro's.");
  });

  it("explains nothing for a gemeente that is new, and goes into the explanation of the amount", () => {
    expect(oorzaken("GM0003", nu, vorig)).toEqual([]);
    const t = uitleg("GM0002", { jaar: 2026, risicoscoreJaar: 2022, uitkomst: nu.uitkomst, vorig: { jaar: 2025, bedrag: 550, risicoscoreJaar: 2021, uitkomst: vorig.uitkomst } });
    expect(t).toContain("In 2025 was dat € 550; dat is € 250 (45,5 %) minder. Het verschil is zo opgebouwd: -€ 100 doordat Gemeente GM0002 in 2025 een vaste voet van € 100 kreeg");
  });
});
