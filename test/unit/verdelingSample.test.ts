// The shipped sample: every budget year's verdeling is exact (whole euros adding up to the
// gemeentelijk budget), has only that year's members and agrees with an independent
// recomputation from the raw CBS table.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { DEFAULT_DATA_DIR, gemeentenInJaar } from "../../loaders/config.ts";
import { openStaging, type Staging } from "../../loaders/db.ts";
import { verdelingSite, type VerdelingSite } from "../../loaders/marts/verdeling.ts";

describe("verdeling on the sample data", () => {
  let db: Staging;
  let site: VerdelingSite;
  beforeAll(async () => {
    // openStaging generates the sample on first use (a fresh clone has none yet).
    db = await openStaging(DEFAULT_DATA_DIR);
    site = await verdelingSite(db);
  }, 900_000);
  afterAll(() => db?.close());

  it("has a verdeling for every budget year", () => {
    expect(site.jaren.map((v) => v.jaar)).toEqual(db.regio.budget.map((b) => b.jaar).sort((a, b) => a - b));
    expect(site.jaren.length).toBeGreaterThan(0);
  });

  it("is exact on every year: whole euros that add up to the gemeentelijk budget", () => {
    for (const v of site.jaren) {
      const budget = db.regio.budget.find((b) => b.jaar === v.jaar)!;
      expect(v.gemeentelijk).toBe(budget.gemeentelijk);
      for (const g of v.gemeenten) expect(Number.isInteger(g.bedrag)).toBe(true);
      expect(v.gemeenten.reduce((a, g) => a + g.bedrag, 0), `jaar ${v.jaar}`).toBe(budget.gemeentelijk);
    }
  });

  it("takes part with exactly the members of each year", () => {
    for (const v of site.jaren) {
      expect(v.gemeenten.map((g) => g.code)).toEqual(gemeentenInJaar(db.regio, v.jaar).map((g) => g.code).sort());
    }
  });

  it("is within one euro of an independent proportional computation from cbs_risicoscores", async () => {
    for (const v of site.jaren) {
      const budget = db.regio.budget.find((b) => b.jaar === v.jaar)!;
      const codes = v.gemeenten.map((g) => g.code);
      const rijen = await db.all<{ code: string; s: number }>(
        `SELECT gemeente_code AS code, risicoscore::DOUBLE AS s FROM cbs_risicoscores WHERE jaar = ${budget.risicoscoreJaar}`,
      );
      const scores = new Map(rijen.filter((r) => codes.includes(r.code)).map((r) => [r.code, r.s]));
      const voet = (c: string) => budget.vasteVoet[c] ?? 0;
      const rest = budget.gemeentelijk - codes.reduce((a, c) => a + voet(c), 0);
      const S = [...scores.values()].reduce((a, b) => a + b, 0);
      for (const g of v.gemeenten) {
        const exact = voet(g.code) + (scores.has(g.code) ? (rest * scores.get(g.code)!) / S : 0);
        expect(Math.abs(g.bedrag - exact), `${v.jaar} ${g.naam}`).toBeLessThan(1);
      }
    }
  });
});
