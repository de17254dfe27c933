// One membership rule for every output (src/lib/lidmaatschap.ts), on hand-made cases.
import { describe, test, expect, afterAll } from "vitest";
import { maakDataMap, csv, rij as csvRij, ruimDataMappenOp } from "../helpers/datamap.ts";
import { openStaging } from "../../loaders/db.ts";
import { dashboard } from "../../loaders/marts/dashboard.ts";
import { EXACT } from "../../loaders/publish/publicatie.ts";
import {
  isLidOp, isLidIn, lidPeriode, heelJaarLid, regioPeildatum, gemeentePeildatum, dekking, dekkingTekst, lidNoot, noot,
  nietVergelijkbaar, volledig,
} from "../../src/lib/lidmaatschap.ts";
import { trendSamenvattingen, type DoelgroepRij } from "../../src/components/dashboard.ts";

const A = { code: "GM0001", naam: "Aastad", vanaf: "2020-01-01" };
const B = { code: "GM0002", naam: "Beedorp", vanaf: "2026-01-01" };
const C = { code: "GM0003", naam: "Ceeveen", vanaf: "2020-01-01", tot: "2026-02-28" };
const SJ = "2025-2026";
const PEILDATA = ["2024-10-15", "2025-10-15", "2026-03-15"];

describe("membership on a date and in a period", () => {
  test("tot is the last day, inclusive", () => {
    expect([isLidOp(C, "2026-02-28"), isLidOp(C, "2026-03-01"), isLidOp(B, "2025-12-31"), isLidOp(B, "2026-01-01")]).toEqual([true, false, false, true]);
    expect(isLidIn(B, "2025-08-01", "2026-07-31")).toBe(true);
    expect(isLidIn(B, "2024-08-01", "2025-07-31")).toBe(false);
  });
  test("the part of the schooljaar as a member", () => {
    expect(lidPeriode(A, SJ)).toEqual({ van: "2025-08-01", tot: "2026-07-31" });
    expect(lidPeriode(B, SJ)).toEqual({ van: "2026-01-01", tot: "2026-07-31" });
    expect(lidPeriode(C, SJ)).toEqual({ van: "2025-08-01", tot: "2026-02-28" });
    expect(lidPeriode(B, "2024-2025")).toBeNull();
    expect([heelJaarLid(A, SJ), heelJaarLid(B, SJ), heelJaarLid(C, SJ)]).toEqual([true, false, false]);
  });
});

describe("peildata", () => {
  test("the regio's: its vsvPeildatum if in the data, else the latest of the year", () => {
    expect(regioPeildatum("10-15", SJ, PEILDATA)).toEqual({ peildatum: "2025-10-15", bron: "vsv" });
    expect(regioPeildatum("10-01", SJ, PEILDATA)).toEqual({ peildatum: "2026-03-15", bron: "laatste" });
    expect(regioPeildatum("10-15", "2030-2031", PEILDATA)).toEqual({ peildatum: null, bron: "geen" });
  });
  test("a gemeente's: the regio's when a member on it; a joiner its first as a member, a leaver its last", () => {
    expect(gemeentePeildatum(A, "2025-10-15", PEILDATA, SJ)).toBe("2025-10-15");
    expect(gemeentePeildatum(B, "2025-10-15", PEILDATA, SJ)).toBe("2026-03-15");
    expect(gemeentePeildatum(C, "2026-03-15", PEILDATA, SJ)).toBe("2025-10-15");
    expect(gemeentePeildatum({ ...B, vanaf: "2026-04-01" }, "2025-10-15", PEILDATA, SJ)).toBeNull();
  });
});

describe("what a regio total covers", () => {
  const d = dekking([A, B, C], SJ, PEILDATA, "10-15");
  test("members, periods and peildata", () => {
    expect(d.peildatum).toBe("2025-10-15");
    expect(d.gemeenten.map((g) => [g.code, g.van, g.tot, g.heelJaar, g.peildatum])).toEqual([
      ["GM0001", "2025-08-01", "2026-07-31", true, "2025-10-15"],
      ["GM0002", "2026-01-01", "2026-07-31", false, "2026-03-15"],
      ["GM0003", "2025-08-01", "2026-02-28", false, "2025-10-15"],
    ]);
    expect(volledig(d)).toBe(false);
    expect(volledig(dekking([A], SJ, PEILDATA, "10-15"))).toBe(true);
  });
  test("in words: the regio's gemeenten and periods, and who is not counted on its peildatum", () => {
    expect(dekkingTekst(d)).toBe("De regiocijfers over 2025-2026 tellen 3 gemeenten, Beedorp vanaf 1 januari 2026, Ceeveen tot en met 28 februari 2026 " +
      "(de periode van het lidmaatschap). Cijfers op de peildatum (15 oktober 2025) tellen de 2 gemeenten die toen lid waren, zonder Beedorp.");
    expect(dekkingTekst(dekking([A], SJ, PEILDATA, "10-15"))).toBe("");
    expect(lidNoot(d, "GM0002")).toMatch(/^Beedorp is in 2025-2026 lid vanaf 1 januari 2026: .*15 maart 2026/);
    expect(lidNoot(d, "GM0001")).toBe("");
    expect(noot([d], "REGIO", SJ)).toBe(dekkingTekst(d));
  });
  test("a change t.o.v. vorig jaar only like with like", () => {
    const dekkingen = [dekking([A, B, C], "2024-2025", PEILDATA, "10-15"), d];
    expect(nietVergelijkbaar(dekkingen, "GM0001", SJ, "2024-2025")).toBeNull();
    expect(nietVergelijkbaar(dekkingen, "GM0002", SJ, "2024-2025")).toBe("Beedorp was in 2024-2025 geen lid");
    expect(nietVergelijkbaar(dekkingen, "GM0003", SJ, "2024-2025")).toMatch(/niet beide schooljaren het hele jaar lid/);
    expect(nietVergelijkbaar(dekkingen, "REGIO", SJ, "2024-2025")).toMatch(/andere gemeenten of perioden.*Beedorp, Ceeveen/);
    expect(nietVergelijkbaar([dekking([A], "2024-2025", PEILDATA, "10-15"), dekking([A], SJ, PEILDATA, "10-15")], "REGIO", SJ, "2024-2025")).toBeNull();
  });
});

describe("the sentences under the doelgroep charts", () => {
  const rij = (gemeente: string, peildatum: string, doelgroep: string, jongeren: number): DoelgroepRij => ({ gemeente, peildatum, schooljaar: SJ, doelgroep, jongeren });
  const data = [rij("GM0001", "2025-10-15", "NEET", 10), rij("GM0001", "2026-03-15", "NEET", 12), rij("GM0002", "2026-03-15", "NEET", 4), rij("GM0002", "2026-03-15", "VSV_OUD", 3)];
  test("one sentence, once, for a gemeente with a single peildatum, saying why", () => {
    const t = trendSamenvattingen(data, "GM0002", "Beedorp", ["NEET", "VSV_OUD"], { ...B, tot: null });
    expect(t).toBe("Voor Beedorp is er één peildatum (15 maart 2026): een ontwikkeling is er nog niet te tonen. Beedorp is lid vanaf 1 januari 2026.");
  });
  test("a sentence per doelgroep otherwise", () => {
    expect(trendSamenvattingen(data, "GM0001", "Aastad", ["NEET"])).toBe("NEET in Aastad: 10 op 15 oktober 2025 en 12 op 15 maart 2026 (+2).");
  });
});

describe("the dashboard's key figures with a gemeente that joins mid-year", () => {
  afterAll(ruimDataMappenOp);
  test("the joiner (GM0300, from 2026-01-01) shows its figures; every regio flow is the sum of its gemeenten", async () => {
    const j = (p: string, id: string, g: string) => csvRij("jongeren.csv", { peildatum: p, pseudo_id: id, gemeente_code: g, geboortemaand: "2012-05", onderwijssoort: "VO", laatste_uitschrijving: "", werk: "" });
    const m = (id: string, g: string, d: string) => csvRij("verzuimmeldingen.csv", { melding_id: id, pseudo_id: `p${id}`, gemeente_code: g, melddatum: d });
    const dir = maakDataMap({
      "jongeren.csv": csv("jongeren.csv", [
        j("2025-10-01", "a1", "GM0100"), j("2025-10-01", "a2", "GM0100"), j("2025-10-01", "b1", "GM0200"),
        j("2026-03-01", "a1", "GM0100"), j("2026-03-01", "b1", "GM0200"), j("2026-03-01", "c1", "GM0300"), j("2026-03-01", "c2", "GM0300"),
      ]),
      "verzuimmeldingen.csv": csv("verzuimmeldingen.csv", [m("1", "GM0100", "2025-09-10"), m("2", "GM0200", "2025-11-10"), m("3", "GM0300", "2026-02-01"), m("4", "GM0300", "2026-02-02")]),
    });
    const db = await openStaging(dir);
    try {
      const d = await dashboard(db, { minimumCel: 0, publicatie: EXACT });
      const w = (g: string, maat: string) => d.kerncijfers.find((r) => r.gemeente === g && r.schooljaar === SJ && r.maat === maat)?.waarde;
      // On the regio's peildatum (1 October 2025) GM0300 was no member: its own first peildatum as a member.
      expect([w("GM0100", "jongeren"), w("GM0200", "jongeren"), w("GM0300", "jongeren"), w("REGIO", "jongeren")]).toEqual([2, 1, 2, 3]);
      expect([w("GM0100", "verzuimmeldingen"), w("GM0200", "verzuimmeldingen"), w("GM0300", "verzuimmeldingen"), w("REGIO", "verzuimmeldingen")]).toEqual([1, 1, 2, 4]);
      const dk = d.dekking.find((x) => x.schooljaar === SJ)!;
      expect(dekkingTekst(dk)).toContain("Gammaveen vanaf 1 januari 2026");
      expect(lidNoot(dk, "GM0300")).toContain("1 maart 2026");
    } finally {
      db.close();
    }
  }, 60_000);
});
